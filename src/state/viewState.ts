// Per-workspace state of the question tree (the filter), behind named accessors over workspaceState.
import * as vscode from 'vscode';
import { isQuestionFilter, type QuestionFilter } from '../core/grouping';

const FILTER_KEY = 'dojo.tree.filter';

export class ViewState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  filter(): QuestionFilter {
    const value = this.memento.get<unknown>(FILTER_KEY);
    return isQuestionFilter(value) ? value : 'all';
  }

  async setFilter(filter: QuestionFilter): Promise<void> {
    if (filter === this.filter()) return;
    await this.memento.update(FILTER_KEY, filter);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
