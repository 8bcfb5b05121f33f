// Reads bank files (bytes) through vscode.workspace.fs, so it works for remote and virtual file systems alike.
import * as vscode from 'vscode';
import type { BankSource } from '../core/indexer';
import { bankFileLabel } from './bankLocations';

/** The file names a folder contributes as banks (what the CLI reads too). */
export const BANK_FILE_PATTERN = '**/*.{md,markdown,txt}';
const BANK_FILE = /\.(md|markdown|txt)$/i;

/** A bank source with the URI it came from, so diagnostics can be put on the file. */
export interface ReadBank extends BankSource {
  uri: vscode.Uri;
}

export interface ReadResult {
  banks: ReadBank[];
  /** Entries that could not be read, with the reason. */
  unreadable: { entry: string; reason: string }[];
  /** Whether the location is a folder (false when it is a file or does not exist). */
  isFolder: boolean;
}

/** Reads a bank file, or every bank file under a folder (sorted by path; hidden folders skipped). */
export async function readBanksAt(uri: vscode.Uri, entry: string): Promise<ReadResult> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    const isFolder = (stat.type & vscode.FileType.Directory) !== 0;
    const files = isFolder ? await bankFilesUnder(uri) : [uri];
    const banks: ReadBank[] = [];
    const unreadable: ReadResult['unreadable'] = [];
    for (const file of files) {
      try {
        banks.push({ uri: file, file: bankFileLabel(file), bytes: await vscode.workspace.fs.readFile(file) });
      } catch (error) {
        unreadable.push({ entry: bankFileLabel(file), reason: describe(error) });
      }
    }
    return { banks, unreadable, isFolder };
  } catch (error) {
    return { banks: [], unreadable: [{ entry, reason: describe(error) }], isFolder: false };
  }
}

async function bankFilesUnder(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const entries = await vscode.workspace.fs.readDirectory(folder);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, type] of entries) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const child = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) found.push(...(await bankFilesUnder(child)));
    else if (type & vscode.FileType.File && BANK_FILE.test(name)) found.push(child);
  }
  return found;
}

function describe(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return vscode.l10n.t('not found');
    if (error.code === 'NoPermissions') return vscode.l10n.t('permission denied');
  }
  return error instanceof Error ? error.message : String(error);
}
