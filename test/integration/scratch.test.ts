import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import type { Question } from '../../src/core/model';
import { legacyScratchFileName, scratchFileName, scratchHeader, type ScratchNameInput } from '../../src/core/scratchName';
import { createScratchFiles, type ScratchFileManager } from '../../src/scratch/scratchFiles';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { dojo } from './helpers';

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

function referenceOf(question: Question, index = 0): string {
  return scratchHeader(question, question.code[index]!.lang) + question.code[index]!.source.replace(/\n?$/, '\n');
}

/** The tabs, in every editor group, that show the file. */
function tabsShowing(uri: vscode.Uri): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()),
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function closeEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('Scratch files', function () {
  let ctx: DojoContext;
  let scratch: ScratchFileManager;
  let folder: vscode.Uri;
  const asked: string[] = [];
  let answer = false;
  let withCode: Question[];

  before(async () => {
    ({ ctx } = await dojo());
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the harness opens a workspace folder');
    // A fresh workspace-relative folder per run: exercises the setting and keeps runs independent.
    const relative = `.dojo-scratch-${Date.now().toString(36)}`;
    await vscode.workspace.getConfiguration('dojo').update('scratchFolder', relative, vscode.ConfigurationTarget.Workspace);
    folder = vscode.Uri.joinPath(workspace.uri, relative);
    scratch = createScratchFiles({
      extension: ctx.extension,
      log: ctx.log,
      library: ctx.library,
      confirm: async (message) => {
        asked.push(message);
        return answer;
      },
    });
    withCode = ctx.library.practiceItems.filter((q) => q.code.length > 0);
    assert.ok(withCode.length >= 6);
  });

  after(async () => {
    scratch.dispose();
    await closeEditors();
    await vscode.workspace.getConfiguration('dojo').update('scratchFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  beforeEach(() => {
    asked.length = 0;
  });

  it('creates the reference code as an editable file with the right language in the scratch folder', async () => {
    const question = withCode.find((q) => q.code[0]!.lang === 'python')!;
    const editor = await scratch.openReference(question);
    assert.ok(editor);
    const uri = editor.document.uri;
    assert.equal(vscode.Uri.joinPath(uri, '..').toString(), folder.toString());
    assert.match(uri.path, /\/[^/]+--[^/]+--[0-9a-f]{8}\.py$/);
    assert.equal(editor.document.languageId, 'python');
    assert.equal(await readText(uri), referenceOf(question));
    assert.match(editor.document.lineAt(0).text, /^# Interview Dojo: /);
    assert.ok(editor.document.lineAt(1).text.endsWith(question.id));
    assert.equal(editor.viewColumn !== undefined, true);

    const edited = await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '# mine\n'));
    assert.ok(edited, 'the file is editable');
    await editor.document.save();
  });

  it('opens the user edited file again instead of overwriting it', async () => {
    const question = withCode[1]!;
    const first = (await scratch.openReference(question))!;
    const uri = first.document.uri;
    await first.edit((edit) => edit.insert(new vscode.Position(first.document.lineCount, 0), 'print("my own version")\n'));
    await first.document.save();
    const mine = `${referenceOf(question)}print("my own version")\n`;
    await closeEditors();

    const again = await scratch.openReference(question);
    assert.equal(again!.document.uri.toString(), uri.toString());
    assert.equal(again!.document.getText(), mine);
    assert.equal(await readText(uri), mine);
  });

  it('asks before resetting to the reference and keeps the file when the user declines', async () => {
    const question = withCode[2]!;
    const uri = (await scratch.openReference(question))!.document.uri;
    const mine = '# my rewrite\n';
    await writeText(uri, mine);

    answer = false;
    assert.equal(await scratch.resetToReference(question), false);
    assert.equal(asked.length, 1);
    assert.ok(asked[0]!.includes(uri.path.slice(uri.path.lastIndexOf('/') + 1)), asked[0]);
    assert.equal(await readText(uri), mine);

    answer = true;
    assert.equal(await scratch.resetToReference(question), true);
    assert.equal(asked.length, 2);
    assert.equal(await readText(uri), referenceOf(question));
  });

  it('resets an open editor with unsaved edits, after asking', async () => {
    const question = withCode[3]!;
    const editor = (await scratch.openReference(question))!;
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'unsaved = 1\n'));
    assert.equal(editor.document.isDirty, true);

    answer = true;
    assert.equal(await scratch.resetToReference(question), true);
    assert.equal(asked.length, 1);
    assert.equal(editor.document.getText(), referenceOf(question));
    assert.equal(editor.document.isDirty, false);
    assert.equal(await readText(editor.document.uri), referenceOf(question));
  });

  it('resets in the editor that shows the file instead of opening another copy beside it', async () => {
    const question = withCode[3]!;
    await closeEditors();
    await vscode.window.showTextDocument(vscode.Uri.joinPath(ctx.extension.extensionUri, 'README.md'), { viewColumn: vscode.ViewColumn.One });
    const editor = (await scratch.openReference(question))!;
    const uri = editor.document.uri;
    // As after clicking the "Reset to reference" CodeLens: the scratch file's own editor is active.
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'mine = 1\n'));
    const groupsBefore = vscode.window.tabGroups.all.length;
    assert.equal(tabsShowing(uri).length, 1);

    answer = true;
    assert.equal(await scratch.resetToReference(question), true);
    assert.equal(tabsShowing(uri).length, 1, 'one tab shows the file');
    assert.equal(vscode.window.tabGroups.all.length, groupsBefore, 'no editor group was added');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.viewColumn, editor.viewColumn);
  });

  it('finds a scratch file under its 0.1.0 name and keeps the user\'s work, renaming it to the current name', async () => {
    const question = withCode[4]!;
    const input: ScratchNameInput = {
      bankSlug: ctx.library.index.documents.find((d) => d.file === question.document)!.slug,
      title: question.title,
      questionId: question.id,
      lang: question.code[0]!.lang,
      codeIndex: 0,
    };
    const legacy = vscode.Uri.joinPath(folder, legacyScratchFileName(input));
    const current = vscode.Uri.joinPath(folder, scratchFileName(input));
    assert.notEqual(legacy.toString(), current.toString());
    const mine = `${referenceOf(question)}print("written with 0.1.0")\n`;
    await writeText(legacy, mine);

    const editor = await scratch.openReference(question);
    assert.equal(editor!.document.uri.toString(), current.toString());
    assert.equal(editor!.document.getText(), mine);
    assert.equal(await exists(legacy), false, 'moved, not copied');
  });

  it('opens an old-named scratch file in place while an editor has it open, never writing a fresh copy', async () => {
    const question = withCode[5]!;
    const input: ScratchNameInput = {
      bankSlug: ctx.library.index.documents.find((d) => d.file === question.document)!.slug,
      title: question.title,
      questionId: question.id,
      lang: question.code[0]!.lang,
      codeIndex: 0,
    };
    const legacy = vscode.Uri.joinPath(folder, legacyScratchFileName(input));
    const current = vscode.Uri.joinPath(folder, scratchFileName(input));
    await writeText(legacy, '# my 0.1.0 notes\n');
    const open = await vscode.window.showTextDocument(legacy);
    await open.edit((edit) => edit.insert(new vscode.Position(1, 0), 'unsaved = True\n'));

    const editor = await scratch.openReference(question);
    assert.equal(editor!.document.uri.toString(), legacy.toString());
    assert.equal(editor!.document.getText(), '# my 0.1.0 notes\nunsaved = True\n');
    assert.equal(await exists(current), false, 'no fresh copy beside it');
    await editor!.document.save();
  });

  it('does not ask when the file already holds the reference code', async () => {
    const question = withCode[0]!;
    await scratch.resetToReference(question);
    asked.length = 0;
    assert.equal(await scratch.resetToReference(question), true);
    assert.deepEqual(asked, []);
  });

  it('starts a blank scratch file for an exercise without reference code, and keeps it on reopen', async () => {
    const exercise = ctx.library.practiceItems.find((q) => !q.hasReference && q.code.length === 0);
    assert.ok(exercise, 'the bundled banks have exercises without a reference');
    const editor = await scratch.openBlank(exercise);
    const uri = editor!.document.uri;
    assert.match(uri.path, /-blank\.py$/);
    assert.equal(await readText(uri), scratchHeader(exercise, 'python'));
    await editor!.edit((edit) => edit.insert(new vscode.Position(editor!.document.lineCount, 0), 'def solve():\n    pass\n'));
    await editor!.document.save();
    await closeEditors();
    const again = await scratch.openBlank(exercise);
    assert.match(again!.document.getText(), /def solve/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const commands = new Set(lenses.map((l) => l.command?.command));
    assert.deepEqual([...commands], ['dojo.openQuestion'], 'a blank file has nothing to reset to');
  });

  it('refuses to open code a question does not have', async () => {
    const exercise = ctx.library.practiceItems.find((q) => q.code.length === 0)!;
    assert.equal(await scratch.openReference(exercise), undefined);
    assert.equal(await scratch.resetToReference(exercise), false);
  });

  it('shows an "Open question" CodeLens on the header that opens the question in the practice panel', async () => {
    const question = withCode[1]!;
    const uri = (await scratch.openReference(question))!.document.uri;
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const lens = lenses.find((l) => l.command?.command === 'dojo.openQuestion');
    assert.ok(lens?.command, 'an Open question lens');
    assert.deepEqual(lens.command.arguments, [question.id]);
    assert.equal(lens.range.start.line, 1);
    const reset = lenses.find((l) => l.command?.command === 'dojo.resetScratch');
    assert.deepEqual(reset?.command?.arguments, [question.id], 'a Reset to reference lens');

    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    assert.equal(ctx.practice.currentQuestionId, question.id);
    for (const panel of (ctx.practice as PracticeViewController).openPanels.slice()) panel.dispose();
  });

  it('defaults to a folder in the extension\'s global storage, with the CodeLens there too', async () => {
    const settings = vscode.workspace.getConfiguration('dojo');
    await settings.update('scratchFolder', undefined, vscode.ConfigurationTarget.Workspace);
    try {
      const question = withCode[0]!;
      const uri = (await scratch.openReference(question))!.document.uri;
      const storage = vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'scratch');
      assert.equal(vscode.Uri.joinPath(uri, '..').toString(), storage.toString());
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.ok(lenses.some((l) => l.command?.command === 'dojo.openQuestion'), 'an Open question lens');
    } finally {
      await settings.update('scratchFolder', folder.path.slice(folder.path.lastIndexOf('/') + 1), vscode.ConfigurationTarget.Workspace);
    }
  });

  it('opens the reference code and a blank file from the practice panel buttons', async () => {
    const view = ctx.practice as PracticeViewController;
    const question = withCode.find((q) => q.hasReference)!;
    await view.show(question.id);
    const opened = new Promise<vscode.TextEditor | undefined>((resolve) => {
      const subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
        subscription.dispose();
        resolve(editor);
      });
    });
    await view.openPanels[0]!.receive({ type: 'openCode', questionId: question.id });
    const editor = await opened;
    assert.ok(editor, 'an editor opened');
    assert.ok(editor.document.getText().includes(question.code[0]!.source.trim()));
    assert.notEqual(editor.viewColumn, view.openPanels[0]!.panel.viewColumn, 'beside the panel');

    const exercise = ctx.library.practiceItems.find((q) => q.code.length === 0)!;
    await view.show(exercise.id);
    await view.openPanels[0]!.receive({ type: 'openBlank', questionId: exercise.id });
    assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /-blank\.py$/);
    for (const panel of view.openPanels.slice()) panel.dispose();
  });
});
