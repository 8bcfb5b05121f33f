// Stable question ids. Users' progress is keyed by them, so they depend only on the bank's file name and the
// question's own title: adding, removing or reordering other questions never changes an id.
import { fnv1a64 } from './fnv';

const MARKDOWN_MARKERS = /\*\*|__|`|#/g;
const WHITESPACE = /\s+/gu;
/** `1.`, `1、`, `问题1:`, `q1.` and the `面试题:` label, as they look after NFKC, lower-casing and whitespace removal. */
const LEADING_NUMBERING = /^(?:(?:问题|q|question)\d+[.、:](?!\d)|\d+[.、](?!\d)|面试题:)+/u;
// Matches start only where a run starts: otherwise a long run followed by other text is rescanned from each of its
// characters, quadratic time on a hostile title.
const TRAILING_PUNCTUATION = /(?<![?？。.!！:：;；])[?？。.!！:：;；]+$/u;

/** The title reduced to what identifies the question: case, width, markdown, numbering and spacing do not count. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(MARKDOWN_MARKERS, '')
    .replace(WHITESPACE, '')
    .replace(LEADING_NUMBERING, '')
    .replace(TRAILING_PUNCTUATION, '');
}

/** The file's name without folders and extension. */
export function fileStem(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * A short name for the bank, used as the ids' prefix: lower-case letters, digits, CJK and dashes. It is made of the
 * bank's path below the folder it was found in (`relativePath`, '/'-separated: `more/speech.txt` → `more-speech`),
 * or of the file name alone for a bank named directly; never of where that folder is or of the other banks.
 */
export function bankSlug(file: string, relativePath?: string): string {
  const folders = relativePath === undefined ? [] : relativePath.split('/').slice(0, -1);
  const slug = [...folders, fileStem(relativePath ?? file)]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9\u4e00-\u9fff-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'bank';
}

/** `<slug>/<hash>`: the first `hexDigits` hex digits of the 64-bit FNV-1a hash of the normalised title's UTF-8. */
export function questionId(slug: string, normalisedTitle: string, hexDigits: 8 | 16 = 8): string {
  return idFromHash(slug, fnv1a64(normalisedTitle), hexDigits);
}

function idFromHash(slug: string, hash: string, hexDigits: 8 | 16): string {
  return `${slug}/${hash.slice(0, hexDigits)}`;
}

export interface AssignedId {
  id: string;
  /** Set on a repeat: the id of the first question with the same normalised title. */
  duplicateOf?: string;
}

/**
 * Ids for one bank's questions, given their normalised titles in bank order.
 * Two different titles whose 8-digit hashes collide both get the full 16 digits (decided from the set of titles,
 * so it does not depend on order). A repeated title gets `~2`, `~3`, ... in order of appearance.
 */
export function assignQuestionIds(slug: string, normalisedTitles: readonly string[]): AssignedId[] {
  const hashes = new Map<string, string>();
  const titlesPerPrefix = new Map<string, number>();
  for (const title of normalisedTitles) {
    if (hashes.has(title)) continue;
    const hash = fnv1a64(title);
    hashes.set(title, hash);
    const prefix = hash.slice(0, 8);
    titlesPerPrefix.set(prefix, (titlesPerPrefix.get(prefix) ?? 0) + 1);
  }
  const occurrences = new Map<string, number>();
  return normalisedTitles.map((title) => {
    const hash = hashes.get(title) as string;
    const id = idFromHash(slug, hash, (titlesPerPrefix.get(hash.slice(0, 8)) as number) > 1 ? 16 : 8);
    const occurrence = (occurrences.get(title) ?? 0) + 1;
    occurrences.set(title, occurrence);
    return occurrence === 1 ? { id } : { id: `${id}~${occurrence}`, duplicateOf: id };
  });
}
