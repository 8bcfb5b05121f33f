// The progress dashboard in a real workbench, once per colour theme (light, dark, high contrast): two questions are
// graded in the practice panel (Again, then Good), "Dojo: Show Progress" shows the totals, a year of days with
// today's cell marked, the domain rows and the retention; choosing the domain's Learning segment lists the question
// graded Again in a quick pick. Screenshots after each step in test-results/e2e-dashboard-<theme>/.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { openSession, type Session } from '../host/session';
import { groupQuestions } from '../../src/core/grouping';
import { practiceItems } from '../../src/core/indexer';
import { bundledIndex, practiceTarget, type PracticeTarget } from './practiceTarget';
import { panelShowing, Workbench } from './workbench';

const themes = [
  { name: 'light', colorTheme: 'Default Light Modern', workbenchKind: 'vs', webviewClass: 'vscode-light' },
  { name: 'dark', colorTheme: 'Default Dark Modern', workbenchKind: 'vs-dark', webviewClass: 'vscode-dark' },
  { name: 'high-contrast', colorTheme: 'Default High Contrast', workbenchKind: 'hc-black', webviewClass: 'vscode-high-contrast' },
];

const timeout = 30_000;

/** Another question of the target's domain near the top of its group that has a reference answer (it can be revealed). */
function secondQuestion(target: PracticeTarget): string {
  const { index, domains } = bundledIndex();
  const groups = groupQuestions(practiceItems(index), 'domain', { domains, documents: index.documents });
  const group = groups.find((g) => g.questions.some((q) => q.id === target.questionId))!;
  const question = group.questions.slice(0, 5).find((q) => q.id !== target.questionId && q.answer.trim() !== '');
  if (!question) throw new Error(`No second question with an answer near the top of "${target.domainLabel}"`);
  return question.title;
}

/** Reveals the answer of the question on screen and grades it with key `grade`, then waits until it is filed. */
async function revealAndGrade(panel: Frame, grade: '1' | '3'): Promise<void> {
  await panel.locator('#reveal').click();
  await panel.locator('#grade-buttons button').first().waitFor({ state: 'visible', timeout });
  // Keys 1–4 grade only outside the text boxes.
  await panel.locator('#title').click();
  await panel.page().keyboard.press(grade);
  await panel.waitForFunction(() => document.getElementById('history-summary')?.textContent === 'Earlier attempts (1)', undefined, { timeout });
}

for (const theme of themes) {
  describe(`The progress dashboard (${theme.colorTheme})`, () => {
    let session: Session;
    let workbench: Workbench;
    before(async () => {
      session = await openSession({ name: `e2e-dashboard-${theme.name}`, colorTheme: theme.colorTheme });
      workbench = new Workbench(session.page, session.logsDir);
    });
    after(async () => {
      await session?.close();
    });

    it('a learner grades two questions, opens Show Progress and sees today counted; a domain segment lists its questions', async () => {
      const target = practiceTarget();
      const page = session.page;
      await workbench.step('dashboard-first-graded', async () => {
        await workbench.waitUntilLoaded();
        assert.equal(await workbench.themeKind(), theme.workbenchKind);
        await workbench.openActivityBarItem('Interview Dojo');
        await workbench.expandTreeItem(target.domainLabel);
        await workbench.clickTreeItem(target.questionTitle);
        await revealAndGrade(await panelShowing(workbench, target.questionTitle), '1');
      });
      await workbench.step('dashboard-second-graded', async () => {
        const title = secondQuestion(target);
        await workbench.clickTreeItem(title);
        await revealAndGrade(await panelShowing(workbench, title), '3');
      });

      let dashboard: Frame | undefined;
      await workbench.step('dashboard-shown', async () => {
        await workbench.runCommand('Dojo: Show Progress');
        dashboard = await workbench.webviewFrame('#heatmap-chart .dojo-today');
        assert.equal(await dashboard.locator('body').getAttribute('class').then((c) => c?.split(/\s+/).includes(theme.webviewClass)), true);
        const totals = (await dashboard.locator('#totals li').allTextContents()).map((text) => text.trim());
        assert.equal(totals.length, 3);
        assert.match(totals[0]!, /^2 of \d{3,} questions practised$/);
        assert.match(totals[1]!, /^\d+ due today$/);
        assert.equal(totals[2], 'Days in a row: 1');
        const cells = await dashboard.locator('.dojo-heatmap .dojo-day').count();
        assert.ok(cells >= 52 * 7 + 1 && cells <= 53 * 7, `${cells} heatmap cells`);
        const today = dashboard.locator('.dojo-heatmap .dojo-today');
        assert.equal(await today.count(), 1);
        assert.equal(await today.getAttribute('data-count'), '2');
        assert.equal(await today.getAttribute('aria-current'), 'date');
        assert.equal(await today.getAttribute('tabindex'), '0', "today's cell holds the heatmap's tab stop");
        assert.match((await today.getAttribute('aria-label')) ?? '', / — reviews: 2$/);
        assert.ok((await dashboard.locator('.dojo-domain-row').count()) >= 10);
        assert.equal((await dashboard.locator('#retention').textContent())?.trim(), '50% not graded Again (reviews: 2)');
        assert.equal(await dashboard.locator('.dojo-forecast rect').count(), 30);
        await dashboard.locator('#heatmap-section summary').click();
        assert.equal(await dashboard.locator('#heatmap-table tbody tr').count(), 1, 'the table lists the one day with reviews');
      });
      await workbench.step('dashboard-forecast-and-retention', async () => {
        assert.ok(dashboard);
        await dashboard.locator('#retention-section').scrollIntoViewIfNeeded();
        assert.ok(await dashboard.locator('.dojo-forecast').isVisible());
        assert.match((await dashboard.locator('#forecast-summary').textContent()) ?? '', /^Total: \d+ due$/);
      });
      await workbench.step('dashboard-domain-chosen', async () => {
        assert.ok(dashboard);
        const segment = dashboard.locator(`.dojo-bar rect[aria-label^="${target.domainLabel}, Learning: "]`);
        await segment.focus();
        await page.keyboard.press('Enter');
        const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: target.questionTitle });
        await row.first().waitFor({ timeout });
        assert.match((await page.locator('.quick-input-widget .quick-input-title').textContent()) ?? '', new RegExp(`${target.domainLabel}: Learning`));
        await page.keyboard.press('Escape');
      });
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });
  });
}
