// What every command factory receives, and the helpers they share: finding the question a command is about,
// showing a question, and the practice order.
import * as vscode from 'vscode';
import * as config from '../config';
import type { BankExplanations } from '../banks/bankExplanations';
import type { DojoContext } from '../context';
import { filterQuestions, practiceOrder, type MarksOf } from '../core/grouping';
import type { Question } from '../core/model';
import type { RandomSource } from '../core/practiceOrder';
import type { MockRunner } from '../mock/mockRunner';
import type { DueTracker } from '../review/dueTracker';
import type { ReviewSessionController } from '../review/reviewSession';
import { marksOf } from '../state/progressStore';
import type { ViewState } from '../state/viewState';
import type { QuestionTree } from '../tree/questionTree';
import { QuestionNode } from '../tree/treeNodes';

export interface CommandDeps {
  readonly ctx: DojoContext;
  readonly tree: QuestionTree;
  readonly viewState: ViewState;
  readonly random: RandomSource;
  readonly due: DueTracker;
  readonly session: ReviewSessionController;
  readonly mock: MockRunner;
  /** The documents that explain how bank files are read. */
  readonly explanations: Pick<BankExplanations, 'show'>;
  /** The progress dashboard ("Dojo: Show Progress"). */
  readonly dashboard: { show(): void };
  /** Shows an information message: a notification unless a test injects a function to observe it. */
  readonly inform?: (message: string) => void;
  /** Asks a modal question; resolves to the action chosen (undefined = Cancel). Tests inject the answer. */
  readonly ask?: (message: string, detail: string, actions: readonly string[]) => Thenable<string | undefined>;
  /** Shows a notification with actions; resolves to the one chosen. Tests inject it to observe and choose. */
  readonly offer?: (severity: OfferSeverity, message: string, actions: readonly string[]) => Thenable<string | undefined>;
}

export type OfferSeverity = 'info' | 'warning';

/**
 * The question a command is about: an id (palette arguments, links, CodeLens), a tree node (context menus),
 * or else the question in the active practice panel.
 */
export function questionFor(deps: CommandDeps, arg: unknown): Question | undefined {
  const { library, practice } = deps.ctx;
  if (typeof arg === 'string') return library.get(arg);
  if (arg instanceof QuestionNode) return library.get(arg.question.id);
  const current = practice.currentQuestionId;
  return current === undefined ? undefined : library.get(current);
}

/** Like `questionFor`, but tells the user when there is no question to act on. */
export function requireQuestion(deps: CommandDeps, arg: unknown): Question | undefined {
  const question = questionFor(deps, arg);
  if (!question) {
    const message =
      typeof arg === 'string'
        ? vscode.l10n.t('Interview Dojo has no question with the id {0}.', arg)
        : vscode.l10n.t('Open a question first (Dojo: Random Question or the Interview Dojo view).');
    inform(deps, message);
  }
  return question;
}

/** Shows the question in the practice panel and selects it in the tree if the tree is visible. */
export async function showQuestion(deps: CommandDeps, id: string): Promise<string> {
  await deps.ctx.practice.show(id);
  await deps.tree.reveal(id);
  return id;
}

export function marksFor(deps: { ctx: Pick<DojoContext, 'progress'>; due: Pick<DueTracker, 'isDue'> }): MarksOf {
  return (id) => ({ ...marksOf(deps.ctx.progress.get(id)), due: deps.due.isDue(id) });
}

/** Every practice item in the tree's order (current grouping, filter not applied). */
export function treeOrder(deps: CommandDeps): Question[] {
  return practiceOrder(deps.ctx.library, config.groupBy());
}

/** The questions the view's filter lets through, or all of them when it lets none through. */
export function filteredOrAll(deps: CommandDeps, items: readonly Question[]): readonly Question[] {
  const filtered = filterQuestions(items, deps.viewState.filter(), marksFor(deps));
  return filtered.length > 0 ? filtered : items;
}

/** `deps.inform`, or a notification. */
export function inform(deps: CommandDeps, message: string): void {
  (deps.inform ?? showInformation)(message);
}

/** `deps.ask`, or a modal warning with the actions (VS Code adds Cancel). */
export function ask(deps: CommandDeps, message: string, detail: string, actions: readonly string[]): Thenable<string | undefined> {
  if (deps.ask) return deps.ask(message, detail, actions);
  return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
}

/** `deps.offer`, or a notification with the actions as buttons. */
export function offer(deps: CommandDeps, severity: OfferSeverity, message: string, actions: readonly string[]): Thenable<string | undefined> {
  if (deps.offer) return deps.offer(severity, message, actions);
  return severity === 'warning' ? vscode.window.showWarningMessage(message, ...actions) : vscode.window.showInformationMessage(message, ...actions);
}

function showInformation(message: string): void {
  void vscode.window.showInformationMessage(message);
}

export function reportEmptyLibrary(): void {
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Interview Dojo has no questions to show. Check the dojo.extraBanks setting and the Interview Dojo log.'),
  );
}
