// A mock interview in a real workbench, once per colour theme (light, dark, high contrast): started from the command
// palette through its three quick picks, a question with the countdown and no answer, an attempt typed, Next, End
// Interview, and the summary with the attempt beside the reference answer, graded. Screenshots after each step in
// test-results/e2e-mock-<theme>/.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { openSession, type Session } from '../host/session';
import { Workbench } from './workbench';

const themes = [
  { name: 'light', colorTheme: 'Default Light Modern' },
  { name: 'dark', colorTheme: 'Default Dark Modern' },
  { name: 'high-contrast', colorTheme: 'Default High Contrast' },
];
const timeout = 30_000;

/** The webview frame whose page shows the mock interview's bar or summary. */
async function mockFrame(workbench: Workbench, selector: string): Promise<Frame> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const frame = await workbench.webviewFrame('#mock-bar');
    if (await frame.locator(selector).isVisible().catch(() => false)) return frame;
    await workbench.page.waitForTimeout(250);
  }
  throw new Error(`No practice panel shows ${selector}`);
}

for (const theme of themes) {
  describe(`A mock interview (${theme.colorTheme})`, () => {
    let session: Session;
    let workbench: Workbench;
    before(async () => {
      session = await openSession({ name: `e2e-mock-${theme.name}`, colorTheme: theme.colorTheme });
      workbench = new Workbench(session.page, session.logsDir);
    });
    after(async () => {
      await session?.close();
    });

    it('runs a timed session with the answers hidden, ends it early and grades from the summary', async () => {
      const typed = 'An attempt typed under time pressure.';
      await workbench.step('workbench-loaded', () => workbench.waitUntilLoaded());
      await workbench.step('mock-interview-running', async () => {
        await workbench.runCommand('Dojo: Start Mock Interview...');
        await workbench.pickQuickPickRow('15 minutes');
        // Domains: none chosen is every domain.
        await workbench.page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Domains' }).waitFor({ timeout });
        await workbench.page.keyboard.press('Enter');
        await workbench.page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Questions' }).waitFor({ timeout });
        await workbench.pickQuickPickRow('Any question');
        const panel = await mockFrame(workbench, '#mock-bar');
        assert.match((await panel.locator('#mock-position').textContent()) ?? '', /^Mock interview: question 1 of 5$/);
        assert.match((await panel.locator('#mock-clock').textContent()) ?? '', /^1[45]:\d\d left$/);
        assert.equal(await panel.locator('#reveal').isVisible(), false, 'no Reveal during the interview');
        assert.equal(await panel.locator('.dojo-navigation').isVisible(), false, 'no navigation during the interview');
        await workbench.page.locator('.part.statusbar').getByText(/1[45]:\d\d left · 1\/5/).waitFor({ timeout });
        await panel.locator('#attempt').click();
        await workbench.page.keyboard.type(typed);
        await panel.locator('#save-status').filter({ hasText: 'Saved' }).waitFor({ timeout });
        // The hidden buttons' shortcuts do nothing: no answer, no other question.
        const title = await panel.locator('#title').textContent();
        await workbench.page.keyboard.press('Control+Enter');
        await workbench.page.keyboard.press('Alt+ArrowDown');
        await workbench.page.waitForTimeout(500);
        assert.equal(await panel.locator('#title').textContent(), title, 'still the same question');
        assert.equal(await panel.locator('#reference').isVisible(), false, 'no answer shown');
      });
      await workbench.step('mock-interview-next-question', async () => {
        const panel = await mockFrame(workbench, '#mock-bar');
        await panel.locator('#mock-next').click();
        await panel.locator('#mock-position').filter({ hasText: 'question 2 of 5' }).waitFor({ timeout });
        assert.equal(await panel.locator('#attempt').inputValue(), '', 'a fresh attempt for the next question');
      });
      await workbench.step('mock-interview-summary', async () => {
        let panel = await mockFrame(workbench, '#mock-bar');
        await panel.locator('#mock-end').click();
        panel = await mockFrame(workbench, '#mock-items');
        assert.match((await panel.locator('#summary-title').textContent()) ?? '', /^Mock interview, .+ \(15 minutes\)$/);
        const lines = await panel.locator('#summary-lines li').allTextContents();
        assert.ok(lines.includes('Ended early.'), lines.join(' | '));
        assert.ok(lines.includes('Answered: 1 of 5; skipped: 0; not reached: 3'), lines.join(' | '));
        const first = panel.locator('#mock-items > li').first();
        assert.equal(await first.locator('pre.dojo-attempt-text').textContent(), typed);
        assert.ok(((await first.locator('.dojo-markdown').textContent()) ?? '').trim().length > 0, 'the reference answer beside it');
        await first.locator('button.dojo-grade', { hasText: 'Good' }).click();
        await panel.locator('#mock-items > li').first().locator('button.dojo-grade[aria-pressed="true"]', { hasText: 'Good' }).waitFor({ timeout });
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });
  });
}
