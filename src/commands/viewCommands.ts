// The question view's controls: group by, filter, refresh.
import * as vscode from 'vscode';
import * as config from '../config';
import { GROUP_BYS, QUESTION_FILTERS, isGroupBy, isQuestionFilter, type GroupBy, type QuestionFilter } from '../core/grouping';
import { QUESTIONS_VIEW_ID, filterName } from '../tree/questionTree';
import type { CommandDeps } from './commandDeps';

/** Sets the grouping: the given one, or the user's choice in a quick pick. */
export const groupBy = () => async (value?: unknown) => {
  const chosen = isGroupBy(value) ? value : await pick(GROUP_BYS, config.groupBy(), groupByName, vscode.l10n.t('Group Questions By'), vscode.l10n.t('How should the question tree group questions?'));
  if (chosen) await config.setGroupBy(chosen);
  return chosen;
};

export const groupByFixed = (value: GroupBy) => () => () => config.setGroupBy(value);

/** Sets the filter: the given one, or the user's choice in a quick pick. */
export const filter = (deps: CommandDeps) => async (value?: unknown) => {
  const chosen = isQuestionFilter(value)
    ? value
    : await pick(QUESTION_FILTERS, deps.viewState.filter(), filterName, vscode.l10n.t('Show Questions'), vscode.l10n.t('Which questions should the tree show?'));
  if (chosen) await deps.viewState.setFilter(chosen);
  return chosen;
};

export const showAll = (deps: CommandDeps) => () => deps.viewState.setFilter('all' satisfies QuestionFilter);

/** Re-reads every bank, with progress shown on the view. */
export const refreshIndex = (deps: CommandDeps) => () =>
  vscode.window.withProgress({ location: { viewId: QUESTIONS_VIEW_ID } }, () => deps.ctx.library.reload());

function groupByName(value: GroupBy): string {
  return value === 'domain' ? vscode.l10n.t('Domain') : vscode.l10n.t('Bank');
}

async function pick<T extends string>(values: readonly T[], current: T, name: (value: T) => string, title: string, placeHolder: string): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    values.map((value) => ({ label: name(value), description: value === current ? vscode.l10n.t('current') : undefined, value })),
    { title, placeHolder },
  );
  return picked?.value;
}
