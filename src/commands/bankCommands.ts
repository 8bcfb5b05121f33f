// The user's own banks. "Dojo: Add Question Bank...": added to `dojo.extraBanks` from a file dialog or the Explorer's
// context menu, then indexed; the user is told how many questions they gave, or where to look when none. "Dojo:
// Explain How a Bank File Is Read": what `dojo lint --explain` prints, in a document beside.
import * as vscode from 'vscode';
import * as config from '../config';
import { BankExplanations } from '../banks/bankExplanations';
import { bankEntryFor, bankFileLabel, isWithinBank, resolveBankLocation } from '../banks/bankLocations';
import type { ExplainedBank } from '../core/explainBankFile';
import { offer, showQuestion, treeOrder, type CommandDeps } from './commandDeps';

/** What an Add Question Bank run did: the entries written to the setting, and the questions the chosen banks hold. */
export interface AddedBanks {
  entries: string[];
  questions: number;
}

const BANK_EXTENSIONS = ['md', 'markdown', 'txt'];

/**
 * Adds the banks given (the Explorer passes the clicked resource and the selection) or chosen in a file dialog.
 * Resolves once they are indexed; undefined when nothing was chosen.
 */
export const addBank = (deps: CommandDeps) => async (clicked?: unknown, selection?: unknown): Promise<AddedBanks | undefined> => {
  const chosen = urisOf(clicked, selection) ?? (await chooseBanks());
  if (!chosen || chosen.length === 0) return undefined;
  const folders = vscode.workspace.workspaceFolders;
  const listed = config.extraBanks().flatMap((entry) => resolveBankLocation(entry, folders).uri ?? []);
  // A bank inside a folder already listed is indexed already.
  const fresh = chosen.filter((uri) => !listed.some((location) => isWithinBank(uri, location)));
  const target = config.extraBanksTarget();
  // User settings hold absolute paths: a relative one would follow whichever folder a window opens.
  const root = target === vscode.ConfigurationTarget.Global ? undefined : folders?.[0]?.uri;
  const entries = fresh.map((uri) => bankEntryFor(uri, root));
  const { library } = deps.ctx;
  if (entries.length > 0) {
    await config.addExtraBanks(entries, target);
    await library.reload();
  }
  const questions = treeOrder(deps).filter((question) => {
    const file = library.userBankFileUri(question.document);
    return file !== undefined && chosen.some((bank) => isWithinBank(file, bank));
  });
  report(deps, chosen, entries.length > 0, questions.length, questions[0]?.id);
  return { entries, questions: questions.length };
};

/** The Explorer's selection, or the one resource clicked; undefined when the command was not run on resources. */
function urisOf(clicked: unknown, selection: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(selection) && selection.length > 0 && selection.every((item) => item instanceof vscode.Uri)) return selection;
  return clicked instanceof vscode.Uri ? [clicked] : undefined;
}

/**
 * Asks for bank files or one folder of banks. Two steps, because the Windows and Linux dialogs cannot offer files and
 * folders at once.
 */
async function chooseBanks(): Promise<vscode.Uri[] | undefined> {
  const files = { label: `$(file) ${vscode.l10n.t('Bank Files...')}`, description: vscode.l10n.t('Markdown files of questions and answers'), folders: false };
  const folder = { label: `$(folder) ${vscode.l10n.t('A Folder of Banks...')}`, description: vscode.l10n.t('Every markdown file in it and its sub-folders'), folders: true };
  const kind = await vscode.window.showQuickPick([files, folder], {
    title: vscode.l10n.t('Add Question Bank'),
    placeHolder: vscode.l10n.t('Add bank files, or a folder of them?'),
  });
  if (!kind) return undefined;
  return vscode.window.showOpenDialog({
    canSelectFiles: !kind.folders,
    canSelectFolders: kind.folders,
    canSelectMany: !kind.folders,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Add to Interview Dojo'),
    title: vscode.l10n.t('Add Question Bank'),
    filters: kind.folders ? undefined : { [vscode.l10n.t('Question banks')]: BANK_EXTENSIONS },
  });
}

/** Says what the banks gave, with the next step: practise the first question, or find out why there was none. */
function report(deps: CommandDeps, banks: readonly vscode.Uri[], added: boolean, questions: number, first: string | undefined): void {
  const names = banks.map((uri) => uri.path.split('/').filter(Boolean).pop() ?? uri.toString()).join(', ');
  if (questions > 0 && first !== undefined) {
    const practise = vscode.l10n.t('Practise Now');
    const message = added
      ? vscode.l10n.t('Added {0} to Interview Dojo: {1} questions.', names, questions)
      : vscode.l10n.t('{0} is already in Interview Dojo: {1} questions.', names, questions);
    void offer(deps, 'info', message, [practise]).then(async (choice) => {
      if (choice === practise) await showQuestion(deps, first);
    });
    return;
  }
  const problems = vscode.l10n.t('Show Problems');
  const format = vscode.l10n.t('Bank Format');
  void offer(deps, 'warning', vscode.l10n.t('Interview Dojo found no questions in {0}. The Problems panel says what it read there.', names), [problems, format]).then(
    async (choice) => {
      if (choice === problems) await vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === format) await vscode.commands.executeCommand('markdown.showPreview', bankFormatDoc(deps));
    },
  );
}

/** docs/bank-format.md in the extension, in Chinese for a Chinese display language. */
function bankFormatDoc(deps: CommandDeps): vscode.Uri {
  const name = vscode.env.language.toLowerCase().startsWith('zh') ? 'bank-format.zh-CN.md' : 'bank-format.md';
  return vscode.Uri.joinPath(deps.ctx.extension.extensionUri, 'docs', name);
}

/**
 * Shows how a bank file is read, part by part, then its problems, in a document beside that follows edits of the bank:
 * the file given (the Explorer, the quick fix), else the active editor's bank, else one chosen among the user's banks.
 */
export const explainBank = (deps: CommandDeps) => async (arg?: unknown): Promise<ExplainedBank | undefined> => {
  const bank = arg instanceof vscode.Uri ? arg : await bankToExplain(deps);
  if (!bank) return undefined;
  try {
    return await deps.explanations.show(bank);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Interview Dojo cannot explain {0}: {1}', bankFileLabel(bank), reason));
    return undefined;
  }
};

/** The active editor's markdown or text file, or a bank the user picks (a loaded one, or any file). */
async function bankToExplain(deps: CommandDeps): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (active && !BankExplanations.isExplanation(active.uri) && ['markdown', 'plaintext'].includes(active.languageId)) return active.uri;
  const { library } = deps.ctx;
  const loaded = library.index.documents.flatMap((document) => {
    const uri = library.userBankFileUri(document.file);
    return uri ? [{ label: document.title, description: vscode.workspace.asRelativePath(uri), uri }] : [];
  });
  const other = { label: `$(file) ${vscode.l10n.t('Another File...')}`, description: '', uri: undefined };
  const picked = await vscode.window.showQuickPick([...loaded, other], {
    title: vscode.l10n.t('Explain How a Bank File Is Read'),
    placeHolder: vscode.l10n.t('Which bank file?'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Explain'),
    filters: { [vscode.l10n.t('Question banks')]: BANK_EXTENSIONS },
  });
  return chosen?.[0];
}
