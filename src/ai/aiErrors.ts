// What the user is told when an AI review fails: one clear message per cause.
import * as vscode from 'vscode';

/** The message for an error thrown while asking the language model (its own text is logged, not shown). */
export function aiErrorMessage(error: unknown): string {
  if (error instanceof vscode.LanguageModelError) {
    switch (error.code) {
      case vscode.LanguageModelError.NoPermissions().code:
        return vscode.l10n.t('Interview Dojo may not use the language model. Allow it when VS Code asks, or under the extension\'s language model access, and try again.');
      case vscode.LanguageModelError.Blocked().code:
        return vscode.l10n.t('The language model refused this request. Try again later.');
      case vscode.LanguageModelError.NotFound().code:
        return vscode.l10n.t('The language model is no longer available. Try again when a model is installed and signed in.');
    }
  }
  return vscode.l10n.t('The language model could not be reached. Check your network connection and try again.');
}

/** The message for a reply with no text. */
export function emptyReplyMessage(): string {
  return vscode.l10n.t('The language model sent an empty reply. Try again.');
}
