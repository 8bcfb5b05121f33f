// The domain taxonomy (content/domains.json): validation, localized labels, and the keyword classifier that gives
// each question one primary domain plus tags.
import { domainAliases, type AliasEntry } from './domainAliases';
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
    const seen = new Set<string>();
    for (const alias of aliases) {
      if (!isNonEmptyString(alias) || alias !== alias.toLowerCase() || alias !== alias.trim()) {
        throw new Error(`${named}: alias ${JSON.stringify(alias)} must be a trimmed, lower-case, non-empty string`);
      }
      // One owner per alias keeps "the longest match wins" unambiguous. The matcher reads a hyphen as a space, so
      // "fine-tuning" and "fine tuning" are one alias: a domain may list both spellings, two domains may not.
      const spelling = alias.replace(/-/g, ' ');
      const owner = aliasOwners.get(spelling);
      if (owner !== undefined && (owner !== id || seen.has(alias))) {
        throw new Error(`${named}: alias "${alias}" is already an alias of "${owner}"`);
      }
      aliasOwners.set(spelling, id);
      seen.add(alias);
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
  const aliases = domainAliases(domains);
  const documentTopic = new Set(aliases.find(input.documentTitle.toLowerCase()).map((hit) => hit.entry));
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
    for (const { entry, at } of aliases.find(text)) {
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
