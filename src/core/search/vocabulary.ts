// The Latin words of the indexed text, for correcting small typos (`tranformer` → `transformer`).
// Words are bucketed by length, so a lookup only compares words that could be within the distance.

const MIN_WORD = 3;
const MAX_WORD = 40;
/** At most this many corrections are searched for one mistyped word. */
const MAX_CORRECTIONS = 8;
/** Identifier parts joined into vocabulary words, at most this many at a time. */
const MAX_PARTS = 4;

export class Vocabulary {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (word.length < MIN_WORD || word.length > MAX_WORD || /^[0-9_]+$/.test(word)) continue;
      const bucket = this.byLength.get(word.length);
      if (bucket) bucket.push(word);
      else this.byLength.set(word.length, [word]);
    }
    for (const bucket of this.byLength.values()) bucket.sort();
  }

  /**
   * The known words closest to `term` (lower-case), at the smallest edit distance found, up to one
   * edit for words of 4–7 characters and two from 8; none for shorter words.
   */
  corrections(term: string): { words: string[]; distance: number } {
    const max = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
    let best: string[] = [];
    let bestDistance = max + 1;
    for (let length = term.length - max; length <= term.length + max; length++) {
      for (const word of this.byLength.get(length) ?? []) {
        const distance = editDistanceWithin(term, word, Math.min(max, bestDistance));
        if (distance === 0 || distance > max) continue;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = [word];
        } else if (distance === bestDistance) {
          best.push(word);
        }
      }
    }
    return { words: best.slice(0, MAX_CORRECTIONS), distance: bestDistance };
  }
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `max + 1` as soon as
 * it must exceed `max`. Three reused rows: this runs for every word of similar length.
 */
function editDistanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  let beforePrevious = new Int32Array(width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, beforePrevious[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[b.length], max + 1);
}

/**
 * The words of a Latin identifier: itself, and every run of consecutive camelCase parts between
 * underscores (`RandomForestClassifier` → random, forest, classifier, randomforest, forestclassifier, …).
 * Each word is a substring of the identifier, so a correction to it finds the identifier.
 */
export function identifierWords(identifier: string): string[] {
  const words = [identifier.toLowerCase()];
  for (const segment of identifier.split('_')) {
    const parts = segment.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
    for (let first = 0; first < parts.length; first++) {
      for (let last = first; last < Math.min(parts.length, first + MAX_PARTS); last++) {
        words.push(parts.slice(first, last + 1).join('').toLowerCase());
      }
    }
  }
  return words;
}
