// Question search that finds what a person means: Chinese substrings anywhere, code identifiers,
// English domain words (through the taxonomy's aliases) and small typos, title matches first.
// Fast on large banks: an n-gram inverted index yields candidates, substrings are verified only in
// the fields the index names, and typo correction runs against the vocabulary of Latin words, never
// the full text.
import { EMPTY_TERM_TABLE, type TermTable } from './check/termTable';
import type { Domain, Question } from './model';
import { SearchIndexBuilder, type SearchIndexParts } from './search/builder';
import type { DomainMatcher } from './search/domainMatcher';
import { candidateDoc, candidateFields, type Candidate, type GramIndex } from './search/gramIndex';
import { MatchSet } from './search/matches';
import { charClass, isLatinWord, LATIN, normalisation, needleFinder, normaliseQuery, type NeedleFinder } from './search/normalise';
import { snippetAround } from './search/snippet';
import type { Vocabulary } from './search/vocabulary';

export type SearchField = 'title' | 'prompt' | 'answer' | 'analysis' | 'code' | 'domain';

export interface SearchHit {
  id: string;
  title: string;
  /** Higher is better; only the order is meaningful. */
  score: number;
  /** Where the best match is. */
  field: SearchField;
  /** About 40 characters around the match, one line, markdown markers removed. */
  snippet: string;
}

const TEXT_FIELDS = ['title', 'prompt', 'answer', 'analysis', 'code'] as const;
const DOMAIN_FIELD = TEXT_FIELDS.length;
/** Field order is rank order: any title match outranks any prompt match, and so on. */
const FIELD_BASE = [1000, 800, 600, 580, 560];
/** A question whose primary domain the query names: below its text matches. */
const DOMAIN_BASE = 500;
/** A question tagged with the domain the query names. */
const TAG_BASE = 300;
/** Among a domain's questions, those whose title names the domain (`医疗` for healthcare) come first. */
const TITLE_NAMES_DOMAIN_BONUS = 40;
/** A match found only after correcting a typo counts half (a third for two edits). */
const FUZZY_FACTOR = 0.5;
/** Every word of a multi-word query found, but not as one phrase. */
const ALL_WORDS_FACTOR = 0.9;
/** Longer queries are cut: nobody types more, and it bounds the work per query. */
const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;
/** matchBonus: coverage up to 40 points, an early start up to 20 (fading over 200 characters), whole word 10 + 10. */
const COVERAGE_BONUS = 40;
const POSITION_BONUS = 20;
const POSITION_SPAN = 200;
const WORD_BONUS = 10;
/** No match scores above this: a title match with every bonus. */
const MAX_BOUND = FIELD_BASE[0] + COVERAGE_BONUS + POSITION_BONUS + 2 * WORD_BONUS;
/** A match of a query's translation (term table: `fine-tuning` → 微调) counts nearly as much as the query's own. */
const TRANSLATION_FACTOR = 0.95;
/** At most this many other names of a term are searched for. */
const MAX_TRANSLATIONS = 6;
/** How long one slice of `build` may run before it pauses. */
const BUILD_SLICE_MS = 5;

export class SearchIndex {
  private readonly questions: readonly Question[];
  /** Each question's text fields at question * 5 + field. */
  private readonly texts: string[];
  /** Per question, the length of each text field (question * 5 + field). */
  private readonly fieldLengths: Uint32Array;
  private readonly grams: GramIndex;
  private readonly vocabulary: Vocabulary;
  private readonly domains: readonly Domain[];
  private readonly domainMatcher: DomainMatcher;
  private readonly byDomain: Map<string, number[]>;
  private readonly byTag: Map<string, number[]>;
  private readonly titleNamesDomain: Uint8Array;
  private readonly terms: TermTable;

  /**
   * Builds the index in slices of about 5 ms, awaiting `pause` between them so that the caller's thread (the
   * extension host) stays responsive while a large bank is indexed. Same result as the constructor.
   */
  static async build(
    questions: readonly Question[],
    domains: readonly Domain[],
    pause: () => Promise<void>,
    terms: TermTable = EMPTY_TERM_TABLE,
  ): Promise<SearchIndex> {
    const builder = new SearchIndexBuilder(questions, domains);
    while (!builder.step(BUILD_SLICE_MS)) await pause();
    await pause();
    return new SearchIndex(builder.parts(), terms);
  }

