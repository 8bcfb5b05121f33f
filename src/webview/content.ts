// What the practice panel shows for a question, as markdown and labels in the UI language: the view model for
// `show`, the reference of every variant, and the settings the webview renders them with. The webview renders the
// markdown (src/webview/client/), so the extension host loads no markdown renderer, KaTeX or highlight.js for it.
import * as vscode from 'vscode';
import { allowRemoteImages } from '../config';
import type { QuestionLibrary } from '../context';
import { planCheck, type CheckContext } from '../core/check/checkAttempt';
import type { Question } from '../core/model';
import { bankName, domainName } from '../labels';
import { promptRepeatsTitle } from './promptText';
import type { CheckPlanView, QuestionView, ReferenceView, RenderSettings } from './protocol';

/** @param imageBase the webview URL of the bank file's folder, when the panel may load from it. */
export function questionView(library: QuestionLibrary, question: Question, imageBase?: string): QuestionView {
  const variants = library.variants(question);
  const view: QuestionView = {
    id: question.id,
    title: question.title,
    domain: domainName(library, question.domain),
    bank: bankName(library, question.document),
    // Empty when it only repeats the title, which the panel already shows as its heading.
    prompt: promptRepeatsTitle(question.title, question.prompt) ? '' : question.prompt,
    hasReference: variants.some((v) => v.hasReference),
    hasCode: variants.some((v) => v.code.length > 0),
  };
  if (imageBase !== undefined) view.imageBase = imageBase;
  return view;
}

/** Every variant's reference; labelled "Variant 1/2" … when the bank repeats the question. */
export function referenceView(library: QuestionLibrary, question: Question): ReferenceView {
  const variants = library.variants(question);
  return {
    variants: variants.map((variant, i) => ({
      ...(variants.length > 1 ? { label: vscode.l10n.t('Variant {0}/{1}', i + 1, variants.length) } : {}),
      hasReference: variant.hasReference,
      answer: variant.answer,
      analysis: variant.analysis,
      code: variant.code,
    })),
  };
}

/** What the self-check checks an attempt against: each variant's reference answer, labelled like `referenceView`. */
export function checkPlans(library: QuestionLibrary, question: Question, context: CheckContext): CheckPlanView[] {
  const variants = library.variants(question);
  return variants.map((variant, i) => ({
    ...(variants.length > 1 ? { label: vscode.l10n.t('Variant {0}/{1}', i + 1, variants.length) } : {}),
    points: planCheck(variant.hasReference ? variant.answer : '', context).points,
  }));
}

/** The `dojo.allowRemoteImages` setting (the panel's CSP follows it too), the renderer's notes and the reference's labels. */
export function renderSettings(): RenderSettings {
  return {
    allowRemoteImages: allowRemoteImages(),
    notes: {
      tooLong: vscode.l10n.t('Formula too long to render; its source is shown.'),
      outOfTime: vscode.l10n.t('Formula not rendered, to keep the panel responsive; its source is shown.'),
      failed: vscode.l10n.t('Formula could not be rendered; its source is shown.'),
      remoteImage: vscode.l10n.t('Open remote image'),
      refusedImage: vscode.l10n.t('Image not shown: it is outside the bank’s folder.'),
    },
    referenceLabels: {
      answer: vscode.l10n.t('Answer'),
      code: vscode.l10n.t('Reference code'),
      analysis: vscode.l10n.t('Analysis'),
      noReference: vscode.l10n.t('This question has no reference answer in its bank.'),
      truncatedCode: vscode.l10n.t('The source of this code block is cut off.'),
    },
  };
}
