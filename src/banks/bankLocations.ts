// Where the banks are: the bundled content folder and the `dojo.extraBanks` entries resolved to URIs.
import * as vscode from 'vscode';
import { isAbsolutePath } from '../core/paths';

/** A `dojo.extraBanks` entry as the user wrote it, and where it points (undefined when it cannot be resolved). */
export interface BankLocation {
  entry: string;
  uri: vscode.Uri | undefined;
}

const URI_WITH_SCHEME = /^[a-z][a-z0-9+.-]+:\/\//i;
const WORKSPACE_FOLDER = /^\$\{workspaceFolder\}/;

/**
 * Resolves one entry: a URI (`vscode-vfs://…`), an absolute path, or a path relative to the first workspace folder
 * (`${workspaceFolder}` may be written explicitly).
 */
export function resolveBankLocation(entry: string, folders: readonly vscode.WorkspaceFolder[] | undefined): BankLocation {
  const path = entry.trim();
  if (URI_WITH_SCHEME.test(path)) return { entry, uri: vscode.Uri.parse(path) };
  if (isAbsolutePath(path)) return { entry, uri: vscode.Uri.file(path) };
  const root = folders?.[0]?.uri;
  if (!root) return { entry, uri: undefined };
  const segments = path.replace(WORKSPACE_FOLDER, '').split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  return { entry, uri: segments.length === 0 ? root : vscode.Uri.joinPath(root, ...segments) };
}

export function bundledContentUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'content');
}

/** The label a bank file is indexed under: its file-system path when it has one, else the URI. */
export function bankFileLabel(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
