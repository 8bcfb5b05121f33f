// The one light normalisation of Latin terms, shared by the checker and the term table: lower case, hyphens,
// underscores and slashes as spaces, a plural `s` dropped ("Low-Rank adapters" and "low rank adapter" agree).

/** The words of `text`'s Latin part (letters and digits), normalised. */
export function latinWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g)?.map(stem) ?? [];
}

/** One Latin word, lower-case, singular (`caches` → `cache`, `loss` stays). */
export function stem(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !/[0-9]/.test(word)) {
    return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  }
  return word;
}

/** A term's key: Han text kept (lower-cased Latin inside), Latin words normalised and joined by single spaces. */
export function termKey(term: string): string {
  if (hasHan(term)) return term.toLowerCase().replace(/[\s\-_/]+/g, '');
  return latinWords(term).join(' ');
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
