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

/**
 * How a bank the user picked is written into `dojo.extraBanks`: relative to `root` (the first workspace folder, for
 * workspace settings) when it lies inside it, else an absolute path, or the URI where there is no file path (the web).
 * `resolveBankLocation` reads every form back to `uri`.
 */
export function bankEntryFor(uri: vscode.Uri, root: vscode.Uri | undefined): string {
  if (root && isWithinBank(uri, root)) {
    const base = withoutTrailingSlash(root.path);
    return uri.path === base ? '.' : uri.path.slice(base.length + 1);
  }
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}

/** Whether `uri` is `bank` or a file inside the folder `bank`. */
export function isWithinBank(uri: vscode.Uri, bank: vscode.Uri): boolean {
  if (uri.scheme !== bank.scheme || uri.authority !== bank.authority) return false;
  const base = withoutTrailingSlash(bank.path);
  return uri.path === base || uri.path.startsWith(`${base}/`);
}

function withoutTrailingSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

export function bundledContentUri(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'content');
}

/** The label a bank file is indexed under: its file-system path when it has one, else the URI. */
export function bankFileLabel(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
