// Explanations of bank files ("Dojo: Explain How a Bank File Is Read") as read-only documents under `dojo-explain:`,
// kept up to date while the bank is edited, and the quick fix on Interview Dojo's diagnostics that opens one.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { QuestionLibrary } from '../context';
import type { ExplainedBank } from '../core/explainBankFile';
import { DIAGNOSTIC_SOURCE } from './bankDiagnostics';

const SCHEME = 'dojo-explain';
/** Its own language, so that explanations wrap their long lines (package.json `configurationDefaults`). */
const LANGUAGE = 'dojo-explanation';
/** An explanation follows typing in its bank once typing pauses this long (it is computed off the host's thread). */
const REFRESH_DELAY_MS = 300;

export class BankExplanations implements vscode.TextDocumentContentProvider, vscode.CodeActionProvider, vscode.Disposable {
  /** The text of each explanation document, by its URI. */
  private readonly texts = new Map<string, string>();
  /** The explanation document of each bank explained, by the bank's URI, while that document is open. */
  private readonly explained = new Map<string, vscode.Uri>();
  private readonly refreshes = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly library: Pick<QuestionLibrary, 'explain'>) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }], this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => this.bankEdited(document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.closed(document.uri)),
    ];
  }

  /**
   * Explains `bank` (an open editor's unsaved text, else the file) in a document beside the active editor, which then
   * follows edits of the bank. Rejects when the bank cannot be read.
   */
  async show(bank: vscode.Uri): Promise<ExplainedBank> {
    const explained = await this.explain(bank);
    const uri = explanationUri(bank);
    await this.setText(uri, explanationText(bank, explained));
    this.explained.set(bank.toString(), uri);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    const document = open ?? (await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), LANGUAGE));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    return explained;
  }

  /** Whether `uri` is one of these documents (not a bank to explain). */
  static isExplanation(uri: vscode.Uri): boolean {
    return uri.scheme === SCHEME;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Explain How Interview Dojo Read This File'), vscode.CodeActionKind.QuickFix);
    action.command = { command: CommandId.explainBank, title: action.title, arguments: [document.uri] };
    action.diagnostics = ours;
    return [action];
  }

  dispose(): void {
    for (const timer of this.refreshes.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private explain(bank: vscode.Uri): Promise<ExplainedBank> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === bank.toString());
    return this.library.explain(bank, open?.isDirty ? open.getText() : undefined);
  }

  private bankEdited(bank: vscode.Uri): void {
    const key = bank.toString();
    if (!this.explained.has(key)) return;
    clearTimeout(this.refreshes.get(key));
    this.refreshes.set(key, setTimeout(() => void this.refresh(bank), REFRESH_DELAY_MS));
  }

  private async refresh(bank: vscode.Uri): Promise<void> {
    this.refreshes.delete(bank.toString());
    let text: string;
    try {
      text = explanationText(bank, await this.explain(bank));
    } catch (error) {
      text = `${heading(bank)}\n\n${vscode.l10n.t('It cannot be read now: {0}', error instanceof Error ? error.message : String(error))}\n`;
    }
    const uri = this.explained.get(bank.toString());
    if (uri) await this.setText(uri, text);
  }

  /** Sets the text of an explanation document; resolves once an open one shows it. */
  private async setText(uri: vscode.Uri, text: string): Promise<void> {
    this.texts.set(uri.toString(), text);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    // An open document takes the new text a moment after the change event.
    const updated = open && open.getText() !== text ? textBecomes(open, text) : undefined;
    this.changed.fire(uri);
    await updated;
  }

  private closed(uri: vscode.Uri): void {
    if (!BankExplanations.isExplanation(uri)) return;
    this.texts.delete(uri.toString());
    for (const [bank, explanation] of this.explained) {
      if (explanation.toString() === uri.toString()) this.explained.delete(bank);
    }
  }
}

function heading(bank: vscode.Uri): string {
  return vscode.l10n.t('How Interview Dojo reads {0}: the lines of each part, then the problems found.', vscode.workspace.asRelativePath(bank));
}

function explanationText(bank: vscode.Uri, explained: ExplainedBank): string {
  return `${[heading(bank), '', ...explained.lines].join('\n')}\n`;
}

/** Resolves once `document` holds `text`, or after a few seconds in any case. */
function textBecomes(document: vscode.TextDocument, text: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, 5_000);
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && document.getText() === text) done();
    });
  });
}

/** One explanation document per bank, named after it. */
function explanationUri(bank: vscode.Uri): vscode.Uri {
  const name = bank.path.split('/').filter(Boolean).pop() ?? 'bank';
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}.explained.txt`, query: bank.toString() });
}
