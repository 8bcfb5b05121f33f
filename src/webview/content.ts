// What the practice panel shows for a question: the view model for `show` and the revealed reference HTML, with
// labels in the UI language. Markdown goes through the core renderer (html:false), so all HTML here is safe.
import * as vscode from 'vscode';
import { allowRemoteImages } from '../config';
import type { QuestionLibrary } from '../context';
import type { Question } from '../core/model';
import { renderMarkdown, renderReference, type ReferenceLabels, type RenderOptions } from '../core/render';
import { escapeHtml } from '../core/render/escapeHtml';
import { bankName, domainName } from '../labels';
import { promptRepeatsTitle } from './promptText';
import type { QuestionView } from './protocol';

/** The question and its repeats (alternative answers), first one first; never empty. */
export function variantsFor(library: QuestionLibrary, question: Question): Question[] {
  const variants = library.variants(question.id);
  return variants.length > 0 ? variants : [question];
}

export function questionView(library: QuestionLibrary, question: Question): QuestionView {
  const variants = variantsFor(library, question);
  return {
    id: question.id,
    title: question.title,
    domain: domainName(library, question.domain),
    bank: bankName(library, question.document),
    // Empty when it only repeats the title, which the panel already shows as its heading.
    promptHtml: promptRepeatsTitle(question.title, question.prompt)
      ? ''
      : withoutStyleAttributes(renderMarkdown(question.prompt, renderOptions())),
    hasReference: variants.some((v) => v.hasReference),
    hasCode: variants.some((v) => v.code.length > 0),
  };
}

/** Every variant's reference; labelled "Variant 1/2" … when the bank repeats the question. */
export function referenceHtml(library: QuestionLibrary, question: Question): string {
  const variants = variantsFor(library, question);
  const labels = referenceLabels();
  const options = renderOptions();
  if (variants.length === 1) return withoutStyleAttributes(renderReference(question, labels, options));
  return variants
    .map((variant, i) => {
      const label = escapeHtml(vscode.l10n.t('Variant {0}/{1}', i + 1, variants.length));
      const reference = withoutStyleAttributes(renderReference(variant, labels, options));
      return `<section class="dojo-variant"><p class="dojo-variant-label">${label}</p>${reference}</section>`;
    })
    .join('\n');
}

/**
 * KaTeX positions glyphs with `style` attributes, which the panel's CSP (no 'unsafe-inline') blocks and reports.
 * Renamed to `data-dojo-style`, the webview script applies them through the CSSOM instead. Only real attributes
 * match: the renderer escapes every `"` in text and code as `&quot;`.
 */
export function withoutStyleAttributes(html: string): string {
  return html.replace(/ style="/g, ' data-dojo-style="');
}

function referenceLabels(): ReferenceLabels {
  return {
    answer: vscode.l10n.t('Answer'),
    code: vscode.l10n.t('Reference code'),
    analysis: vscode.l10n.t('Analysis'),
    noReference: vscode.l10n.t('This question has no reference answer in its bank.'),
    truncatedCode: vscode.l10n.t('The source of this code block is cut off.'),
  };
}

/** The `dojo.allowRemoteImages` setting (the panel's CSP follows it too) and the renderer's notes. */
function renderOptions(): RenderOptions {
  return {
    allowRemoteImages: allowRemoteImages(),
    notes: {
      tooLong: vscode.l10n.t('Formula too long to render; its source is shown.'),
      outOfTime: vscode.l10n.t('Formula not rendered, to keep the panel responsive; its source is shown.'),
      failed: vscode.l10n.t('Formula could not be rendered; its source is shown.'),
      remoteImage: vscode.l10n.t('Open remote image'),
    },
  };
}

/** The user's note, rendered like the prompt (the same safe renderer: raw HTML stays text). */
export function noteHtml(note: string): string {
  return note.trim() === '' ? '' : withoutStyleAttributes(renderMarkdown(note, renderOptions()));
}