  /**
   * Indexes exactly the questions given (callers pass practice items). `terms`: the bilingual term table, through
   * which a query also finds the other language's name of the same concept.
   */
  constructor(questions: readonly Question[], domains: readonly Domain[], terms?: TermTable);
  /** An index `build` finished. */
  constructor(parts: SearchIndexParts, terms?: TermTable);
  constructor(questionsOrParts: readonly Question[] | SearchIndexParts, domainsOrTerms?: readonly Domain[] | TermTable, terms?: TermTable) {
    let parts: SearchIndexParts;
    if (Array.isArray(questionsOrParts)) {
      const builder = new SearchIndexBuilder(questionsOrParts as readonly Question[], (domainsOrTerms as readonly Domain[] | undefined) ?? []);
      builder.step();
      parts = builder.parts();
      this.terms = terms ?? EMPTY_TERM_TABLE;
    } else {
      parts = questionsOrParts as SearchIndexParts;
      this.terms = (domainsOrTerms as TermTable | undefined) ?? EMPTY_TERM_TABLE;
    }
    this.questions = parts.questions;
    this.texts = parts.texts;
    this.fieldLengths = parts.fieldLengths;
    this.grams = parts.grams;
    this.vocabulary = parts.vocabulary;
    this.domains = parts.domains;
    this.domainMatcher = parts.domainMatcher;
    this.byDomain = parts.byDomain;
    this.byTag = parts.byTag;
    this.titleNamesDomain = parts.titleNamesDomain;
  }

  /** The best `limit` matches for `query`, best first; [] for an empty query. */
  search(query: string, limit = 50): SearchHit[] {
    const count = Math.floor(limit);
    const phrase = normaliseQuery(query).slice(0, MAX_QUERY_LENGTH).trim();
    if (!phrase || !(count >= 1)) return [];
    const matches = this.queryMatches(phrase, count);
    // Into the same set, after the query's own matches: a translation's candidates that cannot reach the best found so
    // far are never read, so a query the table names costs little more than one that it does not.
    for (const name of this.translations(query, phrase)) {
      this.substringMatches(name, TRANSLATION_FACTOR, matches);
      this.domainMatches(name, TRANSLATION_FACTOR, matches);
    }
    return this.hits(matches, count);
  }

  /** The term table's other names of the concept the whole query names (`微调` for `fine-tuning`), normalised. */
  private translations(query: string, phrase: string): string[] {
    if (query.length > MAX_QUERY_LENGTH) return [];
    const names = this.terms.namesOf(query).map((name) => normaliseQuery(name));
    return [...new Set(names)].filter((name) => name !== '' && name !== phrase).slice(0, MAX_TRANSLATIONS);
  }

  /** A normalised query's matches: one word's, or a phrase's and those of all its words. */
  private queryMatches(phrase: string, count: number): MatchSet {
    if (!phrase.includes(' ')) return this.termMatches(phrase, count);
    const matches = this.phraseMatches(phrase, count);
    const terms = [...new Set(phrase.split(' '))].filter(isSelective).slice(0, MAX_TERMS);
    if (terms.length > 0) {
      const all = this.allTermsMatches(terms);
      for (const doc of all.docs) {
        const match = all.get(doc)!;
        matches.recordFrom(match, doc, match.score);
      }
    }
    return matches;
  }

  private hits(matches: MatchSet, count: number): SearchHit[] {
    return matches.top(count).map((doc) => this.hit(doc, matches));
  }

  /**
   * One word: its substring and domain matches, or, when it has none, those of its typo corrections. With `wanted`,
   * only the `wanted` best are sure to be complete (the rest may be skipped); with `within`, only the questions in
   * that set are looked at.
   */
  private termMatches(term: string, wanted = 0, within?: MatchSet): MatchSet {
    const matches = this.phraseMatches(term, wanted, within);
    if (matches.size > 0 || !isLatinWord(term) || (within !== undefined && this.hasMatch(term))) return matches;
    const { words, distance } = this.vocabulary.corrections(term);
    const factor = FUZZY_FACTOR / distance;
    for (const word of words) {
      this.substringMatches(word, factor, matches, within);
      this.domainMatches(word, factor, matches, within);
    }
    return matches;
  }

  private phraseMatches(phrase: string, wanted = 0, within?: MatchSet): MatchSet {
    const matches = new MatchSet(wanted);
    this.substringMatches(phrase, 1, matches, within);
    this.domainMatches(phrase, 1, matches, within);
    return matches;
  }

  /** Whether any question matches `term` as it is spelt. */
  private hasMatch(term: string): boolean {
    for (const domain of this.domainMatcher.match(term).keys()) {
      if (this.byDomain.has(domain) || this.byTag.has(domain)) return true;
    }
    const find = needleFinder(term);
    for (const candidate of this.grams.candidates(term)) {
      const at = candidateDoc(candidate) * TEXT_FIELDS.length;
      for (let field = 0; field < TEXT_FIELDS.length; field++) {
        if ((candidateFields(candidate) & (1 << field)) !== 0 && find(this.texts[at + field]) !== -1) return true;
      }
    }
    return false;
  }

