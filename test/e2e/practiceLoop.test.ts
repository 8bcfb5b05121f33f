// The practice loop in a real workbench, once per colour theme: attempt → reveal → grade Good → reload → reopen
// shows a fresh attempt with the answer hidden and one earlier attempt listed. A screenshot after each step in
// test-results/e2e-loop-<theme>/.
import * as assert from 'node:assert/strict';
import { openSession, type Session } from '../host/session';
import { practiceTarget } from './practiceTarget';
import { panelShowing, Workbench } from './workbench';

const themes = [
  { name: 'light', colorTheme: 'Default Light Modern' },
  { name: 'dark', colorTheme: 'Default Dark Modern' },
];

for (const theme of themes) {
  describe(`The practice loop (${theme.colorTheme})`, () => {
    let session: Session;
    let workbench: Workbench;
    before(async () => {
      session = await openSession({ name: `e2e-loop-${theme.name}`, colorTheme: theme.colorTheme });
      workbench = new Workbench(session.page, session.logsDir);
    });
    after(async () => {
      await session?.close();
    });

    it('attempt, reveal, grade Good with key 3, reload, reopen: a fresh attempt, the answer hidden, one earlier attempt', async () => {
      const target = practiceTarget();
      const attempt = 'Partition the data, then merge.';
      await workbench.step('loop-question-opened', async () => {
        await workbench.waitUntilLoaded();
        await workbench.openActivityBarItem('Interview Dojo');
        await workbench.expandTreeItem(target.domainLabel);
        await workbench.clickTreeItem(target.questionTitle);
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#attempt').fill(attempt);
        assert.equal(await panel.locator('#reveal').getAttribute('aria-expanded'), 'false');
      });
      await workbench.step('loop-revealed-with-grades', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.locator('#reveal').click();
        await panel.locator('#reference').waitFor({ state: 'visible' });
        assert.equal(await panel.locator('#reveal').getAttribute('aria-expanded'), 'true');
        assert.equal((await panel.locator('#reveal .label').textContent())?.trim(), 'Hide answer');
        const labels = (await panel.locator('#grade-buttons button .label').allTextContents()).map((t) => t.trim());
        assert.equal(labels.length, 4);
        assert.deepEqual(labels.map((l) => l.split(' · ')[0]), ['Again', 'Hard', 'Good', 'Easy']);
        for (const label of labels) assert.match(label, / · \d+(\.\d)?(m|h|d|mo|y)$/, 'each grade says the interval it schedules');
        assert.equal(await panel.locator('#attempt').inputValue(), attempt, 'the attempt stays visible beside the answer');
        assert.ok(await panel.locator('#attempt').isVisible());
      });
      await workbench.step('loop-graded-good', async () => {
        const panel = await panelShowing(workbench, target.questionTitle);
        // Keys 1–4 grade only outside the text boxes.
        await panel.locator('#title').click();
        await workbench.page.keyboard.press('3');
        await panel.waitForFunction(() => document.getElementById('history-summary')?.textContent === 'Earlier attempts (1)', undefined, {
          timeout: 15_000,
        });
        assert.equal(await panel.locator('#attempt').inputValue(), '');
        assert.ok(await panel.locator('#reference').isHidden());
        assert.ok(await panel.locator('#undo-grade').isVisible(), 'the grade can be undone');
      });
      await workbench.step('loop-reloaded-and-reopened', async () => {
        await workbench.reload();
        await workbench.openQuestionBySearch(target.questionTitle);
        const panel = await panelShowing(workbench, target.questionTitle);
        await panel.waitForFunction(() => document.getElementById('history-summary')?.textContent === 'Earlier attempts (1)', undefined, {
          timeout: 15_000,
        });
        assert.equal(await panel.locator('#attempt').inputValue(), '', 'a fresh attempt');
        assert.ok(await panel.locator('#reference').isHidden(), 'the answer is hidden');
        assert.equal(await panel.locator('#reveal').getAttribute('aria-expanded'), 'false');
        await panel.locator('#history summary').click();
        const earlier = panel.locator('#history-list li');
        assert.equal(await earlier.count(), 1);
        assert.equal((await earlier.locator('.dojo-attempt-text').textContent())?.trim(), attempt);
        assert.match((await earlier.locator('.dojo-attempt-meta').textContent()) ?? '', /Good$/);
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });
  });
}
