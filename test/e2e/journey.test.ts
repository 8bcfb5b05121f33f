// The practice journey in a real workbench, once per colour theme and once with the extension in the browser's
// web-worker extension host (as on vscode.dev): what a learner does, step by step, with a screenshot after each step
// in test-results/e2e-<name>/.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { openSession, type Session } from '../host/session';
import { practiceTarget } from './practiceTarget';
import { Workbench } from './workbench';

const themes = [
  { name: 'light', colorTheme: 'Default Light Modern', workbenchKind: 'vs', webviewClass: 'vscode-light', web: false },
  { name: 'dark', colorTheme: 'Default Dark Modern', workbenchKind: 'vs-dark', webviewClass: 'vscode-dark', web: false },
  { name: 'web', colorTheme: 'Default Light Modern', workbenchKind: 'vs', webviewClass: 'vscode-light', web: true },
];

const attempt = '先把各模态编码到同一个向量空间 (align the modalities first)';

for (const theme of themes) {
  describe(`Practising in the workbench (${theme.colorTheme}${theme.web ? ', extension in the browser' : ''})`, () => {
    let session: Session;
    let workbench: Workbench;
    /** What the browser fetched: in the web host, the extension's browser entry, for its web worker. */
    const fetched: string[] = [];
    before(async () => {
      session = await openSession({
        name: `e2e-${theme.name}`,
        colorTheme: theme.colorTheme,
        web: theme.web,
        prepare: async (page) => page.context().on('request', (request) => fetched.push(request.url())),
      });
      workbench = new Workbench(session.page, session.logsDir);
    });
    after(async () => {
      await session?.close();
    });

    it('a learner opens a question from the activity bar, attempts it, reveals the answer, grades it and opens the reference code', async () => {
      const target = practiceTarget();
      let panel: Frame | undefined;

      await workbench.step('workbench-loaded', async () => {
        await workbench.waitUntilLoaded();
        assert.equal(await workbench.themeKind(), theme.workbenchKind);
      });
      await workbench.step('activity-bar-opened', () => workbench.openActivityBarItem('Interview Dojo'));
      await workbench.step('domain-expanded', async () => {
        await workbench.expandTreeItem(target.domainLabel);
        await workbench.treeItem(target.questionTitle).waitFor();
      });
      await workbench.step('question-opened', async () => {
        await workbench.clickTreeItem(target.questionTitle);
        panel = await workbench.webviewFrame('#attempt');
        await panel.getByText(target.questionTitle).first().waitFor();
        assert.match((await panel.locator('body').getAttribute('class')) ?? '', new RegExp(`\\b${theme.webviewClass}\\b`));
      });
      await workbench.step('attempt-typed', async () => {
        await panel!.locator('#attempt').pressSequentially(attempt);
        assert.equal(await panel!.locator('#attempt').inputValue(), attempt);
      });
      await workbench.step('answer-revealed', async () => {
        await panel!.locator('#reveal').click();
        await panel!.locator('#reference').waitFor({ state: 'visible' });
        assert.ok((await panel!.locator('#reference').innerText()).includes(target.firstCodeLine), 'the reference shows the code');
      });
      await workbench.step('graded-good', async () => {
        await panel!.locator('#grade-buttons button', { hasText: 'Good' }).click();
        // The earlier attempt is listed and the attempt box emptied, a moment apart.
        await panel!.waitForFunction(
          () =>
            document.getElementById('history-summary')?.textContent === 'Earlier attempts (1)' &&
            (document.getElementById('attempt') as HTMLTextAreaElement).value === '',
          undefined,
          { timeout: 15_000 },
        );
        assert.ok(await panel!.locator('#undo-grade').isVisible(), 'the grade can be undone');
      });
      await workbench.step('reference-code-opened', async () => {
        const tabsBefore = await workbench.editorTabs();
        await panel!.locator('#open-code').click();
        await workbench.waitForEditorTab((label) => !tabsBefore.includes(label), 'for the reference code');
        await workbench.page.waitForFunction(
          (line) => document.querySelector('.part.editor .monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(line),
          target.firstCodeLine,
          { timeout: 15_000 },
        );
        assert.ok((await workbench.activeEditorText()).includes(target.firstCodeLine), 'the editor shows the reference code');
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
      // The web worker fetches it through the server's resource route (`vscode-remote-resource?path=…`).
      const browserEntry = fetched.filter((url) => new URL(url).searchParams.get('path')?.endsWith('/dist/web/extension.js'));
      assert.equal(browserEntry.length > 0, theme.web, `the browser entry ${theme.web ? 'runs' : 'does not run'} in the browser`);
    });

    it('a learner moves on to a random question from the command palette', async () => {
      await workbench.step('random-question', async () => {
        const shownBefore = await workbench.page.locator('.part.editor .tabs-container [role="tab"] .label-name').allTextContents();
        await workbench.runCommand('Dojo: Random Question');
        const panel = await workbench.webviewFrame('#title');
        await panel.waitForFunction((previous) => {
          const title = document.getElementById('title')?.textContent?.trim();
          return Boolean(title) && !previous.includes(title!);
        }, shownBefore);
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });
  });
}
