// Where scratch files live: `dojo.scratchFolder` (absolute, or relative to the first workspace folder), else the
// extension's global storage. Only URIs, so it works in remote and web hosts alike.
import * as vscode from 'vscode';
import { scratchFolder } from '../config';
import { isAbsolutePath } from '../core/paths';

export function scratchFolderUri(extension: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Uri {
  const fallback = vscode.Uri.joinPath(extension.globalStorageUri, 'scratch');
  const setting = scratchFolder();
  if (setting === '') return fallback;
  if (isAbsolutePath(setting)) return vscode.Uri.file(setting);
  const workspace = vscode.workspace.workspaceFolders?.[0];
  if (workspace && !setting.startsWith('~')) return vscode.Uri.joinPath(workspace.uri, setting);
  log.warn(
    `dojo.scratchFolder "${setting}" needs an absolute path${workspace ? '' : ' or an open workspace folder'}; ` +
      `using ${fallback.toString()}.`,
  );
  return fallback;
}
