// Markdown -> HTML fragments for the practice panel and the CLI. Safe to insert as-is: raw HTML is escaped,
// link schemes are checked by markdown-it's default validateLink, KaTeX runs with `trust: false`.
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import markdownItKatex from '@vscode/markdown-it-katex';
import type { Question } from './model';
import { escapeHtml, highlightCode } from './render/highlight';
import { texDelimiters } from './render/texDelimiters';

export interface ReferenceLabels {
  answer: string;
  code: string;
  analysis: string;
  noReference: string;
}

const DEFAULT_REFERENCE_LABELS: ReferenceLabels = {
  answer: 'Answer',
  code: 'Reference code',
  analysis: 'Analysis',
  noReference: 'This question has no reference answer in its bank.',
};

// HTML output only (the webview loads KaTeX's stylesheet); `strict: 'ignore'` because the banks put Chinese in
// formulas, which KaTeX would otherwise report on the console for every render.
const KATEX_OPTIONS = { throwOnError: false, output: 'html', strict: 'ignore' } as const;

let markdown: MarkdownIt.MarkdownIt | undefined;

/** One shared instance, built on first use: setting up the parser and the highlighter is not free. */
function markdownIt(): MarkdownIt.MarkdownIt {
  if (!markdown) {
    markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, highlight: highlightCode });
    // Our `katex` dependency is pinned to the plugin's major version, so only one KaTeX is bundled and its HTML
    // matches the stylesheet the webview loads.
    markdown.use(markdownItKatex, { ...KATEX_OPTIONS, katex });
    markdown.use(texDelimiters(renderTex));
    const renderToken: MarkdownIt.RendererRule = (tokens, index, options, _env, self) =>
      self.renderToken(tokens, index, options);
    const renderLinkOpen = markdown.renderer.rules.link_open ?? renderToken;
    markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
      tokens[index].attrSet('rel', 'noopener noreferrer');
      return renderLinkOpen(tokens, index, options, env, self);
    };
  }
  return markdown;
}

function renderTex(tex: string, displayMode: boolean): string {
  try {
    return katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode });
  } catch {
    // KaTeX shows parse errors inline by itself; what still throws (a stack overflow on absurd nesting) shows as text.
    return `<span class="katex-error">${escapeHtml(tex)}</span>`;
  }
}

export function renderMarkdown(source: string): string {
  return markdownIt().render(source);
}

/** A question's reference: answer, code (each with its caption above), analysis; empty parts left out. */
export function renderReference(question: Question, labels: ReferenceLabels = DEFAULT_REFERENCE_LABELS): string {
  if (!question.hasReference) {
    return `<p class="dojo-no-reference">${escapeHtml(labels.noReference)}</p>\n`;
  }
  const sections: string[] = [];
  if (question.answer.trim()) {
    sections.push(section('dojo-answer', labels.answer, renderMarkdown(question.answer)));
  }
  if (question.code.length > 0) {
    const blocks = question.code.map(
      (block) =>
        (block.caption?.trim() ? `<div class="dojo-code-caption">${renderMarkdown(block.caption)}</div>\n` : '') +
        highlightCode(block.source, block.lang) + '\n',
    );
    sections.push(section('dojo-code', labels.code, blocks.join('')));
  }
  if (question.analysis.trim()) {
    sections.push(section('dojo-analysis', labels.analysis, renderMarkdown(question.analysis)));
  }
  return sections.join('');
}

function section(className: string, heading: string, body: string): string {
  return `<section class="${className}">\n<h2>${escapeHtml(heading)}</h2>\n${body}</section>\n`;
}
