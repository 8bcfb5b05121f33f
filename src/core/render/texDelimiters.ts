// markdown-it plugin for LaTeX's own delimiters, `\( … \)` (inline) and `\[ … \]` (display), which the banks use
// alongside `$…$`. markdown-it would otherwise read `\[` as an escaped bracket, so the rule runs before 'escape'.
import type MarkdownIt from 'markdown-it';

export type TexRenderer = (tex: string, displayMode: boolean) => string;

const BACKSLASH = 0x5c;

export function texDelimiters(renderTex: TexRenderer): (md: MarkdownIt.MarkdownIt) => void {
  return (md) => {
    md.inline.ruler.before('escape', 'tex_delimiters', (state, silent) => {
      const start = state.pos;
      if (state.src.charCodeAt(start) !== BACKSLASH) {
        return false;
      }
      const opener = state.src[start + 1];
      const closer = opener === '(' ? ')' : opener === '[' ? ']' : undefined;
      if (!closer) {
        return false;
      }
      const end = findCloser(state.src, start + 2, state.posMax, closer);
      const tex = end < 0 ? '' : state.src.slice(start + 2, end);
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
    md.renderer.rules.tex_inline = (tokens, index) => renderTex(tokens[index].content, false);
    md.renderer.rules.tex_display = (tokens, index) => renderTex(tokens[index].content, true);
  };
}

/** Where the closing `\)` / `\]` starts, or -1. Walks backslash pairs: `\\]` (TeX's `\\`, then `]`) does not close. */
function findCloser(src: string, from: number, max: number, closer: string): number {
  for (let i = from; i + 1 < max; i++) {
    if (src.charCodeAt(i) !== BACKSLASH) {
      continue;
    }
    if (src[i + 1] === closer) {
      return i;
    }
    i += 1; // skip the escaped character, so `\\` never pairs with what follows
  }
  return -1;
}
