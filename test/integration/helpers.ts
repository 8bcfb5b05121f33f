// What several integration suites need: the activated extension, polling for a state that arrives
// asynchronously, and putting back the progress a test changed (the suites share one extension host).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import type { DojoApi } from '../../src/extension';
import type { PracticeViewController, RenderedReport } from '../../src/webview/practiceView';
import { extensionId } from '../host/suiteProtocol';

/** The extension under test, activated, once its banks have loaded (activation returns before they have). */
export async function dojo(): Promise<DojoApi> {
  const extension = vscode.extensions.getExtension<DojoApi>(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  const api = await extension.activate();
  await api.library.loaded;
  return api;
}

/** Resolves once `condition` holds; rejects naming `what` after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether the user has attempted the question or revealed its answer. */
export function seen(api: DojoApi, id: string): boolean {
  const progress = api.ctx.progress.get(id);
  return progress.attemptedAt !== undefined || progress.revealedAt !== undefined;
}

/** Remembers the attempted mark and star of each question a test is about to change, and puts them back. */
export class ProgressSnapshot {
  private readonly saved = new Map<string, { attempted: boolean; starred: boolean }>();

  constructor(private readonly ctx: Pick<DojoContext, 'progress'>) {}

  /** Call before changing the question's progress; only the first call per question counts. */
  remember(id: string): void {
    if (!this.saved.has(id)) {
      const { attemptedAt, starred } = this.ctx.progress.get(id);
      this.saved.set(id, { attempted: attemptedAt !== undefined, starred });
    }
  }

  async restore(): Promise<void> {
    for (const [id, before] of this.saved) {
      await this.ctx.progress.setAttempted(id, before.attempted);
      await this.ctx.progress.setStarred(id, before.starred);
    }
    this.saved.clear();
  }
}

/** The text of the question's attempt in progress, as the review store holds it. */
export async function draftOf(ctx: Pick<DojoContext, 'review'>, id: string): Promise<string> {
  return (await ctx.review.record(id)).draft?.text ?? '';
}

/** globalState as the store uses it: get returns the stored object until update replaces it. */
export class FakeMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  synced: readonly string[] = [];

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : defaultValue) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }

  setKeysForSync(keys: readonly string[]): void {
    this.synced = keys;
  }
}

export const WAIT_MS = 20_000;

/** The next value of `event` that `accept` likes; rejects naming `what` after `waitMs`. */
export function once<T>(event: vscode.Event<T>, what: string, accept: (value: T) => boolean = () => true, waitMs = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, waitMs);
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Resolves with what the real webview reports after rendering `questionId` (subscribe before acting). */
export function rendered(view: PracticeViewController, questionId: string, accept = (_: RenderedReport) => true, waitMs = WAIT_MS) {
  const what = `the webview to render ${questionId}`;
  return once(view.onDidRender, what, (r) => r.questionId === questionId && accept(r), waitMs);
}

/** What Ctrl+W does to every practice panel: disposed at once. */
export function closeAll(view: PracticeViewController): void {
  for (const panel of view.openPanels.slice()) panel.dispose();
}

/** A folder `name` in the test workspace (not created). */
export function workspaceFolder(name: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the test workspace has a folder');
  return vscode.Uri.joinPath(root, name);
}

/** Sets `dojo.extraBanks` for the user (undefined: back to the default). */
export function setExtraBanks(value: string[] | undefined): Thenable<void> {
  return vscode.workspace.getConfiguration('dojo').update('extraBanks', value, vscode.ConfigurationTarget.Global);
}
