// The README's screenshots, taken from the installed .vsix (as users see it) in the light theme: the question
// tree, the practice panel with a revealed answer, a reference code example opened as a scratch file, and a user's
// bank explained beside it. Each run
// takes them into test-results/screenshots/; `npm run screenshots` (DOJO_UPDATE_SCREENSHOTS=1) writes them to
// docs/images/, which is committed and packaged.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { repoRoot, resultsDir } from '../host/paths';
import { openSession, type Session } from '../host/session';
import { practiceTarget } from '../e2e/practiceTarget';
import { saveScreenshot, Workbench } from '../e2e/workbench';
import { packagedVsix } from './packaged';

const imagesDir =
  process.env.DOJO_UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs', 'images') : path.join(resultsDir, 'screenshots');

/** A user's bank in two layouts, with a question list that has no answers yet. */
const USER_BANK = `# Systems interview notes

## Processes

### What is the difference between a process and a thread?

A process has its own address space; the threads of a process share it.

<details>
<summary>How do you find which process listens on a port?</summary>

\`ss -ltnp\` lists listening sockets with their processes.
</details>

## To answer later

1. Why can a context switch be expensive?
2. What does the OOM killer choose to kill?
`;

const attempt = '先把文本、图像和语音各自编码，再映射到同一个向量空间里对齐，最后融合做下游任务。';

describe('The README screenshots (Default Light Modern)', () => {
  let session: Session;
  let workbench: Workbench;

  before(async () => {
    session = await openSession({
      name: 'screenshots',
      colorTheme: 'Default Light Modern',
      installVsix: await packagedVsix(),
      // The scratch folder's path in the breadcrumbs is the harness's temp folder: noise in a picture.
      settings: { 'breadcrumbs.enabled': false },
    });
    workbench = new Workbench(session.page, session.logsDir);
  });

  after(async () => {
    await session?.close();
  });

  it('shows the tree, the practice panel with a revealed answer and a scratch file', async () => {
    const target = practiceTarget();
    let panel: Frame | undefined;
    await workbench.waitUntilLoaded();
    assert.equal(await workbench.themeKind(), 'vs');

    await workbench.openActivityBarItem('Interview Dojo');
    await workbench.expandTreeItem(target.domainLabel);
    await workbench.treeItem(target.questionTitle).waitFor();
    await saveScreenshot(session.page, path.join(imagesDir, 'tree.png'), 'sidebar');

    await workbench.clickTreeItem(target.questionTitle);
    panel = await workbench.webviewFrame('#attempt');
    await panel.getByText(target.questionTitle).first().waitFor();
    await panel.locator('#attempt').fill(attempt);
    await panel.locator('#reveal').click();
    await panel.locator('#reference').waitFor({ state: 'visible' });
    assert.ok((await panel.locator('#reference').innerText()).includes(target.firstCodeLine), 'the reference shows the code');
    // Show the question and the attempt above the answer.
    await panel.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(session.page, path.join(imagesDir, 'practice-panel.png'));

    const tabsBefore = await workbench.editorTabs();
    await panel.locator('#open-code').click();
    await workbench.waitForEditorTab((label) => !tabsBefore.includes(label), 'for the scratch file');
    await session.page.waitForFunction(
      (line) => document.querySelector('.part.editor .monaco-editor .view-lines')?.textContent?.replace(/\u00a0/g, ' ').includes(line),
      target.firstCodeLine,
      { timeout: 15_000 },
    );
    await session.page.locator('.part.editor .codelens-decoration').getByText('Reset to reference').waitFor();
    await saveScreenshot(session.page, path.join(imagesDir, 'scratch-file.png'));
    assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
  });

  it("shows a user's bank explained beside it", async () => {
    const file = path.join(session.workspaceDir, 'systems-notes.md');
    writeFileSync(file, USER_BANK);
    await workbench.runCommand('View: Close All Editors');
    await session.page.keyboard.press('Control+P');
    await workbench.pickQuickPickRow('systems-notes.md');
    await workbench.waitForEditorTab((label) => label === 'systems-notes.md', 'for the bank');
    await workbench.runCommand('Dojo: Explain How a Bank File Is Read');
    await workbench.waitForEditorTab((label) => label === 'systems-notes.md.explained.txt', 'for the explanation');
    await session.page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.part.editor .monaco-editor .view-lines')).some((lines) =>
          lines.textContent?.replace(/\u00a0/g, ' ').includes('(question list)'),
        ),
      undefined,
      { timeout: 15_000 },
    );
    await saveScreenshot(session.page, path.join(imagesDir, 'explain-bank.png'), 'editors');
  });
});
