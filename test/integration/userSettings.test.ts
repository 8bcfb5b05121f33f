// Path settings where users put them. In a remote window (code-server is one; so are SSH, WSL and containers),
// VS Code ignores settings of scope `machine-overridable` in the User settings, offers them on the Remote tab only
// and writes them there when an extension sets them for the user; the path settings must work from the User
// settings too. (test/e2e/settings.test.ts covers a value the User settings file holds when the window opens.)
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
  const loaded = () => api.library.index.documents.some((d) => d.file === bank.fsPath);

  before(async function () {
    const file = process.env[userSettingsFileVariable];
    // Only the harness's code-server window names its User settings file; desktop windows are not remote.
    if (!file) this.skip();
    userSettingsFile = file;
    api = await dojo();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the test workspace has a folder');
    bank = vscode.Uri.joinPath(root, `dojo-user-settings-${Date.now()}.md`);
    await vscode.workspace.fs.writeFile(bank, new TextEncoder().encode(BANK));
  });

  after(async () => {
    if (!userSettingsFile) return;
    const settings = vscode.workspace.getConfiguration('dojo');
    await settings.update('extraBanks', undefined, vscode.ConfigurationTarget.Global);
    await settings.update('scratchFolder', undefined, vscode.ConfigurationTarget.Global);
    await until(() => !loaded(), 'the bank to go away');
    await vscode.workspace.fs.delete(bank);
  });

  const userSettings = () => JSON.parse(readFileSync(userSettingsFile, 'utf8')) as Record<string, unknown>;

  it('keeps dojo.extraBanks set for the user (Global) in the User settings, where the Settings editor shows it, and loads the bank', async () => {
    await vscode.workspace.getConfiguration('dojo').update('extraBanks', [bank.fsPath], vscode.ConfigurationTarget.Global);
    await until(loaded, 'the bank set for the user to load');
    assert.deepEqual(userSettings()['dojo.extraBanks'], [bank.fsPath]);
  });

  it('keeps dojo.scratchFolder set for the user (Global) in the User settings', async () => {
    const folder = vscode.Uri.joinPath(bank, '..', 'scratch').fsPath;
    await vscode.workspace.getConfiguration('dojo').update('scratchFolder', folder, vscode.ConfigurationTarget.Global);
    assert.equal(userSettings()['dojo.scratchFolder'], folder);
    assert.equal(vscode.workspace.getConfiguration('dojo').get('scratchFolder'), folder);
  });
});
