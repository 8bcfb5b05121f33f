// Explanations of bank files ("Dojo: Explain How a Bank File Is Read") as read-only documents under `dojo-explain:`,
// and the quick fix on Interview Dojo's diagnostics that opens one for the file.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { DIAGNOSTIC_SOURCE } from './bankDiagnostics';

const SCHEME = 'dojo-explain';

export class BankExplanations implements vscode.TextDocumentContentProvider, vscode.CodeActionProvider, vscode.Disposable {
  /** The text of each explanation document open, by its URI. */
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }], this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.texts.delete(document.uri.toString())),
    ];
  }

  /** Shows `text` as the explanation of `bank` beside the active editor; a newer one replaces what it showed. */
  async show(bank: vscode.Uri, text: string): Promise<vscode.TextEditor> {
    const uri = explanationUri(bank);
    this.texts.set(uri.toString(), text);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    // An open document takes the new text a moment after the change event: shown once it has.
    const updated = open && open.getText() !== text ? textBecomes(open, text) : undefined;
    this.changed.fire(uri);
    await updated;
    const document = open ?? (await vscode.workspace.openTextDocument(uri));
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
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
    for (const disposable of this.disposables) disposable.dispose();
  }
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
