// The one notification for extra bank paths that cannot be read, with a way to fix the setting.
import * as vscode from 'vscode';
import { openSettingsFor } from '../config';
import type { UnreadableBank } from './questionLibrary';

export function showUnreadableBanks(unreadable: readonly UnreadableBank[]): void {
  const list = unreadable.map((u) => `${u.entry} (${u.reason})`).join('; ');
  const openSettings = vscode.l10n.t('Open Settings');
  void vscode.window
    .showErrorMessage(vscode.l10n.t('Interview Dojo cannot read these extra banks: {0}', list), openSettings)
    .then((choice) => {
      if (choice === openSettings) void openSettingsFor('extraBanks');
    });
}
