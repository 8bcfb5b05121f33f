// Moving between questions: open, open the panel, reveal, next/previous, random (optionally within a domain).
import * as vscode from 'vscode';
import { aiEnabled } from '../config';
import { passesFilter, practiceGroups } from '../core/grouping';
import type { Question } from '../core/model';
import { pickRandom, stepFrom, type Direction } from '../core/practiceOrder';
import { domainName } from '../labels';
import {
  filteredOrAll,
  marksFor,
  reportEmptyLibrary,
  requireQuestion,
  inform,
  showQuestion,
  treeOrder,
  type CommandDeps,
} from './commandDeps';

/** Opens the given question (id or tree node) in the practice panel. Resolves to its id. */
export const openQuestion = (deps: CommandDeps) => async (arg?: unknown) => {
  const question = requireQuestion(deps, arg);
  return question ? showQuestion(deps, question.id) : undefined;
};

/** Shows the panel's question, or else the first question not attempted yet in the tree's order. */
export const openPracticePanel = (deps: CommandDeps) => async () => {
  const current = deps.ctx.practice.currentQuestionId;
  if (current !== undefined && deps.ctx.library.get(current)) return showQuestion(deps, current);
  const order = treeOrder(deps);
  const marks = marksFor(deps);
  const first = order.find((q) => !marks(q.id).seen) ?? order[0];
  if (!first) return reportEmptyLibrary();
  return showQuestion(deps, first.id);
};

export const revealAnswer = (deps: CommandDeps) => async () => {
  if (!requireQuestion(deps, undefined)) return;
  await deps.ctx.practice.reveal();
};

/**
 * Asks the language model to review the attempt in the active panel. Shown in the palette only while a model is
 * available (`dojo.aiAvailable`); does nothing when `dojo.ai.enabled` is off.
 */
export const askAiFeedback = (deps: CommandDeps) => async () => {
  if (!aiEnabled()) return;
  if (!deps.ctx.ai?.available) {
    inform(deps, vscode.l10n.t('No language model is available in VS Code. Install and sign in to a chat extension to get AI feedback.'));
    return;
  }
  if (!requireQuestion(deps, undefined)) return;
  await deps.ctx.practice.askAi();
};

/** Previous/next in the tree's order, skipping what the filter hides. Resolves to the id shown. */
export const stepQuestion = (direction: Direction) => (deps: CommandDeps) => async () => {
  const marks = marksFor(deps);
  const filter = deps.viewState.filter();
  const order = treeOrder(deps);
  const current = deps.ctx.practice.currentQuestionId;
  const target =
    stepFrom(order, current, direction, (q) => passesFilter(marks(q.id), filter)) ?? stepFrom(order, current, direction);
  if (!target) return reportEmptyLibrary();
  return showQuestion(deps, target.id);
};

/**
 * Back or Forward through the questions the active panel showed (tree order does not matter). Resolves to the id
 * shown, or undefined (with a message) when there is nowhere to go.
 */
export const travel = (direction: 'back' | 'forward') => (deps: CommandDeps) => async () => {
  const { practice } = deps.ctx;
  const id = direction === 'back' ? await practice.goBack() : await practice.goForward();
  if (id === undefined) {
    inform(
      deps,
      direction === 'back'
        ? vscode.l10n.t('There is no earlier question to go back to in this practice panel.')
        : vscode.l10n.t('There is no later question to go forward to in this practice panel.'),
    );
    return undefined;
  }
  await deps.tree.reveal(id);
  return id;
};

/** A random question (due ones first, then those not attempted) among those the filter shows. Resolves to the id shown. */
export const randomQuestion = (deps: CommandDeps) => async () => {
  const pool = filteredOrAll(deps, deps.ctx.library.practiceItems);
  return showRandom(deps, pool);
};

/** Asks for a domain (unless given one), then shows a random question of it. */
export const randomQuestionInDomain = (deps: CommandDeps) => async (domainId?: unknown) => {
  const { library } = deps.ctx;
  const groups = practiceGroups(library, 'domain');
  if (groups.length === 0) return reportEmptyLibrary();
  let chosen = typeof domainId === 'string' ? groups.find((g) => g.key === domainId) : undefined;
  if (!chosen) {
    const marks = marksFor(deps);
    const picked = await vscode.window.showQuickPick(
      groups.map((group) => ({
        label: domainName(library, group.key),
        description: vscode.l10n.t('{0} of {1} practised', group.questions.filter((q) => marks(q.id).seen).length, group.questions.length),
        group,
      })),
      { title: vscode.l10n.t('Random Question in Domain'), placeHolder: vscode.l10n.t('Choose a domain') },
    );
    chosen = picked?.group;
  }
  if (!chosen) return undefined;
  return showRandom(deps, filteredOrAll(deps, chosen.questions));
};

async function showRandom(deps: CommandDeps, pool: readonly Question[]): Promise<string | undefined> {
  const marks = marksFor(deps);
  const preferences = [(q: Question) => marks(q.id).due === true, (q: Question) => !marks(q.id).seen];
  const picked = pickRandom(pool, preferences, deps.random, deps.ctx.practice.currentQuestionId);
  if (!picked) {
    reportEmptyLibrary();
    return undefined;
  }
  return showQuestion(deps, picked.id);
}
