// The status-bar item of a running mock interview: "12:04 left · 2/5" (or the time elapsed for a number of
// questions), updated every second; a click shows the current question again. Hidden when no session runs.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { currentQuestion } from '../core/mock/mockSession';
import { clockText } from '../core/mock/clockText';
import type { MockRunner } from './mockRunner';

export class MockStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly runner: MockRunner) {
    this.item = vscode.window.createStatusBarItem('dojo.mock', vscode.StatusBarAlignment.Left, 1);
    this.item.name = vscode.l10n.t('Interview Dojo: Mock Interview');
    this.item.command = CommandId.resumeMockInterview;
    this.disposables.push(this.item);
    runner.onDidChange(() => this.update(), null, this.disposables);
    this.update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(): void {
    const session = this.runner.running;
    const id = session && currentQuestion(session);
    const progress = id ? this.runner.progressOf(id) : undefined;
    if (!progress) {
      this.item.hide();
      return;
    }
    const clock =
      progress.remainingMs === undefined
        ? vscode.l10n.t('{0} elapsed', clockText(progress.elapsedMs, false))
        : vscode.l10n.t('{0} left', clockText(progress.remainingMs));
    this.item.text = `$(watch) ${clock} · ${progress.index}/${progress.total}`;
    const sentence = vscode.l10n.t('Mock interview: question {0} of {1}, {2}', progress.index, progress.total, clock);
    this.item.tooltip = `${sentence}\n${vscode.l10n.t('Click to show the current question.')}`;
    this.item.accessibilityInformation = { label: sentence, role: 'button' };
    // Under a minute left: the item asks for attention.
    const hurry = progress.remainingMs !== undefined && progress.remainingMs < 60_000;
    this.item.backgroundColor = hurry ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }
}
