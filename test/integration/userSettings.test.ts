// Path settings where users put them. In a remote window (code-server is one; so are SSH, WSL and containers),
// VS Code ignores settings of scope `machine-overridable` in the User settings and offers them on the Remote tab
// only; the path settings must work from the User settings too.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { DojoApi } from '../../src/extension';
import { userSettingsFileVariable } from '../host/suiteProtocol';
import { dojo, until } from './helpers';

const BANK = `# 用户设置题库

### 1. 用户设置里的题库会加载吗？

**答案：** 会。
`;

describe('Path settings in the User settings of a remote window', () => {
  let api: DojoApi;
  let bank: vscode.Uri;
  let userSettingsFile: string;
  let originalSettings: string;
  const loaded = () => api.library.index.documents.some((d) => d.file === bank.fsPath);

  before(async function () {
    const file = process.env[userSettingsFileVariable];
    // Only the harness's code-server window names its User settings file; desktop windows are not remote.
    if (!file) this.skip();
    userSettingsFile = file;
    originalSettings = readFileSync(userSettingsFile, 'utf8');
    api = await dojo();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the test workspace has a folder');
    bank = vscode.Uri.joinPath(root, `dojo-user-settings-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(bank, new TextEncoder().encode(BANK));
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('dojo').update('extraBanks', undefined, vscode.ConfigurationTarget.Global);
    writeFileSync(userSettingsFile, originalSettings);
    await until(() => !loaded(), 'the bank to go away once the User settings are restored');
  });

  after(async () => {
    if (bank) await vscode.workspace.fs.delete(bank);
  });

  it('loads the extra banks written into the User settings file', async () => {
    const settings = JSON.parse(originalSettings) as Record<string, unknown>;
    writeFileSync(userSettingsFile, JSON.stringify({ ...settings, 'dojo.extraBanks': [bank.fsPath] }, null, 2));
    await until(loaded, 'the bank named in the User settings to load');
    assert.ok(api.library.practiceItems.some((q) => q.title === '用户设置里的题库会加载吗？'));
  });

  it('keeps dojo.extraBanks set for the user (Global) in the User settings, where the Settings editor shows it', async () => {
    await vscode.workspace.getConfiguration('dojo').update('extraBanks', [bank.fsPath], vscode.ConfigurationTarget.Global);
    await until(loaded, 'the bank set for the user to load');
    const written = JSON.parse(readFileSync(userSettingsFile, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(written['dojo.extraBanks'], [bank.fsPath]);
  });
});
