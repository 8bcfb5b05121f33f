// Acting on one question (an id, a tree node, or the panel's question): star, copy, reference code, reset scratch.
import * as vscode from 'vscode';
import type { Question } from '../core/model';
import { findScratchQuestion } from '../core/scratchName';
import { chooseCode } from '../scratch/codeChoice';
import { requireQuestion, type CommandDeps } from './commandDeps';

/** Flips the star. Resolves to the new value. */
export const toggleStar = (deps: CommandDeps) => async (arg?: unknown) => {
  const question = requireQuestion(deps, arg);
  if (!question) return undefined;
  const starred = !deps.ctx.progress.get(question.id).starred;
  await deps.ctx.progress.setStarred(question.id, starred);
  return starred;
};

export const setStar = (starred: boolean) => (deps: CommandDeps) => async (arg?: unknown) => {
  const question = requireQuestion(deps, arg);
  if (question) await deps.ctx.progress.setStarred(question.id, starred);
};

/** Copies the question (title and prompt) as markdown text. */
export const copyQuestion = (deps: CommandDeps) => async (arg?: unknown) => {
  const question = requireQuestion(deps, arg);
  if (!question) return;
  await vscode.env.clipboard.writeText(questionText(question));
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied “{0}”', question.title), 3000);
};

export function questionText(question: Question): string {
  return question.prompt.trim() === question.title.trim() ? question.title : `${question.title}\n\n${question.prompt.trim()}`;
}

/**
 * Opens the reference code as an editable scratch file (asking which block when the question and its repeats have
 * several, like the practice panel's button); for a question without code, offers a blank scratch file.
 */
export const openReferenceCode = (deps: CommandDeps) => async (arg?: unknown, codeIndex?: unknown) => {
  const question = requireQuestion(deps, arg);
  if (!question) return undefined;
  const { scratch } = deps.ctx;
  const variants = deps.ctx.library.variants(question);
  if (variants.every((variant) => variant.code.length === 0)) {
    const blank = vscode.l10n.t('Start Blank Scratch File');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('“{0}” has no reference code.', question.title),
      blank,
    );
    return choice === blank ? scratch.openBlank(question) : undefined;
  }
  if (typeof codeIndex === 'number') return scratch.openReference(question, codeIndex);
  const choice = await chooseCode(variants, question.title);
  return choice ? scratch.openReference(choice.question, choice.index) : undefined;
};

/** Resets a scratch file to the reference code (after asking): the given question, the active scratch file's, or the panel's. */
export const resetScratch = (deps: CommandDeps) => async (arg?: unknown) => {
  const fromEditor = arg === undefined ? findScratchQuestion(activeEditorHead()) : undefined;
  const question = requireQuestion(deps, arg ?? fromEditor?.id);
  if (!question) return false;
  if (question.code.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” has no reference code.', question.title));
    return false;
  }
  // Only the question's own code: a scratch file's header names the exact question (or repeat) it came from.
  const choice = await chooseCode([question], question.title);
  return choice ? deps.ctx.scratch.resetToReference(choice.question, choice.index) : false;
};

function activeEditorHead(): string {
  const document = vscode.window.activeTextEditor?.document;
  return document ? document.getText(new vscode.Range(0, 0, 5, 0)) : '';
}
