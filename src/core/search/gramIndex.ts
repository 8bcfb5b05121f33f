// An inverted index from n-grams to the documents (and fields) containing them. Latin runs are indexed by their
// characters, pairs and trigrams; wide runs (CJK etc.) by characters and bigrams. Keys are small integers and
// postings are packed integers in compact lists (postings.ts), so building allocates no strings and no object per
// key. A document whose field contains a needle as a substring has every key of the needle in that field, so
// `candidates` never misses a match; callers verify the substring in the fields it names.
import { LATIN, NONE, normalisation, type NormalisationTable } from './normalise';
import { PostingLists } from './postings';

const SYMBOLS = 37; // a-z, 0-9, _
const PAIRS = SYMBOLS;
const TRIGRAMS = PAIRS + SYMBOLS * SYMBOLS;
const LATIN_KEYS = TRIGRAMS + SYMBOLS * SYMBOLS * SYMBOLS;
/** Wide characters get dense ids of 14 bits; the rare overflow shares the last id (more candidates, never fewer). */
const WIDE_ID_BITS = 14;
const MAX_WIDE_ID = (1 << WIDE_ID_BITS) - 1;
const WIDE_SINGLES = LATIN_KEYS;
/** Wide bigrams (sparse) get keys from here on, in order of first use, through an open-addressing table. */
const WIDE_PAIRS = WIDE_SINGLES + MAX_WIDE_ID + 1;
/** A posting is `doc << FIELD_BITS | mask of the fields containing the key`. */
const FIELD_BITS = 5;
const FIELD_MASK = (1 << FIELD_BITS) - 1;
/** Intersecting stops when the next list is this many times longer than the candidates so far: verifying is cheaper. */
const SKIP_RATIO = 256;

/** A candidate document: `doc`, and a bit mask of its fields that may contain the needle. */
export type Candidate = number;
export const candidateDoc = (candidate: Candidate): number => candidate >>> FIELD_BITS;
export const candidateFields = (candidate: Candidate): number => candidate & FIELD_MASK;

/** Of a normalised Latin character (`a`–`z`, `0`–`9`, `_`). */
function symbol(code: number): number {
  if (code >= 97) return code - 97;
  if (code <= 57) return code - 48 + 26;
  return 36;
}

export class GramIndex {
  private readonly table: NormalisationTable = normalisation();
  private readonly postings = new PostingLists(WIDE_PAIRS + 4096);
  private readonly wideIds = new Uint16Array(65536);
  private nextWideId = 1;
  private pairKeys = new Int32Array(1 << 12).fill(-1);
  private pairSlots = new Int32Array(1 << 12);
  private pairCount = 0;
  /** Per key, the document (+ 1) that last touched it and the fields it touched. */
  private stamps = new Int32Array(WIDE_PAIRS + 4096);
  private masks = new Uint8Array(WIDE_PAIRS + 4096);
  private touched = new Int32Array(1024);
  private touchedCount = 0;

  /**
   * Indexes the fields (0–4) of document `doc`, read through the normalisation table. Documents must be added in
   * increasing order. `onLatinRun` sees each run of Latin characters (for the typo vocabulary), with a 53-bit hash of
   * its original characters.
   */
  add(doc: number, fields: readonly string[], onLatinRun?: (field: number, start: number, end: number, hash: number) => void): void {
    const { unit, cls } = this.table;
    const stamp = doc + 1;
    this.touchedCount = 0;
    for (let field = 0; field < fields.length; field++) {
      const text = fields[field];
      const bit = 1 << field;
      const length = text.length;
      let i = 0;
      while (i < length) {
        const kind = cls[text.charCodeAt(i)];
        if (kind === NONE) {
          i++;
          continue;
        }
        const start = i;
        if (kind === LATIN) {
          let a = -1;
          let b = -1;
          let high = 0x811c9dc5;
          let low = 0x01000193;
          for (; i < length && cls[text.charCodeAt(i)] === LATIN; i++) {
            const code = text.charCodeAt(i);
            high = Math.imul(high ^ code, 0x01000193);
            low = Math.imul(low ^ code, 0x5bd1e995);
            const c = symbol(unit[code]);
            this.touch(c, bit, stamp);
            if (b >= 0) this.touch(PAIRS + b * SYMBOLS + c, bit, stamp);
            if (a >= 0) this.touch(TRIGRAMS + (a * SYMBOLS + b) * SYMBOLS + c, bit, stamp);
            a = b;
            b = c;
          }
          onLatinRun?.(field, start, i, (high >>> 0) * 2 ** 21 + (low >>> 11));
        } else {
          let previous = -1;
          for (; i < length && cls[text.charCodeAt(i)] === kind; i++) {
            const id = this.wideId(unit[text.charCodeAt(i)]);
            this.touch(WIDE_SINGLES + id, bit, stamp);
            if (previous >= 0) this.touch(this.pairKey((previous << WIDE_ID_BITS) | id, true), bit, stamp);
            previous = id;
          }
        }
      }
    }
    const entry = doc << FIELD_BITS;
    for (let k = 0; k < this.touchedCount; k++) {
      const key = this.touched[k];
      this.postings.append(key, entry | this.masks[key]);
    }
  }

