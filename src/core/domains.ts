// The domain taxonomy (content/domains.json): validation, localized labels, and the keyword classifier that gives
// each question one primary domain plus tags.
import { type Domain, GENERAL_DOMAIN } from './model';

export interface ClassifyInput {
  title: string;
  prompt: string;
  answer: string;
  section?: string;
  /** The bank's own title: its overall topic, which must not swamp each question's subject. */
  documentTitle: string;
}

export interface Classification {
  domain: string;
  tags: string[];
}

/** Validates the taxonomy's JSON. Throws an Error naming the bad entry: the file is bundled, so that is our bug. */
export function loadDomains(json: unknown): Domain[] {
  if (!Array.isArray(json)) {
    throw new Error('domains.json: expected an array of domains');
  }
  const ids = new Set<string>();
  const aliasOwners = new Map<string, string>();
  return json.map((entry: unknown, index) => {
    const where = `domains.json entry ${index}`;
    if (!isRecord(entry)) {
      throw new Error(`${where}: expected an object`);
    }
    const { id, label, aliases } = entry;
    if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) {
      throw new Error(`${where}: "id" must be a lower-case identifier`);
    }
    const named = `${where} ("${id}")`;
    if (id === GENERAL_DOMAIN || ids.has(id)) {
      throw new Error(`${named}: the id is ${id === GENERAL_DOMAIN ? 'reserved' : 'used twice'}`);
    }
    ids.add(id);
    if (!isRecord(label) || !isNonEmptyString(label.en) || !isNonEmptyString(label['zh-cn'])) {
      throw new Error(`${named}: "label" needs non-empty "en" and "zh-cn" strings`);
    }
    if (!Array.isArray(aliases) || aliases.length === 0) {
      throw new Error(`${named}: "aliases" must be a non-empty array`);
    }
    for (const alias of aliases) {
      if (!isNonEmptyString(alias) || alias !== alias.toLowerCase() || alias !== alias.trim()) {
        throw new Error(`${named}: alias ${JSON.stringify(alias)} must be a trimmed, lower-case, non-empty string`);
      }
      const owner = aliasOwners.get(alias);
      if (owner !== undefined) {
        // One owner per alias keeps "the longest match wins" unambiguous.
        throw new Error(`${named}: alias "${alias}" is already an alias of "${owner}"`);
      }
      aliasOwners.set(alias, id);
    }
    return { id, label: { en: label.en, 'zh-cn': label['zh-cn'] }, aliases: [...aliases] };
  });
}

const GENERAL_LABEL = { en: 'General', 'zh-cn': '综合' };

/** The label to show for a domain (`undefined` = the `general` catch-all). Any Chinese locale gets the zh-cn label. */
export function domainLabel(domain: Domain | undefined, locale: string): string {
  const label = domain?.label ?? GENERAL_LABEL;
  return locale.toLowerCase().startsWith('zh') ? label['zh-cn'] : label.en;
}

// How much a distinct alias found in each field counts: the title says what the question is about; a long answer
// mentions many things in passing.
const FIELD_WEIGHT = { title: 10, section: 6, prompt: 3, answer: 1 } as const;
/** A field adds at most this many times its weight to one domain, so a wordy answer cannot outvote the title. */
const FIELD_CAP = 2;
/** An alias that also names the bank's overall topic says little about one question of that bank. */
const DOCUMENT_TOPIC_FACTOR = 0.2;
/** "基于X的…" names the technique X; the subject is what follows. X ends at the first 的 or punctuation. */
const METHOD_START = '基于';
const METHOD_STOP = /[的，。；？！,.;?!]/g;
const METHOD_FACTOR = 0.2;
/** Below this the evidence is a passing mention at best: the question goes to `general`. */
const MIN_PRIMARY_SCORE = 1.5;
/** A tag needs evidence beyond an answer's passing mentions, and a fair share of the primary domain's score. */
const MIN_TAG_SCORE = 2.5;
const MIN_TAG_SHARE = 0.25;
const MAX_TAGS = 3;
const TIE_TOLERANCE = 1e-9;

/** The primary domain is what the question is mainly about; tags are other domains with a meaningful score. */
export function classifyDomain(input: ClassifyInput, domains: readonly Domain[]): Classification {
  const matcher = matcherFor(domains);
  const documentTopic = new Set(findAliases(matcher, input.documentTitle.toLowerCase()).map((hit) => hit.entry));
  const scores = new Array<number>(domains.length).fill(0);
  const fields: [string | undefined, number][] = [
    [input.title, FIELD_WEIGHT.title],
    [input.section, FIELD_WEIGHT.section],
    [input.prompt, FIELD_WEIGHT.prompt],
    [input.answer, FIELD_WEIGHT.answer],
  ];
  for (const [original, weight] of fields) {
    if (!original) {
      continue;
    }
    const text = original.toLowerCase();
    // Each distinct alias counts once per field, at its strongest occurrence.
    const strongest = new Map<AliasEntry, number>();
    const inMethod = methodMask(text);
    for (const { entry, at } of findAliases(matcher, text)) {
      const topical = documentTopic.has(entry) ? DOCUMENT_TOPIC_FACTOR : 1;
      const method = inMethod?.[at] ? METHOD_FACTOR : 1;
      strongest.set(entry, Math.max(strongest.get(entry) ?? 0, weight * entry.weight * topical * method));
    }
    const fieldScores = new Array<number>(domains.length).fill(0);
    for (const [entry, score] of strongest) {
      fieldScores[entry.domainIndex] += score;
    }
    fieldScores.forEach((score, index) => {
      scores[index] += Math.min(score, weight * FIELD_CAP);
    });
  }

  let best = -1;
  scores.forEach((score, index) => {
    // Clearly greater: ties (up to rounding) go to the domain listed first in the taxonomy.
    if (score >= MIN_PRIMARY_SCORE && (best < 0 || score > scores[best] + TIE_TOLERANCE)) {
      best = index;
    }
  });
  if (best < 0) {
    return { domain: GENERAL_DOMAIN, tags: [] };
  }
  const tagThreshold = Math.max(MIN_TAG_SCORE, scores[best] * MIN_TAG_SHARE);
  const tags = scores
    .map((score, index) => ({ score, index }))
    .filter(({ score, index }) => index !== best && score >= tagThreshold)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_TAGS)
    .map(({ index }) => domains[index].id);
  return { domain: domains[best].id, tags };
}

