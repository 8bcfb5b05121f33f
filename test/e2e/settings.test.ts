// The path settings in a remote window (code-server is one), as a user meets them: a bad path in the User settings
// brings the unreadable-bank notice, whose Open Settings shows the setting on the User tab, where a new path
// entered through the Settings editor takes effect.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { openSession, type Session } from '../host/session';
import { Workbench } from './workbench';

const missingBank = 'no/such/bank.md';
const BANK = `# 设置编辑器题库

### 1. 在设置编辑器里添加的题库会加载吗？

**答案：** 会。
`;

describe('The path settings in the Settings editor of a remote window', () => {
  let session: Session;
  let workbench: Workbench;

  before(async () => {
    session = await openSession({
      name: 'e2e-settings',
      colorTheme: 'Default Light Modern',
      settings: { 'dojo.extraBanks': [missingBank], 'dojo.groupBy': 'bank' },
    });
    workbench = new Workbench(session.page, session.logsDir);
  });

  after(async () => {
    await session?.close();
  });

  it('opens the User settings on the setting from the unreadable-bank notice, and applies a path entered there', async () => {
    const page = session.page;
    const bank = path.join(session.workspaceDir, 'settings-editor-bank.md');
    writeFileSync(bank, BANK);

    await workbench.step('notice-shown', async () => {
      await workbench.waitUntilLoaded();
      // Opening the view activates the extension, which reads the setting.
      await workbench.openActivityBarItem('Interview Dojo');
      const notice = page.locator('.notification-toast').filter({ hasText: 'cannot read these extra banks' });
      await notice.getByText(missingBank, { exact: false }).waitFor({ timeout: 60_000 });
      await notice.getByRole('button', { name: 'Open Settings' }).click();
    });
    const editor = page.locator('.settings-editor');
    await workbench.step('settings-opened', async () => {
      // The editor searches for the setting after a debounce and then renders the rows again: wait for that.
      await editor.locator('.settings-count-widget').getByText('1 Setting Found').waitFor();
      await editor.locator('.setting-item').filter({ hasText: 'Extra Banks' }).first().waitFor();
      assert.equal((await editor.locator('.settings-tabs-widget .action-label.checked').innerText()).trim(), 'User');
      assert.equal(await editor.locator('.no-results-message').isVisible(), false, 'the User tab shows the setting');
    });
    await workbench.step('path-entered', async () => {
      const setting = editor.locator('.setting-item').filter({ hasText: 'Extra Banks' }).first();
      // The editor may render the setting again while the new row is open (a late search refresh), which drops the
      // row: add the item again until the list shows it.
      for (let attempt = 1; ; attempt++) {
        try {
          await setting.getByRole('button', { name: 'Add Item' }).click({ timeout: 10_000 });
          await setting.locator('.setting-list-edit-row input').first().fill(bank, { timeout: 5_000 });
          await page.keyboard.press('Enter');
          await setting.getByText(bank, { exact: true }).first().waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
    });
    await workbench.step('bank-loaded', async () => {
      await workbench.treeItem('设置编辑器题库').waitFor({ timeout: 30_000 });
      const written = JSON.parse(readFileSync(session.userSettingsFile, 'utf8')) as Record<string, unknown>;
      assert.deepEqual(written['dojo.extraBanks'], [missingBank, bank]);
    });
  });
});
