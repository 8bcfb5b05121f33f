// Text normalisation and character classes shared by the search index and its queries.
// Normalisation maps each UTF-16 unit to one unit, so an offset found in normalised text is the same
// offset in the original (snippets are cut from the original), and the index never stores a normalised
// copy of the text: it normalises while it reads, through one lookup table.

/** Characters that never form n-grams (whitespace, punctuation, symbols). */
export const NONE = 0;
/** ASCII letters, digits and `_` after lower-casing: indexed as trigrams. */
export const LATIN = 1;
/** CJK, kana, hangul, accented Latin, Greek, Cyrillic: indexed as bigrams (and single characters). */
export const WIDE = 2;

export type CharClass = typeof NONE | typeof LATIN | typeof WIDE;

/** The class of a normalised character. */
export function charClass(code: number): CharClass {
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95) return LATIN;
  if (code < 0xc0) return NONE;
  if (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0x370 && code <= 0x52f) ||
    (code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  ) {
    return WIDE;
  }
  return NONE;
}

/** Per UTF-16 unit: its normalised form, and that form's class. */
export interface NormalisationTable {
  readonly unit: Uint16Array;
  readonly cls: Uint8Array;
  /** Per normalised unit: the units that normalise to it (`a` ← `aAａＡ`). */
  readonly sources: readonly string[];
}

/**
 * Lower-case (a character whose lower case is longer stays as it is, e.g. `İ`), full-width ASCII to ASCII
 * (`Ｆ１：` → `f1:`), every whitespace character to a space. Built once per index (about 65k entries).
 */
export function normalisationTable(): NormalisationTable {
  const unit = new Uint16Array(65536);
  const cls = new Uint8Array(65536);
  for (let code = 0; code < 65536; code++) {
    let mapped = code;
    if (code >= 0xff01 && code <= 0xff5e) mapped = code - 0xfee0;
    if (mapped >= 65 && mapped <= 90) mapped += 32;
    else if (mapped >= 0x80 && (mapped < 0xd800 || mapped > 0xdfff)) {
      const lower = String.fromCharCode(mapped).toLowerCase();
      if (lower.length === 1) mapped = lower.charCodeAt(0);
    }
    if (mapped !== 32 && /\s/.test(String.fromCharCode(mapped))) mapped = 32;
    unit[code] = mapped;
    cls[code] = charClass(mapped);
  }
  const sources: string[] = new Array<string>(65536).fill('');
  for (let code = 0; code < 65536; code++) sources[unit[code]] += String.fromCharCode(code);
  return { unit, cls, sources };
}

let shared: NormalisationTable | undefined;

/** The table, built on first use (queries and indexes share it; it never changes). */
export function normalisation(): NormalisationTable {
  shared ??= normalisationTable();
  return shared;
}

/** `text` normalised unit by unit (same length). */
export function normaliseText(text: string): string {
  const { unit } = normalisation();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(unit[text.charCodeAt(i)]);
  return out;
}

/** Finds a normalised needle in original text: where it starts at or after `from`, no later than `lastStart`, or -1. */
export type NeedleFinder = (text: string, from?: number, lastStart?: number) => number;

/**
 * A finder for `needle` (already normalised) that reads the original text, so no normalised copy is kept: one
 * regular expression whose every position accepts each unit that normalises to the needle's unit there
 * (`[tTｔＴ]` for `t`), so the engine's compiled search does the scanning.
 */
export function needleFinder(needle: string): NeedleFinder {
  const { sources } = normalisation();
  if ([...needle].every((unit) => sources[unit.charCodeAt(0)] === unit)) {
    // Only units that nothing else normalises to (Chinese, for one): the text holds the needle as it is.
    return (text, from = 0, lastStart = Infinity) => {
      const start = text.indexOf(needle, from);
      return start > lastStart ? -1 : start;
    };
  }
  const unitPattern = (code: number) => {
    const units = [...sources[code]].map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return units.length === 1 ? units[0] : `[${units.join('')}]`;
  };
  const pattern = new RegExp(Array.from({ length: needle.length }, (_, i) => unitPattern(needle.charCodeAt(i))).join(''), 'g');
  return (text, from = 0, lastStart = Infinity) => {
    pattern.lastIndex = from;
    if (!pattern.test(text)) return -1;
    const start = pattern.lastIndex - needle.length;
    return start > lastStart ? -1 : start;
  };
}

/** A query as searched: normalised, trimmed, runs of spaces collapsed to one. */
export function normaliseQuery(query: string): string {
  return normaliseText(query).trim().replace(/ {2,}/g, ' ');
}

/** Only Latin letters, digits and `_`, starting with a letter: a word typos can be corrected in. */
export function isLatinWord(term: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(term);
}
