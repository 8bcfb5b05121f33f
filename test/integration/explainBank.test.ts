import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplainedBank } from '../../src/core/explainBankFile';
import type { DojoApi } from '../../src/extension';
import { dojo, setExtraBanks, until, workspaceFolder } from './helpers';

const PROSE = `# Reading notes

Nothing here is a question yet.
`;

const explain = (arg?: vscode.Uri) => vscode.commands.executeCommand<ExplainedBank | undefined>('dojo.explainBank', arg);
/** The explanation document shown beside (the editor keeps the focus). */
const shownDocument = () => vscode.window.visibleTextEditors.find((editor) => editor.document.uri.scheme === 'dojo-explain')?.document;
const shownText = () => shownDocument()?.getText() ?? '';

describe('Explain How a Bank File Is Read (dojo.explainBank)', function () {
  let api: DojoApi;
  const folder = () => workspaceFolder(`dojo-explain-${process.pid}`);
  const notes = () => vscode.Uri.joinPath(folder(), 'notes.md');

  // The browser's workbench saves edits after a second by default: the test needs an edit to stay unsaved.
  const setAutoSave = (value: string | undefined) => vscode.workspace.getConfiguration('files').update('autoSave', value, vscode.ConfigurationTarget.Global);

  before(async () => {
    api = await dojo();
    await setAutoSave('off');
    await vscode.workspace.fs.createDirectory(folder());
    await vscode.workspace.fs.writeFile(notes(), new TextEncoder().encode(PROSE));
  });

  after(async () => {
    await setAutoSave(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await setExtraBanks(undefined);
    await api.library.reload();
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it('shows how a file was read and its problems in a read-only document beside', async () => {
    const explained = await explain(notes());
    assert.ok(explained);
    assert.match(explained.lines.join('\n'), /^3 +prose \(not part of a question\)$/m);
    assert.ok(explained.diagnostics.some((d) => d.message.startsWith('No questions found.')));
    const shown = shownDocument();
    assert.equal(shown?.uri.path, '/notes.md.explained.txt');
    assert.equal(shown?.languageId, 'dojo-explanation');
    assert.equal(shownText(), `How Interview Dojo reads ${vscode.workspace.asRelativePath(notes())}: the lines of each part, then the problems found.\n\n${explained.lines.join('\n')}\n`);
  });

  it("explains the active editor's unsaved text, keeps the focus there, follows its edits, and leaves the file alone", async () => {
    const document = await vscode.workspace.openTextDocument(notes());
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(3, 0), '\n### What changed before saving?\n\n**Answer:** A question.\n'));
    assert.ok(document.isDirty);
    const explained = await explain();
    assert.ok(explained);
    assert.match(explained.lines.join('\n'), /question "What changed before saving\?"/);
    assert.match(shownText(), /What changed before saving\?/, 'the newer explanation replaced the older one');
    assert.equal(vscode.window.activeTextEditor?.document, document, 'the bank keeps the focus');

    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount, 0), '\n### And while typing?\n\n**Answer:** It follows.\n'));
    await until(() => shownText().includes('question "And while typing?"'), 'the explanation to follow the edit', 10_000);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(notes())), PROSE);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("offers the explanation as a quick fix on Interview Dojo's problems in a bank", async () => {
    await setExtraBanks([notes().fsPath]);
    await until(() => vscode.languages.getDiagnostics(notes()).length > 0, 'the no-questions warning');
    const document = await vscode.workspace.openTextDocument(notes());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', notes(), new vscode.Range(0, 0, 0, 1));
    const ours = actions.filter((action) => action.title === 'Explain How Interview Dojo Read This File');
    assert.equal(ours.length, 1, `the actions offered: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(ours[0].command?.command, 'dojo.explainBank');
    assert.deepEqual(ours[0].command?.arguments?.map(String), [document.uri.toString()]);

    await setExtraBanks(undefined);
    await until(() => vscode.languages.getDiagnostics(notes()).length === 0, 'the warning to go with the bank');
    const elsewhere = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', notes(), new vscode.Range(0, 0, 0, 1));
    assert.deepEqual(elsewhere.filter((action) => action.title === ours[0].title), [], 'none once Interview Dojo reports nothing');
  });

  it('says when a file cannot be read, and shows nothing', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await explain(vscode.Uri.joinPath(folder(), 'missing.md')), undefined);
    assert.equal(shownDocument(), undefined);
  });
});
