// Tells the user that stored progress could not be read and was set aside: logged every time, shown once per
// session (a second bad file in the same session is only logged), with a button that opens the file set aside.
import * as vscode from 'vscode';

export type ShowWarning = (message: string, ...items: string[]) => Thenable<string | undefined>;

export class CorruptFileNotice {
  private shown = false;

  constructor(
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly show: ShowWarning = (message, ...items) => vscode.window.showWarningMessage(message, ...items),
  ) {}

  /** `aside` is where the file is now; `what` says what was wrong with it (for the log). */
  report(aside: vscode.Uri, what: string): void {
    this.log.warn(`Stored progress could not be fully read (${what}); the file was set aside as ${aside.toString()}.`);
    if (this.shown) return;
    this.shown = true;
    const open = vscode.l10n.t('Open File');
    void Promise.resolve(
      this.show(
        vscode.l10n.t('Some stored progress could not be read and was set aside; everything valid in it is kept. File: {0}', aside.fsPath),
        open,
      ),
    ).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', aside);
    });
  }
}