interface AliasEntry {
  text: string;
  domainIndex: number;
  /** Longer, more specific phrases count more (sub-linearly). */
  weight: number;
  /** English aliases match whole words only ("ar" must not match inside "learning"). */
  wordStart: boolean;
  wordEnd: boolean;
}

/** A trie over the aliases' characters, so a scan finds the longest alias at each position in one walk. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** The alias spelled by the path from the root to here, if any. */
  entry?: AliasEntry;
}

interface Matcher extends TrieNode {
  /** By UTF-16 code unit: 1 where some alias starts with it. */
  starts: Uint8Array;
}

const matchers = new WeakMap<readonly Domain[], Matcher>();

function matcherFor(domains: readonly Domain[]): Matcher {
  const cached = matchers.get(domains);
  if (cached) {
    return cached;
  }
  const root: Matcher = { next: new Map(), starts: new Uint8Array(0x10000) };
  domains.forEach((domain, domainIndex) => {
    for (const text of domain.aliases) {
      root.starts[text.charCodeAt(0)] = 1;
      let node: TrieNode = root;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let child = node.next.get(code);
        if (!child) {
          child = { next: new Map() };
          node.next.set(code, child);
        }
        node = child;
      }
      node.entry = {
        text,
        domainIndex,
        weight: Math.sqrt(aliasUnits(text) / 2),
        wordStart: isWordCode(text.charCodeAt(0)),
        wordEnd: isWordCode(text.charCodeAt(text.length - 1)),
      };
    }
  });
  matchers.set(domains, root);
  return root;
}

interface AliasHit {
  entry: AliasEntry;
  at: number;
}

/**
 * Every alias occurrence, overlaps resolved in favour of the longer alias (then the earlier one): "大模型训练数据" is
 * one data hit ("训练数据"), not training ("训练") too. `text` must be lower-case, like the aliases.
 */
function findAliases(matcher: Matcher, text: string): AliasHit[] {
  const candidates: AliasHit[] = [];
  for (let at = 0; at < text.length; at++) {
    const first = text.charCodeAt(at);
    // Cheap exits: a character that starts no alias, or a letter inside a word (English aliases are whole words).
    if (!matcher.starts[first] || (isWordCode(first) && at > 0 && isWordCode(text.charCodeAt(at - 1)))) {
      continue;
    }
    let longest: AliasEntry | undefined;
    let node = matcher.next.get(first);
    for (let end = at + 1; node; end++) {
      if (node.entry && isWholeWord(text, at, end, node.entry)) {
        longest = node.entry;
      }
      node = end < text.length ? node.next.get(text.charCodeAt(end)) : undefined;
    }
    if (longest) {
      candidates.push({ entry: longest, at });
    }
  }
  candidates.sort((a, b) => b.entry.text.length - a.entry.text.length || a.at - b.at);
  const taken = new Uint8Array(text.length);
  const hits: AliasHit[] = [];
  for (const hit of candidates) {
    const end = hit.at + hit.entry.text.length;
    if (!taken.subarray(hit.at, end).includes(1)) {
      taken.fill(1, hit.at, end);
      hits.push(hit);
    }
  }
  return hits;
}

/**
 * 1 for each character of a span naming a technique, not the subject: "基于强化学习的智能游戏系统" is about games.
 * Undefined when there is none. A mask, not a list of spans, so looking a hit up costs the same however many there are.
 */
function methodMask(text: string): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  // Every 基于 before the last stop found shares that stop, so the text is scanned once, not once per 基于.
  let stop = -1;
  for (let at = text.indexOf(METHOD_START); at >= 0; at = text.indexOf(METHOD_START, at + 1)) {
    if (stop < at + METHOD_START.length) {
      METHOD_STOP.lastIndex = at + METHOD_START.length;
      stop = METHOD_STOP.exec(text)?.index ?? text.length;
    }
    if (text[stop] === '的') {
      mask ??= new Uint8Array(text.length);
      mask.fill(1, at, stop + 1);
      at = stop;
    }
  }
  return mask;
}

/** English aliases must not start or end inside a word; a trailing plural "s" still counts ("recommendations"). */
function isWholeWord(text: string, at: number, end: number, entry: AliasEntry): boolean {
  if (entry.wordStart && at > 0 && isWordCode(text.charCodeAt(at - 1))) {
    return false;
  }
  const next = text.charCodeAt(end) === 0x73 /* s */ ? end + 1 : end;
  return !entry.wordEnd || !isWordCode(text.charCodeAt(end)) || !isWordCode(text.charCodeAt(next));
}

/** CJK characters count one each, English words two each: "金融" and "finance" weigh the same. */
function aliasUnits(alias: string): number {
  const cjk = alias.match(/[^\x00-\x7f]/g)?.length ?? 0;
  const words = alias.match(/[a-z0-9]+/g)?.length ?? 0;
  return Math.max(1, cjk + 2 * words);
}

/** a-z or 0-9: texts are lower-cased before scanning. */
function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
