import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DojoApi } from '../../src/extension';
import { dojo, until } from './helpers';

// Bank locations a security review used against the extension: a folder that links to itself, a device, a FIFO
// and a huge file. Each must end in a clear message, never a hang or a process that grows without bound.
const BANK = `# 回环题库

### 1. 符号链接回环里的题目会被读几次？

**答案：** 一次。
`;

describe('Hostile bank locations', () => {
  let api: DojoApi;
  let root: string;
  const folderName = `dojo-hostile-banks-${Date.now()}`;
  const folder = () => path.join(root, folderName);
  const dojoSettings = () => vscode.workspace.getConfiguration('dojo');
  const setSetting = (key: string, value: unknown) => dojoSettings().update(key, value, vscode.ConfigurationTarget.Global);
  const documentsIn = (dir: string) => api.library.index.documents.filter((d) => d.file.startsWith(`${dir}${path.sep}`));
  const problems = (file: string) => vscode.languages.getDiagnostics(vscode.Uri.file(file)).map((d) => d.message);
  const unreadable = (entry: string) => api.library.unreadable.find((u) => u.entry === entry)?.reason;

  before(async () => {
    api = await dojo();
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace, 'the test workspace has a folder');
    root = workspace.fsPath;
    mkdirSync(folder());
    writeFileSync(path.join(folder(), 'loop-bank.md'), BANK);
  });

  after(async () => {
    await setSetting('extraBanks', undefined);
    await setSetting('maxBankSizeMB', undefined);
    await until(() => documentsIn(folder()).length === 0, 'the hostile banks to go away');
    rmSync(folder(), { recursive: true, force: true });
  });

  it('reads a folder with links to itself once, and says in the Problems panel which links it skipped', async () => {
    symlinkSync(folder(), path.join(folder(), 'loop'));
    symlinkSync(folder(), path.join(folder(), 'twice'));
    await setSetting('extraBanks', [folderName]);
    await until(() => problems(path.join(folder(), 'twice')).length > 0, 'the skipped link to be reported');
    assert.deepEqual(documentsIn(folder()).map((d) => path.basename(d.file)), ['loop-bank.md']);
    assert.deepEqual(problems(path.join(folder(), 'loop')), [
      'Skipped: already read through another path (a symbolic link loop?)',
    ]);
    assert.ok(api.library.practiceItems.some((q) => q.title === '符号链接回环里的题目会被读几次？'));
  });

  it('sees /dev/zero and a FIFO as neither file nor folder, as the walker expects', async () => {
    const fifo = path.join(folder(), 'probe-fifo');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    for (const special of ['/dev/zero', fifo]) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.file(special));
      assert.equal(stat.type & (vscode.FileType.File | vscode.FileType.Directory), 0, `${special}: type ${stat.type}`);
    }
    rmSync(fifo);
  });

  it('refuses /dev/zero and a FIFO named in dojo.extraBanks without reading them, and skips a FIFO in a folder', async () => {
    const fifo = path.join(root, `${folderName}-pipe.md`);
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    assert.equal(spawnSync('mkfifo', [path.join(folder(), 'pipe.md')]).status, 0);
    try {
      await setSetting('extraBanks', [folderName, '/dev/zero', fifo]);
      await until(() => unreadable(fifo) !== undefined, 'the FIFO to be reported');
      const reason = 'not a regular file (a device, pipe, socket or broken link)';
      assert.equal(unreadable('/dev/zero'), reason);
      assert.equal(unreadable(fifo), reason);
      assert.deepEqual(problems(path.join(folder(), 'pipe.md')), [`Skipped: ${reason}`]);
      assert.deepEqual(documentsIn(folder()).map((d) => path.basename(d.file)), ['loop-bank.md'], 'the good bank stays');
    } finally {
      rmSync(fifo, { force: true });
      rmSync(path.join(folder(), 'pipe.md'), { force: true });
    }
  });

  it('skips a bank file over dojo.maxBankSizeMB with a diagnostic, and a file named directly with a message', async () => {
    const huge = path.join(folder(), 'huge.md');
    writeFileSync(huge, `${BANK}\n${'填充文字。'.repeat(120_000)}\n`);
    await setSetting('maxBankSizeMB', 1);
    await setSetting('extraBanks', [folderName, path.join(folderName, 'huge.md')]);
    // A load that started before both settings had changed may show something else first.
    const tooLarge = '1.7 MB is larger than the 1 MB limit (dojo.maxBankSizeMB)';
    await until(
      () => problems(huge).includes(`Skipped: ${tooLarge}`) && unreadable(path.join(folderName, 'huge.md')) !== undefined,
      'the oversized bank to be reported',
    );
    assert.deepEqual(problems(huge), [`Skipped: ${tooLarge}`]);
    assert.equal(unreadable(path.join(folderName, 'huge.md')), tooLarge);
    assert.ok(!api.library.index.documents.some((d) => d.file === huge));

    await setSetting('extraBanks', [folderName]);
    await setSetting('maxBankSizeMB', 2);
    await until(() => api.library.index.documents.some((d) => d.file === huge), 'the bank to load under a higher limit');
    // The Problems panel follows the tree (the questions are shown first).
    await until(() => problems(huge).length === 0, 'the size problem to go away');
  });
});
