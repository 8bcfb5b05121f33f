// The one HTML escaper for markup we build by hand: markdown-it's own, the one its renderer applies to bank text.
// markdown-it exposes its utils only on an instance; a bare one (no plugins, no highlighter) is cheap and is built the
// first time something is escaped, not when the module loads.
import MarkdownIt from 'markdown-it';

let markdownItEscape: ((text: string) => string) | undefined;

/** Escapes `&`, `<`, `>` and `"`: safe in element text and in double-quoted attributes. */
export function escapeHtml(text: string): string {
  markdownItEscape ??= new MarkdownIt().utils.escapeHtml;
  return markdownItEscape(text);
}
