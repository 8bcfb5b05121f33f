// Question search that finds what a person means: Chinese substrings anywhere, code identifiers,
// English domain words (through the taxonomy's aliases) and small typos, title matches first.
// Fast on large banks: an n-gram inverted index yields candidates, substrings are verified only in
// the fields the index names, and typo correction runs against the vocabulary of Latin words, never
// the full text.
import type { Domain, Question } from './model';
import { DomainMatcher } from './search/domainMatcher';
import { candidateDoc, candidateFields, GramIndex } from './search/gramIndex';
import { MatchSet } from './search/matches';
import { charClass, isLatinWord, LATIN, normaliseQuery, normaliseText } from './search/normalise';
import { snippetAround } from './search/snippet';
import { identifierWords, Vocabulary } from './search/vocabulary';

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

interface Entry {
  question: Question;
  /** Original text of each of TEXT_FIELDS (code blocks joined). */
  texts: string[];
  /** The same, normalised (same lengths). */
  normalised: string[];
}

export class SearchIndex {
  private readonly entries: Entry[];
  private readonly grams: GramIndex;
  private readonly vocabulary: Vocabulary;
  private readonly domains: readonly Domain[];
  private readonly domainMatcher: DomainMatcher;
  private readonly byDomain = new Map<string, number[]>();
  private readonly byTag = new Map<string, number[]>();
  /** 1 where the question's title names its primary domain. */
  private readonly titleNamesDomain: Uint8Array;

  /**
   * Builds the index in slices, awaiting `pause` between them so that the caller's thread (the extension host) stays
   * responsive while a large bank is indexed. Same result as the constructor.
   */
  static async build(questions: readonly Question[], domains: readonly Domain[], pause: () => Promise<void>): Promise<SearchIndex> {
    await pause();
    return new SearchIndex(questions, domains);
  }

  /** Indexes exactly the questions given (callers pass practice items). */
  constructor(questions: readonly Question[], domains: readonly Domain[]) {
    this.grams = new GramIndex(questions.length);
    this.domains = domains;
    this.domainMatcher = new DomainMatcher(domains);
    const identifiers = new Set<string>();
    this.entries = questions.map((question, doc) => {
      const texts = [
        question.title,
        question.prompt,
        question.answer,
        question.analysis,
        question.code.map((block) => block.source).join('\n'),
      ];
      const normalised = texts.map(normaliseText);
      normalised.forEach((text, field) =>
        this.grams.add(doc, field, text, (start, end) => {
          if (end - start >= 3) identifiers.add(texts[field].slice(start, end));
        }),
      );
      addTo(this.byDomain, question.domain, doc);
      for (const tag of question.tags) addTo(this.byTag, tag, doc);
      return { question, texts, normalised };
    });
    this.titleNamesDomain = Uint8Array.from(this.entries, ({ question, normalised }) =>
      this.domainMatcher.mentions(question.domain, normalised[0]) ? 1 : 0,
    );
    const words = [...identifiers].flatMap(identifierWords);
    this.vocabulary = new Vocabulary([...words, ...this.domainMatcher.words()]);
  }

  /** The best `limit` matches for `query`, best first; [] for an empty query. */
  search(query: string, limit = 50): SearchHit[] {
    const count = Math.floor(limit);
    const phrase = normaliseQuery(query).slice(0, MAX_QUERY_LENGTH).trim();
    if (!phrase || !(count >= 1)) return [];
    if (!phrase.includes(' ')) return this.hits(this.termMatches(phrase), count);
    const matches = this.phraseMatches(phrase);
    const terms = [...new Set(phrase.split(' '))].filter(isSelective).slice(0, MAX_TERMS);
    if (terms.length > 0) {
      const all = this.allTermsMatches(terms);
      for (const doc of all.docs) matches.recordFrom(all, doc, all.score[doc]);
    }
    return this.hits(matches, count);
  }

  private hits(matches: MatchSet, count: number): SearchHit[] {
    return matches.top(count).map((doc) => this.hit(doc, matches));
  }

  /** One word: its substring and domain matches, or, when it has none, those of its typo corrections. */
  private termMatches(term: string): MatchSet {
    const matches = this.phraseMatches(term);
    if (matches.size > 0 || !isLatinWord(term)) return matches;
    const { words, distance } = this.vocabulary.corrections(term);
    const factor = FUZZY_FACTOR / distance;
    for (const word of words) {
      this.substringMatches(word, factor, matches);
      this.domainMatches(word, factor, matches);
    }
    return matches;
  }