  /**
   * Documents that may contain `needle` (normalised), ascending, each with the fields that may; empty when the
   * needle has no letter or digit to look up.
   */
  candidates(needle: string): Int32Array {
    const keys = this.needleKeys(needle);
    if (keys === undefined || keys.length === 0) return new Int32Array(0);
    keys.sort((a, b) => this.postings.count(a) - this.postings.count(b));
    let result = this.postings.read(keys[0]);
    for (let k = 1; k < keys.length && result.length > 0; k++) {
      if (this.postings.count(keys[k]) > SKIP_RATIO * result.length) break;
      result = intersect(result, this.postings.read(keys[k]));
    }
    return result;
  }

  /** At most how many documents may contain `needle`: the length of its shortest key's list. */
  estimate(needle: string): number {
    const keys = this.needleKeys(needle);
    if (keys === undefined || keys.length === 0) return 0;
    return Math.min(...keys.map((key) => this.postings.count(key)));
  }

  /** The distinct keys of a needle, or undefined when one of them occurs nowhere. */
  private needleKeys(needle: string): number[] | undefined {
    const { unit, cls } = this.table;
    const keys = new Set<number>();
    const length = needle.length;
    let i = 0;
    while (i < length) {
      const kind = cls[needle.charCodeAt(i)];
      if (kind === NONE) {
        i++;
        continue;
      }
      const start = i;
      while (i < length && cls[needle.charCodeAt(i)] === kind) i++;
      const run = i - start;
      const code = (at: number) => unit[needle.charCodeAt(at)];
      if (kind === LATIN) {
        const s = (at: number) => symbol(code(at));
        if (run === 1) keys.add(s(start));
        else if (run === 2) keys.add(PAIRS + s(start) * SYMBOLS + s(start + 1));
        else for (let j = start; j + 3 <= i; j++) keys.add(TRIGRAMS + (s(j) * SYMBOLS + s(j + 1)) * SYMBOLS + s(j + 2));
      } else {
        const ids = Array.from({ length: run }, (_, j) => this.wideIds[code(start + j)]);
        if (ids.includes(0)) return undefined;
        if (run === 1) keys.add(WIDE_SINGLES + ids[0]);
        for (let j = 1; j < run; j++) {
          const key = this.pairKey((ids[j - 1] << WIDE_ID_BITS) | ids[j], false);
          if (key < 0) return undefined;
          keys.add(key);
        }
      }
    }
    for (const key of keys) if (this.postings.count(key) === 0) return undefined;
    return [...keys];
  }

  private touch(key: number, bit: number, stamp: number): void {
    if (this.stamps[key] !== stamp) {
      this.stamps[key] = stamp;
      this.masks[key] = bit;
      if (this.touchedCount === this.touched.length) this.touched = grown(this.touched, this.touched.length * 2);
      this.touched[this.touchedCount++] = key;
    } else {
      this.masks[key] |= bit;
    }
  }

  private wideId(code: number): number {
    let id = this.wideIds[code];
    if (id === 0) {
      id = Math.min(this.nextWideId++, MAX_WIDE_ID);
      this.wideIds[code] = id;
    }
    return id;
  }

  /** The key of a wide bigram; with `create`, one is assigned on first use, else -1 for a bigram never seen. */
  private pairKey(pair: number, create: boolean): number {
    const mask = this.pairKeys.length - 1;
    let slot = hashSlot(pair, this.pairKeys.length);
    while (this.pairKeys[slot] !== -1) {
      if (this.pairKeys[slot] === pair) return this.pairSlots[slot];
      slot = (slot + 1) & mask;
    }
    if (!create) return -1;
    const key = WIDE_PAIRS + this.pairCount++;
    this.pairKeys[slot] = pair;
    this.pairSlots[slot] = key;
    if (key >= this.stamps.length) {
      const size = this.stamps.length * 2;
      this.stamps = grown(this.stamps, size);
      this.masks = grown(this.masks, size);
      this.postings.reserve(size);
    }
    if (this.pairCount * 2 > this.pairKeys.length) this.rehash();
    return key;
  }

  private rehash(): void {
    const keys = this.pairKeys;
    const slots = this.pairSlots;
    this.pairKeys = new Int32Array(keys.length * 2).fill(-1);
    this.pairSlots = new Int32Array(keys.length * 2);
    const mask = this.pairKeys.length - 1;
    for (let old = 0; old < keys.length; old++) {
      if (keys[old] === -1) continue;
      let slot = hashSlot(keys[old], this.pairKeys.length);
      while (this.pairKeys[slot] !== -1) slot = (slot + 1) & mask;
      this.pairKeys[slot] = keys[old];
      this.pairSlots[slot] = slots[old];
    }
  }
}

/** Fibonacci hashing: the product's high bits, as many as the (power of two) table size needs. */
function hashSlot(pair: number, size: number): number {
  return Math.imul(pair, 0x9e3779b1) >>> (Math.clz32(size) + 1);
}

function grown<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as { new (length: number): T })(size);
  next.set(array);
  return next;
}

/** Documents in both lists (ascending), with the fields that are in both. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] >>> FIELD_BITS;
    const y = b[j] >>> FIELD_BITS;
    if (x === y) {
      const both = a[i] & b[j];
      if ((both & FIELD_MASK) !== 0) out[count++] = both;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, count);
}
