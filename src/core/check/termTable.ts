// The bilingual term table (`content/terms.json`): pairs of English and Simplified Chinese names of one concept, with
// synonyms per side. The checker counts an English attempt term for a Chinese reference term (and the reverse);
// search adds the other side's names to a query.
//
// Format: `{ "pairs": [{ "en": ["fine-tuning", "finetuning"], "zh": ["微调"] }, …] }`, preferred name first.
// `loadTermTable(json)` never throws: entries that do not validate are left out and reported in `problems`.
import { hasHan, latinWords, termKey } from './latinKey';

export interface TermPair {
  en: string[];
  zh: string[];
}

/** One name of the table, prepared for matching. */
export interface TermName {
  name: string;
  key: string;
  /** Its normalised Latin words; undefined for a name with Chinese characters. */
  words: string[] | undefined;
}

export interface TermTable {
  readonly pairs: readonly TermPair[];
  /** Every name of every pair, longest first (a text's longest name claims it). */
  readonly names: readonly TermName[];
  /** Every name of the concepts `term` names (its key matches one of their names), itself included; [] when none. */
  namesOf(term: string): string[];
  /**
   * The names that may occur in `text` (a superset, longest first): those whose first two characters (Chinese) or
   * first word (Latin) it has. A point is looked up once per character, not once per name of the table.
   */
  candidatesIn(text: string): TermName[];
}

export interface LoadedTermTable {
  table: TermTable;
  /** One line per entry left out, e.g. `terms.json pair 12: "zh" must be a non-empty array of strings`. */
  problems: string[];
}

export const EMPTY_TERM_TABLE: TermTable = termTable([]);

export function loadTermTable(json: unknown): LoadedTermTable {
  const problems: string[] = [];
  const rawPairs = isRecord(json) ? json.pairs : undefined;
  if (!Array.isArray(rawPairs)) return { table: EMPTY_TERM_TABLE, problems: ['terms.json: expected an object with a "pairs" array'] };
  const pairs: TermPair[] = [];
  const owners = new Map<string, number>();
  rawPairs.forEach((entry: unknown, index) => {
    const where = `terms.json pair ${index}`;
    const en = isRecord(entry) ? names(entry.en) : undefined;
    const zh = isRecord(entry) ? names(entry.zh) : undefined;
    if (!en || !zh) {
      problems.push(`${where}: "en" and "zh" must be non-empty arrays of non-empty strings`);
      return;
    }
    const keys = [...en, ...zh].map(termKey);
    const taken = keys.find((key) => owners.has(key));
    if (taken !== undefined) {
      problems.push(`${where}: "${taken}" is already in pair ${owners.get(taken)}`);
      return;
    }
    if (keys.some((key) => key === '')) {
      problems.push(`${where}: a name has no letters`);
      return;
    }
    for (const key of keys) owners.set(key, index);
    pairs.push({ en, zh });
  });
  return { table: termTable(pairs), problems };
}

/** The table; its lookups are prepared on first use (the warm start reads only `pairs`, for the cache key). */
function termTable(pairs: readonly TermPair[]): TermTable {
  let lookups: ReturnType<typeof prepare> | undefined;
  const ready = () => (lookups ??= prepare(pairs));
  return {
    pairs,
    get names() {
      return ready().names;
    },
    namesOf: (term) => ready().byKey.get(termKey(term)) ?? [],
    candidatesIn: (text) => ready().candidatesIn(text),
  };
}

function prepare(pairs: readonly TermPair[]) {
  const byKey = new Map<string, string[]>();
  for (const pair of pairs) {
    const all = [...pair.en, ...pair.zh];
    for (const name of all) byKey.set(termKey(name), all);
  }
  const names = pairs
    .flatMap((pair) => [...pair.en, ...pair.zh])
    .map((name) => ({ name, key: termKey(name), words: hasHan(name) ? undefined : latinWords(name) }))
    .sort((a, b) => b.name.length - a.name.length || (a.name < b.name ? -1 : 1));
  const byHead = new Map<string, TermName[]>();
  for (const name of names) {
    const head = name.words ? name.words[0] : name.name.slice(0, 2).toLowerCase();
    if (head === undefined) continue;
    const list = byHead.get(head);
    if (list) list.push(name);
    else byHead.set(head, [name]);
  }
  const candidatesIn = (text: string): TermName[] => {
    const found = new Set<TermName>();
    const lower = text.toLowerCase();
    for (let at = 0; at + 1 < lower.length; at++) for (const name of byHead.get(lower.slice(at, at + 2)) ?? []) found.add(name);
    for (const word of latinWords(text)) for (const name of byHead.get(word) ?? []) found.add(name);
    return names.filter((name) => found.has(name));
  };
  return { byKey, names, candidatesIn };
}

function names(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((name) => typeof name === 'string' && name.trim() !== '')) return undefined;
  return value.map((name: string) => name.trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
