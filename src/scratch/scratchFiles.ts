// Reference code as real, editable files beside the practice panel. A file is created once and then belongs to the
// user: opening it again shows their version; only "Reset to reference" overwrites it, after asking.
import * as vscode from 'vscode';
import { affects, openSettingsFor } from '../config';
import type { QuestionLibrary, ScratchFiles } from '../context';
import type { Question } from '../core/model';
import { legacyScratchFileName, scratchFileName, scratchHeader, type ScratchNameInput } from '../core/scratchName';
import { ScratchCodeLensProvider } from './scratchCodeLens';
import { scratchFolderUri } from './scratchFolder';

/** Blank files are for writing one's own solution; the banks' code is Python, so that is the default. */
const BLANK_LANGUAGE = 'python';

export interface ScratchDeps {
  extension: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  library: QuestionLibrary;
  /** Asks whether to overwrite the user's file; a modal warning unless a test injects an answer. */
  confirm?: (message: string, action: string) => Thenable<boolean>;
}

export function createScratchFiles(deps: ScratchDeps): ScratchFileManager {
  return new ScratchFileManager(deps);
}

export class ScratchFileManager implements ScratchFiles, vscode.Disposable {
  private readonly codeLenses: ScratchCodeLensProvider;
  private codeLensRegistration: vscode.Disposable | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly confirm: (message: string, action: string) => Thenable<boolean>;

  constructor(private readonly deps: ScratchDeps) {
    this.confirm = deps.confirm ?? confirmModal;
    this.codeLenses = new ScratchCodeLensProvider(deps.library);
    this.registerCodeLenses();
    this.disposables.push(
      this.codeLenses,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affects(event, 'scratchFolder')) this.registerCodeLenses();
      }),
    );
  }

  /** The scratch folder as configured now. */
  get folder(): vscode.Uri {
    return scratchFolderUri(this.deps.extension, this.deps.log);
  }

  /**
   * The file for a code block (or the blank file) of a question: its current name, or the name version 0.1.0 gave it
   * when only that file exists. Such a file is renamed to the current name (never over an existing file) unless an
   * editor has it open; the user's work is never replaced by a fresh copy.
   */
  async fileFor(question: Question, codeIndex: number | 'blank'): Promise<vscode.Uri> {
    const input = this.nameInput(question, codeIndex);
    const uri = vscode.Uri.joinPath(this.folder, scratchFileName(input));
    if (await exists(uri)) return uri;
    const legacy = vscode.Uri.joinPath(this.folder, legacyScratchFileName(input));
    if (legacy.toString() === uri.toString() || !(await exists(legacy))) return uri;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === legacy.toString())) return legacy;
    try {
      await vscode.workspace.fs.rename(legacy, uri, { overwrite: false });
      this.deps.log.info(`Scratch files: renamed ${legacy.toString()} to ${uri.toString()}.`);
      return uri;
    } catch (error) {
      this.deps.log.warn(`Scratch files: kept ${legacy.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return legacy;
    }
  }

  async openReference(question: Question, codeIndex = 0): Promise<vscode.TextEditor | undefined> {
    const reference = this.referenceText(question, codeIndex);
    if (reference === undefined) return undefined;
    const uri = await this.fileFor(question, codeIndex);
    return this.guard(uri, async () => {
      if (!(await exists(uri))) await this.write(uri, reference);
      return this.open(uri);
    });
  }

  async openBlank(question: Question): Promise<vscode.TextEditor | undefined> {
    const uri = await this.fileFor(question, 'blank');
    return this.guard(uri, async () => {
      if (!(await exists(uri))) await this.write(uri, scratchHeader(question, BLANK_LANGUAGE));
      return this.open(uri);
    });
  }

  async resetToReference(question: Question, codeIndex = 0): Promise<boolean> {
    const reference = this.referenceText(question, codeIndex);
    if (reference === undefined) return false;
    const uri = await this.fileFor(question, codeIndex);
    const done = await this.guard(uri, async () => {
      const current = await this.currentText(uri);
      if (current !== undefined && current !== reference) {
        const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
        const ok = await this.confirm(
          vscode.l10n.t('Replace your version of {0} with the reference code? Your changes will be lost.', name),
          vscode.l10n.t('Reset'),
        );
        if (!ok) return false;
      }
      if (current !== reference) await this.replace(uri, reference);
      await this.open(uri);
      return true;
    });
    return done === true;
  }

  dispose(): void {
    this.codeLensRegistration?.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private registerCodeLenses(): void {
    this.codeLensRegistration?.dispose();
    const pattern = new vscode.RelativePattern(this.folder, '*');
    this.codeLensRegistration = vscode.languages.registerCodeLensProvider({ pattern }, this.codeLenses);
  }

  private referenceText(question: Question, codeIndex: number): string | undefined {
    const block = question.code[codeIndex];
    if (!block) {
      this.deps.log.warn(`Scratch files: ${question.id} has no code block ${codeIndex}.`);
      return undefined;
    }
    const source = block.source.endsWith('\n') ? block.source : `${block.source}\n`;
    return scratchHeader(question, block.lang) + source;
  }

  private nameInput(question: Question, codeIndex: number | 'blank'): ScratchNameInput {
    const blank = codeIndex === 'blank';
    return {
      bankSlug: this.bankSlug(question),
      title: question.title,
      questionId: question.id,
      lang: blank ? BLANK_LANGUAGE : (question.code[codeIndex]?.lang ?? ''),
      codeIndex: blank ? undefined : codeIndex,
      blank,
    };
  }

  private bankSlug(question: Question): string {
    const document = this.deps.library.index.documents.find((d) => d.file === question.document);
    return document?.slug ?? question.id.split('/')[0] ?? '';
  }

  /** The file's text as the user has it: unsaved edits in an open editor, else the file on disk (newer than a clean
   * editor that has not reloaded yet). */
  private async currentText(uri: vscode.Uri): Promise<string | undefined> {
    const open = this.dirtyDocument(uri);
    if (open) return open.getText();
    if (!(await exists(uri))) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }

  private async write(uri: vscode.Uri, text: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    this.deps.log.info(`Scratch files: wrote ${uri.toString()}.`);
  }

  private dirtyDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.toString() === uri.toString());
  }

  /** Overwrites through an editor with unsaved edits, so it does not end up in conflict with the file on disk. */
  private async replace(uri: vscode.Uri, text: string): Promise<void> {
    const open = this.dirtyDocument(uri);
    if (!open) {
      await this.write(uri, text);
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
    await open.save();
    this.deps.log.info(`Scratch files: reset ${uri.toString()} to the reference code.`);
  }

  /** Shows the file in the editor group that already has it (the active group first), else beside the active one. */
  private open(uri: vscode.Uri): Thenable<vscode.TextEditor> {
    const groups = vscode.window.tabGroups;
    const holds = (group: vscode.TabGroup) =>
      group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    const group = holds(groups.activeTabGroup) ? groups.activeTabGroup : groups.all.find(holds);
    return vscode.window.showTextDocument(uri, { viewColumn: group?.viewColumn ?? vscode.ViewColumn.Beside, preview: false });
  }

  /** File system failures (an unwritable scratch folder, say) become one message with a way to fix the setting. */
  private async guard<T>(uri: vscode.Uri, action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Scratch files: ${uri.toString()}: ${reason}`);
      const openSettings = vscode.l10n.t('Open Settings');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('Could not open the scratch file {0}: {1}', uri.fsPath, reason), openSettings)
        .then((picked) => {
          if (picked === openSettings) void openSettingsFor('scratchFolder');
        });
      return undefined;
    }
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function confirmModal(message: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true }, action)) === action;
}
