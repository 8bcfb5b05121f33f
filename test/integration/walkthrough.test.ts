import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandIds';
import type { StoredMark } from '../../src/core/review/marks';
import type { DojoApi } from '../../src/extension';
import type { MementoProgressStore } from '../../src/state/progressStore';
import { dojo, once, until } from './helpers';

// The first run in the real workbench: the Get Started view (its welcome content: a random question, the walkthrough)
// is on screen while nothing has been practised and leaves with the first attempt; Open Walkthrough opens the tour.
const WAIT_MS = 15_000;

describe('The first run', () => {
  let api: DojoApi;
  let progress: MementoProgressStore;
  let saved: ReadonlyMap<string, StoredMark>;

  before(async () => {
    api = await dojo();
    // The suites share one extension host: what others practised is put aside, and back afterwards.
    progress = api.ctx.progress as MementoProgressStore;
    saved = progress.marks();
  });

  after(async () => {
    await progress.replaceMarks(saved);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the Get Started view while nothing is practised, and hides it after the first attempt', async () => {
    await progress.replaceMarks(new Map());
    await vscode.commands.executeCommand('workbench.view.extension.dojo');
    const view = api.firstRun.view;
    await until(() => view.visible, 'the Get Started view to show', WAIT_MS);

    const [first] = api.library.practiceItems;
    await progress.setAttempted(first.id, true);
    await until(() => !view.visible, 'the Get Started view to leave after the first attempt', WAIT_MS);
    assert.ok(api.tree.view.visible, 'the Questions view stays');

    // Progress reset: the welcome comes back.
    await progress.replaceMarks(new Map());
    await until(() => view.visible, 'the Get Started view to come back with nothing practised', WAIT_MS);
  });

  it('counts a revealed answer as practice too', async () => {
    await progress.replaceMarks(new Map());
    await vscode.commands.executeCommand('workbench.view.extension.dojo');
    await until(() => api.firstRun.view.visible, 'the Get Started view to show', WAIT_MS);
    await progress.markRevealed(api.library.practiceItems[0].id);
    await until(() => !api.firstRun.view.visible, 'the Get Started view to leave after a reveal', WAIT_MS);
  });

  it('opens the Welcome page editor for our walkthrough from the Open Walkthrough command', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const opened = once(vscode.window.tabGroups.onDidChangeTabs, 'a tab to open', (change) => change.opened.length > 0, WAIT_MS);
    await vscode.commands.executeCommand(CommandId.openWalkthrough);
    await opened;
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    // The Welcome page's editor (a workbench page: no input the API knows), titled "Walkthrough: <extension>" when it
    // shows an extension's walkthrough. This offline host never lists extensions' walkthroughs (VS Code registers them
    // after an experiment lookup that cannot succeed here), so the page may fall back to a built-in one: what is
    // asserted is that the page opens; that it is asked for ours is the manifest test's (ids) and the command's.
    assert.ok(tab && /^(Walkthrough: |Welcome$)/.test(tab.label), tab?.label);
    assert.equal(tab.input, undefined, 'the Welcome page, not a file or a webview of ours');
  });
});
