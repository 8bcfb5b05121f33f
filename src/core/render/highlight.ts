// Syntax highlighting with highlight.js core: only the languages the banks use (or are likely to), so the bundle
// stays small. Output carries `hljs` classes, which the webview's stylesheet maps to theme colours.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import cpp from 'highlight.js/lib/languages/cpp';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import { escapeHtml } from './escapeHtml';

const LANGUAGES = { bash, cpp, go, java, javascript, json, plaintext, python, sql, typescript };
for (const [name, language] of Object.entries(LANGUAGES)) {
  hljs.registerLanguage(name, language);
}

/** `<pre><code class="hljs language-x">…</code></pre>`; code in an unknown or no language is escaped only. */
export function highlightCode(source: string, lang: string): string {
  const name = lang.trim().toLowerCase();
  // The class only ever holds a plain identifier: the info string is bank text.
  const languageClass = /^[a-z0-9_+#-]+$/.test(name) ? ` language-${name}` : '';
  return `<pre><code class="hljs${languageClass}">${highlightedBody(source, name)}</code></pre>`;
}

function highlightedBody(source: string, name: string): string {
  if (name && hljs.getLanguage(name)) {
    try {
      return hljs.highlight(source, { language: name, ignoreIllegals: true }).value;
    } catch {
      // A grammar bug must not cost the user the code: fall through to plain text.
    }
  }
  return escapeHtml(source);
}
