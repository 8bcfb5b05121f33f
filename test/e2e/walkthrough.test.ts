// The first run in a real workbench: the Get Started section above the questions while nothing is practised, and
// "Dojo: Open Walkthrough" showing our walkthrough with its steps. (The workbench registers an extension's
// walkthroughs a few seconds after start, once its experiment lookup times out offline: the command is retried.)
// Screenshots in test-results/e2e-walkthrough/.
import * as assert from 'node:assert/strict';
import { openSession, type Session } from '../host/session';
import { Workbench } from './workbench';

const timeout = 30_000;

describe('The first run (Default Light Modern)', () => {
  let session: Session;
  let workbench: Workbench;
  before(async () => {
    session = await openSession({ name: 'e2e-walkthrough', colorTheme: 'Default Light Modern' });
    workbench = new Workbench(session.page, session.logsDir);
  });
  after(async () => {
    await session?.close();
  });

  it('offers a random question and the walkthrough until something is practised, and opens the walkthrough', async () => {
    await workbench.step('workbench-loaded', () => workbench.waitUntilLoaded());
    await workbench.step('get-started-offered', async () => {
      await workbench.openActivityBarItem('Interview Dojo');
      const sidebar = workbench.page.locator('.part.sidebar');
      await sidebar.getByRole('button', { name: 'Start with a Random Question' }).waitFor({ timeout });
      await sidebar.getByRole('button', { name: 'Open the walkthrough' }).or(sidebar.getByRole('link', { name: 'Open the walkthrough' })).first().waitFor({ timeout });
    });
    await workbench.step('walkthrough-opened', async () => {
      const tab = workbench.page.locator('.part.editor [role="tab"]').filter({ hasText: 'Walkthrough: Interview Dojo' });
      const deadline = Date.now() + 60_000;
      while (!(await tab.isVisible())) {
        if (Date.now() > deadline) throw new Error(`The walkthrough did not open; tabs: ${(await workbench.editorTabs()).join(', ')}`);
        await workbench.runCommand('Dojo: Open Walkthrough');
        await tab.waitFor({ timeout: 5_000 }).catch(() => undefined);
      }
      const steps = await workbench.page.locator('.gettingStartedContainer .step-title').allTextContents();
      for (const step of ['Open the question list', 'Practise a question', 'Grade yourself', 'Start a review', 'Try a mock interview', 'Add your own bank']) {
        assert.ok(steps.some((title) => title.trim() === step), `step "${step}" in ${steps.join(' | ')}`);
      }
    });
  });
});
