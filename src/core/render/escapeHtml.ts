// The one HTML escaper for markup we build by hand. It escapes exactly what markdown-it's renderer escapes in bank text
// (test/unit/render.test.ts compares them), without markdown-it: the extension host escapes its page shell with it, and
// markdown-it belongs to the bank parser's worker and the webview, not to the host bundle.
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes `&`, `<`, `>` and `"`: safe in element text and in double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => ENTITIES[character]);
}
