import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoApi } from '../../src/extension';
import type { GroupNode } from '../../src/tree/treeNodes';
import { dojo, until } from './helpers';

const GOOD_BANK = `# 测试用户题库

### 1. 什么是独角兽退火算法XQZ？

**题目：** 请解释独角兽退火算法XQZ的原理。

**答案：** 这是一个只在测试题库里出现的答案。

### 2. 如何评估一个用户题库的质量？

**答案：** 看题目覆盖面和答案的准确性。
`;

const EDITED_BANK = `${GOOD_BANK}
### 3. 用户题库修改后会重新加载吗？

**答案：** 会，文件监视器发现修改后重新索引。
`;

/** An unclosed code fence: the parser repairs it and reports a warning at the fence's line (7). */
const BROKEN_BANK = `# 坏题库

### 1. 代码块没有闭合的题目？

**答案：** 见代码。

\`\`\`python
print("never closed")

### 2. 后面的题目还在吗？

**答案：** 还在。
`;

const encode = (text: string) => new TextEncoder().encode(text);

describe('Extra banks (dojo.extraBanks)', () => {
  let api: DojoApi;
  let folder: vscode.Uri;
  let good: vscode.Uri;
  let broken: vscode.Uri;
  const folderName = `dojo-extra-banks-${Date.now()}`;
  const bundledCount = () => api.library.index.documents.filter((d) => !d.file.includes(folderName)).length;
  const has = (file: vscode.Uri) => api.library.index.documents.some((d) => d.file === file.fsPath);
  const diagnosticsOf = (file: vscode.Uri) => vscode.languages.getDiagnostics(file);
  const setExtraBanks = (value: string[] | undefined) =>
    vscode.workspace.getConfiguration('dojo').update('extraBanks', value, vscode.ConfigurationTarget.Global);

  before(async () => {
    api = await dojo();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the test workspace has a folder');
    folder = vscode.Uri.joinPath(root, folderName);
    good = vscode.Uri.joinPath(folder, 'dojo-test-bank.md');
    broken = vscode.Uri.joinPath(folder, 'dojo-broken-bank.md');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(good, encode(GOOD_BANK));
  });

  after(async () => {
    await setExtraBanks(undefined);
    await until(() => !has(good), 'the extra bank to go away');
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await vscode.commands.executeCommand('dojo.groupBy', 'domain');
  });

  it('indexes a bank folder named relative to the workspace and shows it in the tree', async () => {
    const questionsBefore = api.library.practiceItems.length;
    await setExtraBanks([folderName]);
    await until(() => has(good), 'the extra bank to load');
    assert.equal(bundledCount(), 5, 'the bundled banks stay');
    assert.equal(api.library.practiceItems.length, questionsBefore + 2);

    await vscode.commands.executeCommand('dojo.groupBy', 'bank');
    const group = (api.tree.provider.getChildren() as GroupNode[]).find((g) => g.id === `bank:${good.fsPath}`);
    assert.ok(group, 'the tree has a group for the bank');
    assert.equal(group.label, '测试用户题库');
    assert.deepEqual(
      group.children.map((child) => child.label),
      ['什么是独角兽退火算法XQZ？', '如何评估一个用户题库的质量？'],
    );
    assert.equal((await api.library.searchIndex()).search('XQZ')[0]?.title, '什么是独角兽退火算法XQZ？');
  });

  it('puts the problems of a malformed bank in the Problems panel, and keeps working', async () => {
    await vscode.workspace.fs.writeFile(broken, encode(BROKEN_BANK));
    await until(() => diagnosticsOf(broken).length > 0, 'diagnostics on the malformed bank');
    const [problem] = diagnosticsOf(broken);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(problem.range.start.line, 6);
    assert.equal(problem.source, 'Interview Dojo');
    assert.match(problem.message, /not closed/);
    assert.ok(has(good) && has(broken));
    assert.equal(bundledCount(), 5);
    assert.ok(api.library.practiceItems.some((q) => q.title === '后面的题目还在吗？'), 'the question after the repair is indexed');
  });

  it('marks a binary file as an error without failing', async () => {
    const binary = vscode.Uri.joinPath(folder, 'dojo-binary-bank.md');
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    await until(() => diagnosticsOf(binary).length > 0, 'diagnostics on the binary file');
    assert.equal(diagnosticsOf(binary)[0].severity, vscode.DiagnosticSeverity.Error);
    assert.ok(has(good));
    await vscode.workspace.fs.delete(binary);
    await until(() => diagnosticsOf(binary).length === 0, 'the binary file’s diagnostics to clear');
  });

  it('reloads when a bank file is edited', async () => {
    await vscode.workspace.fs.writeFile(good, encode(EDITED_BANK));
    await until(
      () => api.library.practiceItems.some((q) => q.title === '用户题库修改后会重新加载吗？'),
      'the edited bank to reload',
    );
  });

  it('reports a path it cannot read without losing the banks it can', async () => {
    await setExtraBanks([folderName, 'no/such/bank.md']);
    await until(() => api.library.unreadable.some((u) => u.entry === 'no/such/bank.md'), 'the unreadable path to be reported');
    assert.ok(has(good));
    assert.equal(bundledCount(), 5);
  });

  it('forgets the banks and their problems when the setting is cleared', async () => {
    await setExtraBanks([]);
    await until(() => !has(good) && !has(broken), 'the extra banks to go away');
    // The Problems panel and the notice follow the tree (the questions are shown first).
    await until(() => diagnosticsOf(broken).length === 0 && api.library.unreadable.length === 0, 'their problems to go away');
    assert.equal(bundledCount(), 5);
  });
});
