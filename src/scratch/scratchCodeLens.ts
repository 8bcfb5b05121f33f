// "Open question" (and "Reset to reference" on copies of reference code) above the header of a scratch file, for
// files in the scratch folder whose header names a question the library knows.
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { QuestionLibrary } from '../context';
import { findScratchQuestion, isBlankScratchName } from '../core/scratchName';

/** The header is at the top; reading a few lines is enough and keeps large files cheap. */
const HEADER_LINES = 5;

export class ScratchCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly library: QuestionLibrary) {
    // A lens appears only for a question the library has, so it can change when the banks reload.
    this.subscription = library.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const found = findScratchQuestion(document.getText(new vscode.Range(0, 0, HEADER_LINES, 0)));
    const question = found && this.library.get(found.id);
    if (!found || !question) return [];
    const range = new vscode.Range(found.line, 0, found.line, 0);
    const lenses = [
      new vscode.CodeLens(range, {
        title: vscode.l10n.t('Open question'),
        tooltip: vscode.l10n.t('Show this question in the practice panel'),
        command: CommandId.openQuestion,
        arguments: [found.id],
      }),
    ];
    const fileName = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    if (question.code.length > 0 && !isBlankScratchName(fileName)) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: vscode.l10n.t('Reset to reference'),
          tooltip: vscode.l10n.t('Replace this file with the reference code (asks first)'),
          command: CommandId.resetScratch,
          arguments: [found.id],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