  private phraseMatches(phrase: string): MatchSet {
    const matches = new MatchSet(this.entries.length);
    this.substringMatches(phrase, 1, matches);
    this.domainMatches(phrase, 1, matches);
    return matches;
  }

  /** Questions matching every word, scored by the words' average. */
  private allTermsMatches(terms: string[]): MatchSet {
    const perTerm = terms.map((term) => this.termMatches(term)).sort((a, b) => a.size - b.size);
    const combined = new MatchSet(this.entries.length);
    for (const doc of perTerm[0].docs) {
      if (!perTerm.every((matches) => matches.has(doc))) continue;
      let best = perTerm[0];
      let sum = 0;
      for (const matches of perTerm) {
        sum += matches.score[doc];
        if (matches.score[doc] > best.score[doc]) best = matches;
      }
      combined.recordFrom(best, doc, (sum / perTerm.length) * ALL_WORDS_FACTOR);
    }
    return combined;
  }

  private substringMatches(needle: string, factor: number, into: MatchSet): void {
    for (const candidate of this.grams.candidates(needle)) {
      const doc = candidateDoc(candidate);
      const fields = candidateFields(candidate);
      const normalised = this.entries[doc].normalised;
      for (let field = 0; field < TEXT_FIELDS.length; field++) {
        if ((fields & (1 << field)) === 0) continue;
        const start = normalised[field].indexOf(needle);
        if (start === -1) continue;
        const score = (FIELD_BASE[field] + matchBonus(normalised[field], start, needle.length)) * factor;
        into.record(doc, score, field, start, needle.length);
        break;
      }
    }
  }

  private domainMatches(needle: string, factor: number, into: MatchSet): void {
    for (const [domain, strength] of this.domainMatcher.match(needle)) {
      const index = this.domains.findIndex((candidate) => candidate.id === domain);
      for (const doc of this.byDomain.get(domain) ?? []) {
        const score = (DOMAIN_BASE * strength + TITLE_NAMES_DOMAIN_BONUS * this.titleNamesDomain[doc]) * factor;
        into.record(doc, score, DOMAIN_FIELD, 0, 0, index);
      }
      for (const doc of this.byTag.get(domain) ?? []) {
        into.record(doc, TAG_BASE * strength * factor, DOMAIN_FIELD, 0, 0, index);
      }
    }
  }

  private hit(doc: number, matches: MatchSet): SearchHit {
    const { question, texts } = this.entries[doc];
    const score = Math.round(matches.score[doc] * 100) / 100;
    const field = matches.field[doc];
    if (field === DOMAIN_FIELD) {
      const { label } = this.domains[matches.domain[doc]];
      return { id: question.id, title: question.title, score, field: 'domain', snippet: `${label['zh-cn']} · ${label.en}` };
    }
    const snippet = snippetAround(texts[field], matches.start[doc], matches.length[doc]);
    return { id: question.id, title: question.title, score, field: TEXT_FIELDS[field], snippet };
  }
}

/**
 * Up to 80 points within a field: how much of the field the match covers, how early it is, and
 * whether a Latin match is a whole word (`tree` in `decision tree` beats `street`).
 */
function matchBonus(text: string, start: number, length: number): number {
  const coverage = (40 * length) / Math.max(length, text.length);
  const position = 20 * Math.max(0, 1 - start / 200);
  const end = start + length;
  const opensWord =
    start === 0 || charClass(text.charCodeAt(start)) !== LATIN || charClass(text.charCodeAt(start - 1)) !== LATIN;
  const closesWord =
    end === text.length || charClass(text.charCodeAt(end - 1)) !== LATIN || charClass(text.charCodeAt(end)) !== LATIN;
  return coverage + position + (opensWord ? 10 : 0) + (closesWord ? 10 : 0);
}

/** A single Latin letter or digit between spaces matches nearly everything: as a required word it only costs time. */
function isSelective(term: string): boolean {
  return term.length > 1 || charClass(term.charCodeAt(0)) !== LATIN;
}

function addTo(map: Map<string, number[]>, key: string, doc: number): void {
  const list = map.get(key);
  if (list) list.push(doc);
  else map.set(key, [doc]);
}