  /**
   * Questions matching every word, scored by the words' average. The word with the fewest candidates is looked up
   * first, and each further word only in the questions that matched all words before it.
   */
  private allTermsMatches(terms: string[]): MatchSet {
    const ordered = terms
      .map((term, index) => ({ term, index, estimate: this.grams.estimate(term) + this.domainEstimate(term) }))
      .sort((a, b) => a.estimate - b.estimate);
    const perTerm: MatchSet[] = [];
    let within: MatchSet | undefined;
    for (const { term, index } of ordered) {
      within = this.termMatches(term, 0, within);
      perTerm[index] = within;
      if (within.size === 0) return within;
    }
    const combined = new MatchSet();
    for (const doc of within!.docs) {
      const matches = perTerm.map((set) => set.get(doc)!);
      let best = matches[0];
      let sum = 0;
      for (const match of matches) {
        sum += match.score;
        if (match.score > best.score) best = match;
      }
      combined.recordFrom(best, doc, (sum / perTerm.length) * ALL_WORDS_FACTOR);
    }
    return combined;
  }

  /** How many questions the domains `term` names hold (primary or tagged). */
  private domainEstimate(term: string): number {
    let count = 0;
    for (const domain of this.domainMatcher.match(term).keys()) {
      count += (this.byDomain.get(domain)?.length ?? 0) + (this.byTag.get(domain)?.length ?? 0);
    }
    return count;
  }

  /**
   * Records each question's match in the first of its fields that contains `needle`. Questions are read in order of
   * the best score they could reach (from their fields' lengths alone), so the wanted best are found first and the
   * rest, once they cannot reach `into.threshold`, are never read.
   */
  private substringMatches(needle: string, factor: number, into: MatchSet, within?: MatchSet): void {
    const find = needleFinder(needle);
    const candidates = this.grams.candidates(needle);
    const bounds = new Uint16Array(candidates.length);
    const counts = new Int32Array(MAX_BOUND + 2);
    for (let c = 0; c < candidates.length; c++) {
      const bound = this.bound(candidates[c], needle.length);
      bounds[c] = bound;
      counts[bound]++;
    }
    // Counting sort by bound, highest first (candidates of one bound stay in document order).
    const starts = counts;
    let next = 0;
    for (let bound = MAX_BOUND + 1; bound >= 0; bound--) {
      const count = starts[bound];
      starts[bound] = next;
      next += count;
    }
    const order = new Int32Array(candidates.length);
    for (let c = 0; c < candidates.length; c++) order[starts[bounds[c]]++] = c;
    for (let o = 0; o < order.length; o++) {
      const c = order[o];
      const bound = bounds[c];
      if (bound === 0) break;
      if (bound * factor < into.threshold) break;
      const fields = candidateFields(candidates[c]);
      const doc = candidateDoc(candidates[c]);
      if (within !== undefined && !within.has(doc)) continue;
      for (let field = 0; field < TEXT_FIELDS.length; field++) {
        if ((fields & (1 << field)) !== 0 && this.verifyField(doc, fields, field, needle, find, factor, into)) break;
      }
    }
  }

  /**
   * The best score (rounded up, before the fuzzy factor) a candidate could reach in the fields it may contain the
   * needle in: field base, full coverage bonus for the field's length, and the position and word bonuses; 0 when no
   * field is long enough.
   */
  private bound(candidate: Candidate, length: number): number {
    const fields = candidateFields(candidate);
    const lengths = this.fieldLengths;
    const at = candidateDoc(candidate) * TEXT_FIELDS.length;
    let best = 0;
    for (let field = 0; field < TEXT_FIELDS.length; field++) {
      if ((fields & (1 << field)) === 0) continue;
      const textLength = lengths[at + field];
      if (textLength < length) continue;
      const bound = FIELD_BASE[field] + (COVERAGE_BONUS * length) / textLength + POSITION_BONUS + 2 * WORD_BONUS;
      if (bound > best) best = bound;
    }
    return Math.ceil(best);
  }

