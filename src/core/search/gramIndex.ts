// An inverted index from n-grams to the documents (and fields) containing them. Latin runs are indexed
// by trigrams (two-character runs whole; a lone character is in nearly every document, so not at all),
// wide runs (CJK etc.) by bigrams and single characters. Keys are small integers and
// postings are packed integers, so building and looking up allocate no strings. A document whose field
// contains a needle as a substring has every key of the needle in that field, so `candidates` never
// misses a match; callers verify the substring in the fields it names.
import { charClass, LATIN, NONE } from './normalise';

const SYMBOLS = 37; // a-z, 0-9, _
const TRIGRAMS = SYMBOLS * SYMBOLS * SYMBOLS;
/** Two-character Latin runs are indexed whole, after the trigram keys. */
const PAIRS = TRIGRAMS;
const LATIN_KEYS = PAIRS + SYMBOLS * SYMBOLS;
/** Wide characters get dense ids of 14 bits; the rare overflow shares the last id (more candidates, never fewer). */
const WIDE_ID_BITS = 14;
const MAX_WIDE_ID = (1 << WIDE_ID_BITS) - 1;
/** A posting is `doc << FIELD_BITS | mask of the fields containing the key`. */
const FIELD_BITS = 5;
const FIELD_MASK = (1 << FIELD_BITS) - 1;

/** A candidate document: `doc`, and a bit mask of its fields that may contain the needle. */
export type Candidate = number;
export const candidateDoc = (candidate: Candidate): number => candidate >>> FIELD_BITS;
export const candidateFields = (candidate: Candidate): number => candidate & FIELD_MASK;

function symbol(code: number): number {
  if (code >= 97) return code - 97; // a-z
  if (code <= 57) return code - 48 + 26; // 0-9
  return 36; // _
}

export class GramIndex {
  /** Latin keys and single wide characters index arrays directly; wide bigrams (sparse) go through a map. */
  private readonly latin: (number[] | undefined)[] = new Array(LATIN_KEYS);
  private readonly wideSingles: (number[] | undefined)[] = new Array(MAX_WIDE_ID + 1);
  private readonly widePairs = new Map<number, number[]>();
  private readonly wideIds = new Uint16Array(65536);
  private nextWideId = 1;

  constructor(private readonly documentCount: number) {}

  /**
   * Indexes normalised `text` as field `field` (0–4) of document `doc`. Documents must be added in
   * increasing order. `onLatinRun` sees each run of Latin characters (for the typo vocabulary).
   */
  add(doc: number, field: number, text: string, onLatinRun?: (start: number, end: number) => void): void {
    const entry = (doc << FIELD_BITS) | (1 << field);
    const length = text.length;
    let start = 0;
    while (start < length) {
      const cls = charClass(text.charCodeAt(start));
      if (cls === NONE) {
        start++;
        continue;
      }
      let end = start + 1;
      while (end < length && charClass(text.charCodeAt(end)) === cls) end++;
      if (cls === LATIN) {
        this.addLatinRun(entry, text, start, end);
        onLatinRun?.(start, end);
      } else {
        this.addWideRun(entry, text, start, end);
      }
      start = end;
    }
  }

  /**
   * Documents that may contain `needle` (normalised), ascending, each with the fields that may; `[]`
   * when the needle has no letter or digit to look up.
   */
  candidates(needle: string): Candidate[] {
    const lists: number[][] = [];
    let unconstrained = false;
    const length = needle.length;
    let start = 0;
    while (start < length) {
      const cls = charClass(needle.charCodeAt(start));
      if (cls === NONE) {
        start++;
        continue;
      }
      let end = start + 1;
      while (end < length && charClass(needle.charCodeAt(end)) === cls) end++;
      if (cls === LATIN && end - start === 1) {
        // One Latin character is in nearly every document: checking them all is cheaper than a union.
        unconstrained = true;
      } else if (!(cls === LATIN ? this.latinLists(needle, start, end, lists) : this.wideLists(needle, start, end, lists))) {
        return [];
      }
      start = end;
    }
    if (lists.length > 0) return intersect(lists);
    return unconstrained ? Array.from({ length: this.documentCount }, (_, doc) => (doc << FIELD_BITS) | FIELD_MASK) : [];
  }

  private addLatinRun(entry: number, text: string, start: number, end: number): void {
    if (end - start === 2) push(this.latin, pairKey(text, start), entry);
    for (let i = start; i + 3 <= end; i++) push(this.latin, trigramKey(text, i), entry);
  }

