// highlight.js ships no typings for its per-language modules; each default-exports a language definition.
declare module 'highlight.js/lib/languages/*' {
  import type { LanguageFn } from 'highlight.js';
  const language: LanguageFn;
  export default language;
}
