// The status-bar item "3 due": visible only while questions are due for review; a click starts the review.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { DueTracker } from './dueTracker';

export class DueStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  /** Whether the item is on the status bar (StatusBarItem does not say). */
  shown = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly due: DueTracker) {
    this.item = vscode.window.createStatusBarItem('dojo.due', vscode.StatusBarAlignment.Left, 0);
    this.item.name = vscode.l10n.t('Interview Dojo: Reviews Due');
    this.item.command = CommandId.startReview;
    this.disposables.push(this.item);
    due.onDidChange(() => this.update(), null, this.disposables);
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const count = this.due.dueCount;
    this.shown = count > 0;
    if (count === 0) {
      this.item.hide();
      return;
    }
    const due = vscode.l10n.t('{0} due', count);
    this.item.text = `$(mortar-board) ${due}`;
    this.item.tooltip = dueSentence(count) + '\n' + vscode.l10n.t('Click to start the review.');
    this.item.accessibilityInformation = { label: dueSentence(count), role: 'button' };
    this.item.show();
  }
}

/** "3 questions due for review" (the badge's tooltip says the same). */
export function dueSentence(count: number): string {
  return count === 1 ? vscode.l10n.t('1 question due for review') : vscode.l10n.t('{0} questions due for review', count);
}
