// The first run: the context keys the walkthrough's steps and the Get Started view read, and that view's (always
// empty) tree. The Questions tree always has rows, so the welcome cannot be its viewsWelcome; it is the welcome
// content of a small view above it, shown only while no question has been practised (package.json `views`).
import * as vscode from 'vscode';
import type { CardTable } from '../core/review/card';
import type { StoredMark } from '../core/review/marks';
import { FirstRunContextKey, GET_STARTED_VIEW_ID } from './firstRunIds';

export interface FirstRunDeps {
  progress: { marks(): ReadonlyMap<string, StoredMark>; readonly onDidChange: vscode.Event<unknown> };
  review: { cards(): CardTable; readonly onDidChange: vscode.Event<unknown>; readonly ready: Promise<void> };
}

export class FirstRun implements vscode.Disposable {
  /** Never has rows: what it shows is its welcome content (package.json `viewsWelcome`). */
  readonly view: vscode.TreeView<never>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly values = new Map<string, boolean>();

  constructor(private readonly deps: FirstRunDeps) {
    this.view = vscode.window.createTreeView<never>(GET_STARTED_VIEW_ID, { treeDataProvider: { getChildren: () => [], getTreeItem: (item) => item } });
    this.disposables.push(this.view);
    deps.progress.onDidChange(() => this.updatePractised(), null, this.disposables);
    deps.review.onDidChange(() => this.updateGraded(), null, this.disposables);
    this.updatePractised();
    // Cards are known once the store has loaded (a store that fails to load says so itself).
    deps.review.ready.then(
      () => this.updateGraded(),
      () => undefined,
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private updatePractised(): void {
    let practised = false;
    for (const mark of this.deps.progress.marks().values()) {
      if (mark.a !== undefined || mark.r !== undefined) {
        practised = true;
        break;
      }
    }
    this.set(FirstRunContextKey.nothingPractised, !practised);
  }

  private updateGraded(): void {
    this.set(FirstRunContextKey.graded, this.deps.review.cards().size > 0);
  }

  private set(key: string, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
