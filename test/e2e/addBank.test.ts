// Bringing your own bank in a real workbench: "Dojo: Add Question Bank...", the workbench's file dialog, the
// notification with the number of questions, Practise Now, and the bank's questions in the tree. Screenshots after
// each step in test-results/e2e-add-bank/.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openSession, type Session } from '../host/session';
import { panelShowing, Workbench } from './workbench';

/** A bank in a layout of the kind users bring: question headings without numbers, answers in <details>. */
const BANK = `# Operating systems

## Processes

<details>
<summary>What is the difference between a process and a thread?</summary>

A process has its own address space; the threads of a process share it.
</details>

<details>
<summary>How do you find which process listens on a port?</summary>

\`ss -ltnp\` lists listening sockets with their processes.
</details>
`;

const FIRST = 'What is the difference between a process and a thread?';
const timeout = 30_000;

describe('Adding your own bank in the workbench', () => {
  let session: Session;
  let workbench: Workbench;
  before(async () => {
    session = await openSession({ name: 'e2e-add-bank', colorTheme: 'Default Light Modern' });
    workbench = new Workbench(session.page, session.logsDir);
  });
  after(async () => {
    await session?.close();
  });

  it('a learner adds a bank file through the file dialog, is told its questions and practises the first', async () => {
    const page = session.page;
    const file = path.join(session.workspaceDir, 'os-interview.md');
    writeFileSync(file, BANK);
    const notification = page.locator('.notifications-toasts .notification-toast').filter({ hasText: 'Added os-interview.md to Interview Dojo' });

    await workbench.step('workbench-loaded', async () => {
      await workbench.waitUntilLoaded();
      await workbench.openActivityBarItem('Interview Dojo');
    });
    await workbench.step('bank-file-chosen', async () => {
      await workbench.runCommand('Dojo: Add Question Bank...');
      await workbench.pickQuickPickRow('Bank Files...');
      await workbench.chooseInFileDialog(file);
      await notification.waitFor({ timeout });
      assert.match(await notification.innerText(), /Added os-interview\.md to Interview Dojo: 2 questions\./);
    });
    await workbench.step('first-question-practised', async () => {
      await notification.getByRole('button', { name: 'Practise Now' }).click();
      const panel = await panelShowing(workbench, FIRST);
      assert.equal(await panel.locator('#reveal').isVisible(), true);
      // Selected in the tree too, under its domain.
      await workbench.treeItem(FIRST).waitFor({ timeout });
    });
    assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
  });
});