  private addWideRun(entry: number, text: string, start: number, end: number): void {
    let previous = 0;
    for (let i = start; i < end; i++) {
      const id = this.assignWideId(text.charCodeAt(i));
      push(this.wideSingles, id, entry);
      if (i > start) this.pushPair((previous << WIDE_ID_BITS) | id, entry);
      previous = id;
    }
  }

  private assignWideId(code: number): number {
    let id = this.wideIds[code];
    if (id === 0) {
      id = Math.min(this.nextWideId++, MAX_WIDE_ID);
      this.wideIds[code] = id;
    }
    return id;
  }

  private pushPair(key: number, entry: number): void {
    const list = this.widePairs.get(key);
    if (list === undefined) this.widePairs.set(key, [entry]);
    else addEntry(list, entry);
  }

  /** Adds the postings a Latin run of the needle requires; false when some key has no documents. */
  private latinLists(needle: string, start: number, end: number, lists: number[][]): boolean {
    if (end - start === 2) {
      const union = this.latinPairUnion(needle, start);
      if (union.length === 0) return false;
      lists.push(union);
      return true;
    }
    for (let i = start; i + 3 <= end; i++) {
      const list = this.latin[trigramKey(needle, i)];
      if (list === undefined) return false;
      lists.push(list);
    }
    return true;
  }

  /** A two-character Latin run can sit inside any trigram containing it, or be a whole run. */
  private latinPairUnion(needle: string, start: number): number[] {
    const a = symbol(needle.charCodeAt(start));
    const b = symbol(needle.charCodeAt(start + 1));
    const keys = [pairKey(needle, start)];
    for (let x = 0; x < SYMBOLS; x++) keys.push((a * SYMBOLS + b) * SYMBOLS + x, (x * SYMBOLS + a) * SYMBOLS + b);
    const masks = new Uint8Array(this.documentCount);
    for (const key of keys) {
      for (const entry of this.latin[key] ?? []) masks[entry >>> FIELD_BITS] |= entry & FIELD_MASK;
    }
    const union: number[] = [];
    for (let doc = 0; doc < masks.length; doc++) if (masks[doc] !== 0) union.push((doc << FIELD_BITS) | masks[doc]);
    return union;
  }

  private wideLists(needle: string, start: number, end: number, lists: number[][]): boolean {
    let previous = 0;
    for (let i = start; i < end; i++) {
      const id = this.wideIds[needle.charCodeAt(i)];
      if (id === 0) return false;
      if (end - start === 1 || i > start) {
        const list = i === start ? this.wideSingles[id] : this.widePairs.get((previous << WIDE_ID_BITS) | id);
        if (list === undefined) return false;
        lists.push(list);
      }
      previous = id;
    }
    return true;
  }
}

function push(lists: (number[] | undefined)[], key: number, entry: number): void {
  const list = lists[key];
  if (list === undefined) lists[key] = [entry];
  else addEntry(list, entry);
}

/** Appends, or merges the field bit into the document's last entry. */
function addEntry(list: number[], entry: number): void {
  const last = list.length - 1;
  if (list[last] >>> FIELD_BITS === entry >>> FIELD_BITS) list[last] |= entry;
  else list.push(entry);
}

function trigramKey(text: string, i: number): number {
  return (symbol(text.charCodeAt(i)) * SYMBOLS + symbol(text.charCodeAt(i + 1))) * SYMBOLS + symbol(text.charCodeAt(i + 2));
}

function pairKey(text: string, start: number): number {
  return PAIRS + symbol(text.charCodeAt(start)) * SYMBOLS + symbol(text.charCodeAt(start + 1));
}

/** Documents in every list (ascending), with the fields that are in every list; smallest list first. */
function intersect(lists: number[][]): Candidate[] {
  const sorted = [...new Set(lists)].sort((a, b) => a.length - b.length);
  let result = sorted[0];
  for (let k = 1; k < sorted.length && result.length > 0; k++) {
    const other = sorted[k];
    const next: number[] = [];
    let i = 0;
    let j = 0;
    while (i < result.length && j < other.length) {
      const a = result[i] >>> FIELD_BITS;
      const b = other[j] >>> FIELD_BITS;
      if (a === b) {
        const both = result[i] & other[j];
        if ((both & FIELD_MASK) !== 0) next.push(both);
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    result = next;
  }
  return result;
}
