// Math in bank markdown: `$…$` and `$$…$$` are parsed by @vscode/markdown-it-katex, `\(…\)` and `\[…\]` by
// texDelimiters. Every math token, whichever rule made it, is rendered here through the document's FormulaRenderer,
// which markdown-it passes along in `env`: one set of KaTeX limits and one time budget for all delimiters.
import markdownItKatex from '@vscode/markdown-it-katex';
import type MarkdownIt from 'markdown-it';
import { FormulaRenderer } from './formulas';
import { texDelimiters } from './texDelimiters';

/** What the math rules read from markdown-it's `env`; a render without one gets its own renderer. */
export interface MathEnv extends MarkdownIt.Env {
  formulas?: FormulaRenderer;
}

/** Environments the KaTeX plugin shows in display mode even between single dollars (as it does itself). */
const DISPLAY_ENVIRONMENT = /\\begin\{(?:align|equation|gather|cd|alignat)\}/i;

export function math(md: MarkdownIt.MarkdownIt): void {
  // The plugin's parsing rules only: its rendering rules, which call KaTeX unguarded, are all replaced below.
  md.use(markdownItKatex);
  md.use(texDelimiters);
  const formulas = (env: MarkdownIt.Env | undefined): FormulaRenderer => {
    const mathEnv = (env ?? {}) as MathEnv;
    return (mathEnv.formulas ??= new FormulaRenderer());
  };
  const rules = md.renderer.rules;
  rules.math_inline = (tokens, index, _options, env) => {
    const content = tokens[index].content;
    // `$`1+1`$`: the plugin's syntax for a formula with dollars or backticks inside.
    const tex = content.length > 2 && content.startsWith('`') && content.endsWith('`') ? content.slice(1, -1) : content;
    return formulas(env).render(tex, DISPLAY_ENVIRONMENT.test(tex));
  };
  const block: MarkdownIt.RendererRule = (tokens, index, _options, env) =>
    `<p class="katex-block">${formulas(env).render(tokens[index].content, true)}</p>\n`;
  rules.math_block = block;
  rules.math_inline_block = block;
  rules.math_inline_bare_block = block;
  rules.tex_inline = (tokens, index, _options, env) => formulas(env).render(tokens[index].content, false);
  rules.tex_display = (tokens, index, _options, env) => formulas(env).render(tokens[index].content, true);
}
