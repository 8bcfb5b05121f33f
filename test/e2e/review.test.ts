// Reviews in a real workbench, once per colour theme: progress with two questions already due is imported through
// "Dojo: Import Progress..." (the file dialog and the preview), the status bar then shows "2 due", and a click on
// it starts the review at "Review 1 of N". Screenshots after each step in test-results/e2e-review-<theme>/.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { emptyProgress, exportDocument } from '../../src/core/review/exchange';
import { practiceItems } from '../../src/core/indexer';
import { openSession, type Session } from '../host/session';
import { bundledIndex } from './practiceTarget';
import { Workbench } from './workbench';

const themes = [
  { name: 'light', colorTheme: 'Default Light Modern', workbenchKind: 'vs' },
  { name: 'dark', colorTheme: 'Default Dark Modern', workbenchKind: 'vs-dark' },
];

const DAY_MS = 86_400_000;
const timeout = 30_000;
/** What `dojo.review.newPerDay` allows by default: new questions that follow the due ones in a review. */
const NEW_PER_DAY = 10;

/** Ids of the first bundled practice items, as the extension indexes them. */
function firstQuestionIds(count: number): string[] {
  return practiceItems(bundledIndex().index).slice(0, count).map((q) => q.id);
}

/** An export in which the questions were reviewed four days ago and came due yesterday. */
function exportWithDueQuestions(ids: readonly string[]): string {
  const now = Date.now();
  const data = emptyProgress();
  for (const id of ids) {
    data.cards.set(id, {
      due: now - DAY_MS,
      stability: 3,
      difficulty: 5,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state: 2,
      lastReview: now - 4 * DAY_MS,
    });
  }
  return JSON.stringify(exportDocument(data, now));
}

for (const theme of themes) {
  describe(`Reviews in the workbench (${theme.colorTheme})`, () => {
    let session: Session;
    let workbench: Workbench;
    before(async () => {
      session = await openSession({ name: `e2e-review-${theme.name}`, colorTheme: theme.colorTheme });
      workbench = new Workbench(session.page, session.logsDir);
    });
    after(async () => {
      await session?.close();
    });

    it('a learner imports progress with questions due, sees the count in the status bar and starts the review from it', async () => {
      const page = session.page;
      const dueIds = firstQuestionIds(2);
      const file = path.join(session.workspaceDir, 'progress.json');
      writeFileSync(file, exportWithDueQuestions(dueIds));
      const dueItem = page.locator('.part.statusbar .statusbar-item').filter({ hasText: /\d+ due/ });

      await workbench.step('workbench-loaded', async () => {
        await workbench.waitUntilLoaded();
        assert.equal(await workbench.themeKind(), theme.workbenchKind);
        await workbench.openActivityBarItem('Interview Dojo');
        assert.equal(await dueItem.count(), 0, 'nothing is due on a fresh start, so no status-bar item');
      });
      await workbench.step('import-file-chosen', async () => {
        await workbench.runCommand('Dojo: Import Progress...');
        await workbench.chooseInFileDialog(file);
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ timeout });
        assert.match(await dialog.innerText(), /Newer review schedules: 2/);
      });
      await workbench.step('progress-imported', async () => {
        await page.locator('.monaco-dialog-box').getByRole('button', { name: 'Import', exact: true }).click();
        await dueItem.waitFor({ timeout });
        assert.match(await dueItem.innerText(), /\b2 due\b/);
      });
      let panel: Frame | undefined;
      await workbench.step('review-started', async () => {
        await dueItem.click();
        panel = await workbench.webviewFrame('#title');
        await panel.getByText(`Review 1 of ${dueIds.length + NEW_PER_DAY}`).first().waitFor({ timeout });
      });
      assert.ok(panel);
      assert.deepEqual(session.webviewErrors, [], 'errors in the webview');
    });
  });
}
