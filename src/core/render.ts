// Markdown -> HTML fragments for the practice panel and the CLI. Safe to insert as-is: raw HTML is escaped, links
// keep to a few schemes (links.ts), remote images are links unless allowed, formulas render under KaTeX limits and a
// time budget per document (render/formulas.ts).
import MarkdownIt from 'markdown-it';
import type { Question } from './model';
import { escapeHtml } from './render/escapeHtml';
import { DEFAULT_FORMULA_NOTES, FormulaRenderer, type FormulaNotes } from './render/formulas';
import { highlightCode } from './render/highlight';
import { safeLinks, type ImageEnv } from './render/links';
import { math, type MathEnv } from './render/math';

export interface ReferenceLabels {
  answer: string;
  code: string;
  analysis: string;
  noReference: string;
  /** Under a code block whose fence the bank never closed (its source is cut off). */
  truncatedCode: string;
}

const DEFAULT_REFERENCE_LABELS: ReferenceLabels = {
  answer: 'Answer',
  code: 'Reference code',
  analysis: 'Analysis',
  noReference: 'This question has no reference answer in its bank.',
  truncatedCode: 'The source of this code block is cut off.',
};

/** Notes the renderer adds to bank content, in the UI language. */
export interface ContentNotes extends FormulaNotes {
  /** The text of the link that stands in for a remote image. */
  remoteImage: string;
}

export interface RenderOptions {
  /**
   * Show `https:` images as images; the webview's CSP must then allow `https:` in `img-src`. Off by default: each is
   * shown as its alt text and a link, since fetching it would tell the bank's author who opened which question.
   */
  allowRemoteImages: boolean;
  notes: ContentNotes;
}

const DEFAULT_NOTES: ContentNotes = { ...DEFAULT_FORMULA_NOTES, remoteImage: 'Open remote image' };

type RenderEnv = MathEnv & ImageEnv;

let markdown: MarkdownIt.MarkdownIt | undefined;

/** One shared instance, built on first use: setting up the parser and the highlighter is not free. */
function markdownIt(): MarkdownIt.MarkdownIt {
  if (!markdown) {
    markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, highlight: highlightCode });
    markdown.use(math);
    markdown.use(safeLinks);
  }
  return markdown;
}

/** What one document (a prompt, or a question's reference) is rendered with: one formula time budget for all of it. */
function documentEnv(options: Partial<RenderOptions>): RenderEnv {
  const notes = { ...DEFAULT_NOTES, ...options.notes };
  return {
    formulas: new FormulaRenderer(notes),
    remoteImages: { allow: options.allowRemoteImages === true, linkLabel: notes.remoteImage },
  };
}

export function renderMarkdown(source: string, options: Partial<RenderOptions> = {}): string {
  return markdownIt().render(source, documentEnv(options));
}

/** What a reference is rendered from: a question, or the same fields as the practice panel receives them. */
export type ReferenceSource = Pick<Question, 'hasReference' | 'answer' | 'code' | 'analysis'>;

/** A question's reference: answer, code (each with its caption above), analysis; empty parts left out. */
export function renderReference(
  question: ReferenceSource,
  labels: ReferenceLabels = DEFAULT_REFERENCE_LABELS,
  options: Partial<RenderOptions> = {},
): string {
  if (!question.hasReference) {
    return `<p class="dojo-no-reference">${escapeHtml(labels.noReference)}</p>\n`;
  }
  const env = documentEnv(options);
  const render = (source: string) => markdownIt().render(source, env);
  const sections: string[] = [];
  if (question.answer.trim()) {
    sections.push(section('dojo-answer', labels.answer, render(question.answer)));
  }
  if (question.code.length > 0) {
    const blocks = question.code.map(
      (block) =>
        (block.caption?.trim() ? `<div class="dojo-code-caption">${render(block.caption)}</div>\n` : '') +
        highlightCode(block.source, block.lang) + '\n' +
        (block.truncated ? `<p class="dojo-code-truncated" role="note">${escapeHtml(labels.truncatedCode)}</p>\n` : ''),
    );
    sections.push(section('dojo-code', labels.code, blocks.join('')));
  }
  if (question.analysis.trim()) {
    sections.push(section('dojo-analysis', labels.analysis, render(question.analysis)));
  }
  return sections.join('');
}

function section(className: string, heading: string, body: string): string {
  return `<section class="${className}">\n<h2>${escapeHtml(heading)}</h2>\n${body}</section>\n`;
}