  /**
   * Looks for `needle` in one field of a question whose earlier fields do not contain it; true when the question is
   * decided: matched here, or unable to reach `into.threshold` (then only as much text is read as decides that).
   */
  private verifyField(
    doc: number,
    fields: number,
    field: number,
    needle: string,
    find: NeedleFinder,
    factor: number,
    into: MatchSet,
  ): boolean {
    const texts = this.texts;
    const at = doc * TEXT_FIELDS.length;
    const text = texts[at + field];
    const length = needle.length;
    if (text.length < length) return false;
    const threshold = into.threshold;
    const base = FIELD_BASE[field] + coverageBonus(text, length);
    let lastStart = Infinity;
    if (threshold > 0) {
      // If the needle is in this field, this field is the question's match: whether it is decides the later fields.
      const cannotReach = (base + POSITION_BONUS + 2 * WORD_BONUS) * factor < threshold;
      if (cannotReach) return !laterFieldCanReach(texts, at, fields, field, length, factor, threshold) || find(text) !== -1;
      const needed = threshold / factor - base - 2 * WORD_BONUS;
      if (needed > 0) lastStart = Math.ceil(POSITION_SPAN * (1 - needed / POSITION_BONUS)) + 1;
    }
    const bounded = lastStart < text.length - length;
    const start = bounded ? find(text.slice(0, lastStart + length)) : find(text);
    if (start !== -1) {
      into.record(doc, (FIELD_BASE[field] + matchBonus(text, start, length)) * factor, field, start, length);
      return true;
    }
    if (!bounded) return false;
    return !laterFieldCanReach(texts, at, fields, field, length, factor, threshold) || find(text, lastStart + 1) !== -1;
  }

  /** Records the questions of the domains `needle` names; a domain none of whose questions can reach `into.threshold` is skipped. */
  private domainMatches(needle: string, factor: number, into: MatchSet, within?: MatchSet): void {
    for (const [domain, strength] of this.domainMatcher.match(needle)) {
      const index = this.domains.findIndex((candidate) => candidate.id === domain);
      if ((DOMAIN_BASE * strength + TITLE_NAMES_DOMAIN_BONUS) * factor >= into.threshold) {
        for (const doc of this.byDomain.get(domain) ?? []) {
          if (within !== undefined && !within.has(doc)) continue;
          const score = (DOMAIN_BASE * strength + TITLE_NAMES_DOMAIN_BONUS * this.titleNamesDomain[doc]) * factor;
          into.record(doc, score, DOMAIN_FIELD, 0, 0, index);
        }
      }
      if (TAG_BASE * strength * factor < into.threshold) continue;
      for (const doc of this.byTag.get(domain) ?? []) {
        if (within !== undefined && !within.has(doc)) continue;
        into.record(doc, TAG_BASE * strength * factor, DOMAIN_FIELD, 0, 0, index);
      }
    }
  }

  private hit(doc: number, matches: MatchSet): SearchHit {
    const question = this.questions[doc];
    const match = matches.get(doc)!;
    const score = Math.round(match.score * 100) / 100;
    if (match.field === DOMAIN_FIELD) {
      const { label } = this.domains[match.domain];
      return { id: question.id, title: question.title, score, field: 'domain', snippet: `${label['zh-cn']} · ${label.en}` };
    }
    const snippet = snippetAround(this.texts[doc * TEXT_FIELDS.length + match.field], match.start, match.length);
    return { id: question.id, title: question.title, score, field: TEXT_FIELDS[match.field], snippet };
  }
}

/** Whether a field after `field` that may contain the needle could still score `threshold`. */
function laterFieldCanReach(texts: string[], at: number, fields: number, field: number, length: number, factor: number, threshold: number): boolean {
  for (let later = field + 1; later < TEXT_FIELDS.length; later++) {
    const text = texts[at + later];
    if ((fields & (1 << later)) === 0 || text.length < length) continue;
    const best = FIELD_BASE[later] + coverageBonus(text, length) + POSITION_BONUS + 2 * WORD_BONUS;
    if (best * factor >= threshold) return true;
  }
  return false;
}

function coverageBonus(text: string, length: number): number {
  return (COVERAGE_BONUS * length) / Math.max(length, text.length);
}

/**
 * Up to 80 points within a field: how much of the field the match covers, how early it is, and
 * whether a Latin match is a whole word (`tree` in `decision tree` beats `street`).
 */
function matchBonus(text: string, start: number, length: number): number {
  const { cls } = normalisation();
  const latin = (at: number) => cls[text.charCodeAt(at)] === LATIN;
  const position = POSITION_BONUS * Math.max(0, 1 - start / POSITION_SPAN);
  const end = start + length;
  const opensWord = start === 0 || !latin(start) || !latin(start - 1);
  const closesWord = end === text.length || !latin(end - 1) || !latin(end);
  return coverageBonus(text, length) + position + (opensWord ? WORD_BONUS : 0) + (closesWord ? WORD_BONUS : 0);
}

/** A single Latin letter or digit between spaces matches nearly everything: as a required word it only costs time. */
function isSelective(term: string): boolean {
  return term.length > 1 || charClass(term.charCodeAt(0)) !== LATIN;
}

