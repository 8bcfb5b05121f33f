import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { addBank } from '../../src/commands/bankCommands';
import type { CommandDeps, OfferSeverity } from '../../src/commands/commandDeps';
import type { DojoApi } from '../../src/extension';
import { closeAll, dojo, setExtraBanks, until, workspaceFolder } from './helpers';

const BANK = `# Added from the dialog

### What does an added bank add?

**Answer:** Its questions, indexed like any other bank.

### How are added banks written into the settings?

**Answer:** As absolute paths in User settings, relative ones in workspace settings.
`;

const PROSE = `# Notes

Nothing here is a question: a paragraph of notes, and another one.
`;

interface Offered {
  severity: OfferSeverity;
  message: string;
  actions: readonly string[];
}

describe('Add Question Bank (dojo.addBank)', function () {
  let api: DojoApi;
  const folderName = `dojo-add-bank-${Date.now()}`;
  const folder = () => workspaceFolder(folderName);
  const bank = () => vscode.Uri.joinPath(folder(), 'added-bank.md');
  const prose = () => vscode.Uri.joinPath(folder(), 'notes.md');
  const titles = ['What does an added bank add?', 'How are added banks written into the settings?'];
  const loadedTitles = () => api.library.practiceItems.filter((q) => titles.includes(q.title)).map((q) => q.title);
  const inspect = () => vscode.workspace.getConfiguration('dojo').inspect<string[]>('extraBanks');
  const setWorkspaceBanks = (value: string[] | undefined) =>
    vscode.workspace.getConfiguration('dojo').update('extraBanks', value, vscode.ConfigurationTarget.Workspace);

  /** The command's handler with notifications observed, answering each with `choose`. */
  function handler(offered: Offered[], choose: (offer: Offered) => string | undefined = () => undefined) {
    const deps: CommandDeps = {
      ...api.deps,
      offer: (severity, message, actions) => {
        const offer = { severity, message, actions };
        offered.push(offer);
        return Promise.resolve(choose(offer));
      },
    };
    return addBank(deps);
  }

  before(async () => {
    api = await dojo();
    await vscode.workspace.fs.createDirectory(folder());
    await vscode.workspace.fs.writeFile(bank(), new TextEncoder().encode(BANK));
    await vscode.workspace.fs.writeFile(prose(), new TextEncoder().encode(PROSE));
  });

  afterEach(async () => {
    closeAll(api.practice);
    await setWorkspaceBanks(undefined);
    await setExtraBanks(undefined);
    await api.library.reload();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(folder(), { recursive: true });
  });

  it('writes a bank into User settings as an absolute path, indexes it, says how many questions it holds and opens the first', async () => {
    const offered: Offered[] = [];
    const added = await handler(offered, (offer) => offer.actions[0])(bank());
    assert.deepEqual(added, { entries: [bank().fsPath], questions: 2 });
    assert.deepEqual(inspect()?.globalValue, [bank().fsPath]);
    assert.deepEqual(loadedTitles(), titles, 'indexed once the command resolves');
    assert.deepEqual(offered, [{ severity: 'info', message: 'Added added-bank.md to Interview Dojo: 2 questions.', actions: ['Practise Now'] }]);
    const first = api.library.practiceItems.find((q) => q.title === titles[0]);
    await until(() => api.practice.currentQuestionId === first?.id, 'Practise Now to show the first added question');
  });

  it('does not list a bank twice, and says it is already there', async () => {
    await setExtraBanks([bank().fsPath]);
    await until(() => loadedTitles().length === 2, 'the bank to load');
    const offered: Offered[] = [];
    const added = await handler(offered)(bank());
    assert.deepEqual(added, { entries: [], questions: 2 });
    assert.deepEqual(inspect()?.globalValue, [bank().fsPath]);
    assert.equal(offered[0]?.message, 'added-bank.md is already in Interview Dojo: 2 questions.');
  });

  it('counts a bank inside a folder already listed as already there, and indexes a file two entries reach once', async () => {
    await setExtraBanks([folder().fsPath]);
    await until(() => loadedTitles().length === 2, 'the folder to load');
    const offered: Offered[] = [];
    assert.deepEqual(await handler(offered)(bank()), { entries: [], questions: 2 });
    assert.equal(offered[0]?.message, 'added-bank.md is already in Interview Dojo: 2 questions.');

    await setExtraBanks([folder().fsPath, bank().fsPath]);
    await api.library.reload();
    assert.deepEqual(loadedTitles(), titles, 'each question once');
    assert.equal(api.library.index.documents.filter((d) => d.file === bank().fsPath).length, 1);
  });

  it('adds to the workspace settings, relative to the folder, when the workspace lists extra banks', async () => {
    await setExtraBanks(['/a/user/bank.md']);
    await setWorkspaceBanks([]);
    const added = await handler([])(folder());
    assert.deepEqual(added, { entries: [folderName], questions: 2 });
    assert.deepEqual(inspect()?.workspaceValue, [folderName]);
    assert.deepEqual(inspect()?.globalValue, ['/a/user/bank.md'], 'User settings untouched');
  });

  it('warns when a bank gives no questions, and offers the Problems panel and the bank format', async () => {
    const offered: Offered[] = [];
    const added = await handler(offered, (offer) => offer.actions[1])(prose());
    assert.deepEqual(added, { entries: [prose().fsPath], questions: 0 });
    assert.deepEqual(offered, [
      {
        severity: 'warning',
        message: 'Interview Dojo found no questions in notes.md. The Problems panel says what it read there.',
        actions: ['Show Problems', 'Bank Format'],
      },
    ]);
    const diagnostics = vscode.languages.getDiagnostics(prose());
    assert.ok(diagnostics.some((d) => d.message.startsWith('No questions found.')), 'the Problems panel has the reason');
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
    await until(() => tabLabels().some((label) => label.includes('bank-format.md')), 'Bank Format to open the format document');
  });

  it('takes the Explorer selection as the banks to add, through the registered command', async () => {
    const added = (await vscode.commands.executeCommand('dojo.addToBanks', bank(), [bank(), prose()])) as unknown;
    assert.deepEqual(added, { entries: [bank().fsPath, prose().fsPath], questions: 2 });
    assert.deepEqual(loadedTitles(), titles);
  });
});
