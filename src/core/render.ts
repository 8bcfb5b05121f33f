// Markdown -> HTML fragments for the practice panel and the CLI. Safe to insert as-is: bank HTML keeps to an allow-list
// and any other tag is shown as text (bankHtml.ts), links keep to a few schemes (links.ts), images load from the bank's
// folder and remote ones are links unless allowed (images.ts), formulas render under KaTeX limits and a time budget
// per document (render/formulas.ts).
import MarkdownIt from 'markdown-it';
import type { Question } from './model';
import { bankHtml } from './render/bankHtml';
import { escapeHtml } from './render/escapeHtml';
import { DEFAULT_FORMULA_NOTES, FormulaRenderer, type FormulaNotes } from './render/formulas';
import { highlightCode } from './render/highlight';
import { DEFAULT_IMAGE_SETTINGS } from './render/images';
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
  /** The note beside an image whose path leaves the bank's folder. */
  refusedImage: string;
}

export interface RenderOptions {
  /**
   * Show `https:` images as images; the webview's CSP must then allow `https:` in `img-src`. Off by default: each is
   * shown as its alt text and a link, since fetching it would tell the bank's author who opened which question.
   */
  allowRemoteImages: boolean;
  notes: ContentNotes;
  /**
   * The URL the page loads the bank file's folder from: relative image paths resolve against it and may not leave it.
   * Without it they stay relative.
   */
  imageBase?: string;
}

const DEFAULT_NOTES: ContentNotes = {
  ...DEFAULT_FORMULA_NOTES,
  remoteImage: DEFAULT_IMAGE_SETTINGS.linkLabel,
  refusedImage: DEFAULT_IMAGE_SETTINGS.refusedLabel,
};

type RenderEnv = MathEnv & ImageEnv;

let markdown: MarkdownIt.MarkdownIt | undefined;

/** One shared instance, built on first use: setting up the parser and the highlighter is not free. */
function markdownIt(): MarkdownIt.MarkdownIt {
  if (!markdown) {
    // `html` only with bankHtml, which filters every HTML token before it is written.
    markdown = new MarkdownIt({ html: true, linkify: true, typographer: false, highlight: highlightCode });
    markdown.use(math);
    markdown.use(safeLinks);
    markdown.use(bankHtml);
  }
  return markdown;
}

/** What one document (a prompt, or a question's reference) is rendered with: one formula time budget for all of it. */
function documentEnv(options: Partial<RenderOptions>): RenderEnv {
  const notes = { ...DEFAULT_NOTES, ...options.notes };
  return {
    formulas: new FormulaRenderer(notes),
    images: {
      allow: options.allowRemoteImages === true,
      linkLabel: notes.remoteImage,
      refusedLabel: notes.refusedImage,
      base: options.imageBase,
    },
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
