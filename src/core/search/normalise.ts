// Text normalisation and character classes shared by the search index and its queries.
// Normalisation keeps the length of the text, so an offset found in normalised text is the same
// offset in the original (snippets are cut from the original).

/** Characters that never form n-grams (whitespace, punctuation, symbols). */
export const NONE = 0;
/** ASCII letters, digits and `_` after lower-casing: indexed as trigrams. */
export const LATIN = 1;
/** CJK, kana, hangul, accented Latin, Greek, Cyrillic: indexed as bigrams (and single characters). */
export const WIDE = 2;

export type CharClass = typeof NONE | typeof LATIN | typeof WIDE;

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

const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;
const WHITESPACE_BUT_SPACE = /[^\S ]/g;

/**
 * Lower-case, full-width ASCII to ASCII (`Ｆ１：` → `f1:`), every whitespace character to a space.
 * The result has exactly the length of `text`.
 */
export function normaliseText(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) lower = lowerCasePerCharacter(text);
  return lower
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(WHITESPACE_BUT_SPACE, ' ');
}

/** A few characters (e.g. `İ`) lower-case to two; keep those as they are so offsets stay aligned. */
function lowerCasePerCharacter(text: string): string {
  let out = '';
  for (const c of text) {
    const lower = c.toLowerCase();
    out += lower.length === c.length ? lower : c;
  }
  return out;
}

/** A query as searched: normalised, trimmed, runs of spaces collapsed to one. */
export function normaliseQuery(query: string): string {
  return normaliseText(query).trim().replace(/ {2,}/g, ' ');
}

/** Only Latin letters, digits and `_`, starting with a letter: a word typos can be corrected in. */
export function isLatinWord(term: string): boolean {
  return /^[a-z][a-z0-9_]*$/.test(term);
}
