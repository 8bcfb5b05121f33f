// The review: start it (due questions first, then new ones) and undo the last grade.
import * as vscode from 'vscode';
import { CARD_STATE } from '../core/review/card';
import type { ReviewQueue } from '../core/review/queue';
import { dueTimeLabel } from '../labels';
import { inform, reportEmptyLibrary, showQuestion, treeOrder, type CommandDeps } from './commandDeps';

/** Opens the first question of a new review; says what comes next when there is nothing to review. Resolves to the id shown. */
export const startReview = (deps: CommandDeps) => async () => {
  await deps.ctx.review.ready;
  const order = treeOrder(deps).map((q) => q.id);
  if (order.length === 0) return reportEmptyLibrary();
  const started = deps.session.start(order);
  if ('first' in started) return showQuestion(deps, started.first);
  const hasNew = order.some((id) => (deps.due.card(id)?.state ?? CARD_STATE.new) === CARD_STATE.new);
  inform(deps, nothingToReview(started.nothing, hasNew, deps.due.now()));
  return undefined;
};

function nothingToReview(queue: ReviewQueue, hasNew: boolean, now: number): string {
  const nothing = vscode.l10n.t('Nothing to review now: no question is due and no new question is left for today.');
  if (queue.nextDue !== undefined) return `${nothing} ${vscode.l10n.t('Next review: {0}.', dueTimeLabel(queue.nextDue, now))}`;
  return hasNew ? `${nothing} ${vscode.l10n.t('New questions again tomorrow.')}` : nothing;
}

/** Undoes the last grade of this session; a running review goes back to that question. Resolves to its id. */
export const undoLastGrade = (deps: CommandDeps) => async () => {
  const id = await deps.ctx.review.undoLastGrade();
  if (id === undefined) {
    inform(deps, vscode.l10n.t('There is no grade to undo: none was given since VS Code started, or it was already undone.'));
    return undefined;
  }
  const title = deps.ctx.library.get(id)?.title ?? id;
  vscode.window.setStatusBarMessage(vscode.l10n.t('Grade undone: “{0}”', title), 5000);
  // A running review has gone back to that question (ReviewSessionController notices the undo): show it again.
  if (deps.session.positionOf(id)) await showQuestion(deps, id);
  return id;
};
