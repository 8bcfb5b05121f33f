// markdown-it plugin for LaTeX's own delimiters, `\( … \)` (inline) and `\[ … \]` (display), which the banks use
// alongside `$…$`. markdown-it would otherwise read `\[` as an escaped bracket, so the rule runs before 'escape'.
// It makes `tex_inline` and `tex_display` tokens; math.ts renders them with the other math tokens.
import type MarkdownIt from 'markdown-it';

const BACKSLASH = 0x5c;

export function texDelimiters(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.before('escape', 'tex_delimiters', (state, silent) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== BACKSLASH) {
      return false;
    }
    const opener = state.src[start + 1];
    const closer: Closer | undefined = opener === '(' ? ')' : opener === '[' ? ']' : undefined;
    if (!closer) {
      return false;
    }
    const end = firstAtOrAfter(closersOf(state)[closer], start + 2);
    const tex = end < 0 || end + 1 >= state.posMax ? '' : state.src.slice(start + 2, end);
    if (!tex.trim()) {
      return false;
    }
    if (!silent) {
      const token = state.push(opener === '[' ? 'tex_display' : 'tex_inline', 'math', 0);
      token.content = tex;
      token.markup = `\\${opener}`;
    }
    state.pos = end + 2;
    return true;
  });
}

type Closer = ')' | ']';

/** Per inline block (markdown-it's state): where each `\)` and `\]` that can close starts, ascending. */
const closers = new WeakMap<object, Record<Closer, number[]>>();

/**
 * Found in one pass, so a block full of unclosed `\(` costs one scan, not one per `\(`. Walks backslash pairs: `\\]`
 * (TeX's `\\`, then `]`) does not close. An opener's `(` or `[` is never a backslash, so a search that starts after it
 * pairs backslashes the way this pass does.
 */
function closersOf(state: { src: string }): Record<Closer, number[]> {
  let found = closers.get(state);
  if (!found) {
    found = { ')': [], ']': [] };
    const src = state.src;
    for (let i = 0; i + 1 < src.length; i++) {
      if (src.charCodeAt(i) !== BACKSLASH) {
        continue;
      }
      const next = src[i + 1];
      if (next === ')' || next === ']') {
        found[next].push(i);
      }
      i += 1; // skip the escaped character, so `\\` never pairs with what follows
    }
    closers.set(state, found);
  }
  return found;
}

/** The first position in ascending `positions` that is at least `from`, or -1. */
function firstAtOrAfter(positions: readonly number[], from: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle] < from) low = middle + 1;
    else high = middle;
  }
  return low < positions.length ? positions[low] : -1;
}
