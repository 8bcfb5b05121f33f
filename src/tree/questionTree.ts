// The `dojo.questions` view: the provider, its TreeView, the context keys its menus and welcome content use,
// and revealing the question on screen.
import * as vscode from 'vscode';
import * as config from '../config';
import type { DojoContext } from '../context';
import type { QuestionFilter } from '../core/grouping';
import { dueSentence } from '../review/dueStatusBar';
import type { DueTracker } from '../review/dueTracker';
import type { ViewState } from '../state/viewState';
import { QuestionTreeProvider, type TreeNode } from './questionTreeProvider';

export const QUESTIONS_VIEW_ID = 'dojo.questions';

/** Context keys for `when` clauses in package.json. */
export const ContextKey = {
  groupBy: 'dojo.groupBy',
  filter: 'dojo.filter',
  /** No bank gave any question (welcome content points to the settings). */
  libraryEmpty: 'dojo.libraryEmpty',
  /** There are questions, but the filter hides them all. */
  filterEmpty: 'dojo.filterEmpty',
} as const;

export class QuestionTree implements vscode.Disposable {
  readonly provider: QuestionTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly contextValues = new Map<string, string | boolean>();

  constructor(
    private readonly ctx: Pick<DojoContext, 'library' | 'progress'>,
    private readonly viewState: ViewState,
    private readonly due: DueTracker,
  ) {
    this.provider = new QuestionTreeProvider(ctx, viewState, due);
    this.view = vscode.window.createTreeView(QUESTIONS_VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true });
    this.disposables.push(this.provider, this.view);
    this.provider.onDidChangeTreeData(() => this.updateContext(), null, this.disposables);
    due.onDidChange(() => this.updateBadge(), null, this.disposables);
    this.updateContext();
    this.updateBadge();
  }

  /** Selects the question in the tree when the view is visible (never opens the sidebar by itself). */
  async reveal(questionId: string): Promise<void> {
    if (!this.view.visible) return;
    const node = this.provider.findQuestion(questionId);
    if (node) await this.view.reveal(node, { select: true, focus: false, expand: true });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The view's badge: how many questions are due for review (none when nothing is). */
  private updateBadge(): void {
    const count = this.due.dueCount;
    this.view.badge = count === 0 ? undefined : { value: count, tooltip: dueSentence(count) };
  }

  private updateContext(): void {
    const filter = this.viewState.filter();
    const empty = this.ctx.library.listed.length === 0;
    this.setContext(ContextKey.groupBy, config.groupBy());
    this.setContext(ContextKey.filter, filter);
    this.setContext(ContextKey.libraryEmpty, empty);
    this.setContext(ContextKey.filterEmpty, !empty && this.provider.getChildren().length === 0);
    const description = filter === 'all' ? undefined : `${filterName(filter)} · ${questionCount(this.provider.listedCount())}`;
    if (this.view.description !== description) this.view.description = description;
  }

  /** Tells the workbench only what changed: a star should not cost a round of context updates. */
  private setContext(key: string, value: string | boolean): void {
    if (this.contextValues.get(key) === value) return;
    this.contextValues.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}

function questionCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', count);
}

export function filterName(filter: QuestionFilter): string {
  switch (filter) {
    case 'all':
      return vscode.l10n.t('All questions');
    case 'unattempted':
      return vscode.l10n.t('Not yet attempted');
    case 'starred':
      return vscode.l10n.t('Starred');
    case 'due':
      return vscode.l10n.t('Due for review');
  }
}
