// The smoke test of what users install: the packaged .vsix, installed with `code-server --install-extension`
// into a fresh extensions folder and run from there (the repo is not loaded). A file missing from the package
// (the banks, the webview script, the stylesheet) fails one of these steps.
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { Frame } from 'playwright-core';
import { openSession, type Session } from '../host/session';
import { practiceTarget } from '../e2e/practiceTarget';
import { Workbench } from '../e2e/workbench';
import { packagedVsix } from './packaged';

describe('The installed .vsix in code-server', () => {
  let session: Session;
  let workbench: Workbench;

  before(async function () {
    this.timeout(180_000);
    session = await openSession({ name: 'vsix', colorTheme: 'Default Light Modern', installVsix: await packagedVsix() });
    workbench = new Workbench(session.page, session.logsDir);
  });

  after(async () => {
    await session?.close();
  });

  it('is installed as a user extension, not loaded from the repo', () => {
    const { extensionsDir } = session;
    assert.ok(
      readdirSync(extensionsDir).some((name) => /^interview-dojo\.interview-dojo-\d+\.\d+\.\d+$/.test(name)),
      `${extensionsDir} holds the installed extension`,
    );
    assert.doesNotMatch(session.page.url(), /extensionDevelopmentPath/);
  });

  it('activates, shows the questions in the tree and opens one in the practice panel with its answer', async () => {
    const target = practiceTarget();
    let panel: Frame | undefined;
    await workbench.step('workbench-loaded', () => workbench.waitUntilLoaded());
    await workbench.step('tree-shown', async () => {
      await workbench.openActivityBarItem('Interview Dojo');
      await workbench.expandTreeItem(target.domainLabel);
      await workbench.treeItem(target.questionTitle).waitFor();
    });
    await workbench.step('question-opened', async () => {
      await workbench.clickTreeItem(target.questionTitle);
      panel = await workbench.webviewFrame('#attempt');
      await panel.getByText(target.questionTitle).first().waitFor();
    });
    await workbench.step('answer-revealed', async () => {
      await panel!.locator('#reveal').click();
      await panel!.locator('#reference').waitFor({ state: 'visible' });
      assert.ok((await panel!.locator('#reference').innerText()).includes(target.firstCodeLine), 'the reference shows the code');
    });
    assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
  });
});
