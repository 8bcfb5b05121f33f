// Reads bank files (bytes) through vscode.workspace.fs, so it works for remote and virtual file systems alike.
// Which files count, and what is skipped, is the core's folder walker (the CLI walks with the same rules).
import * as vscode from 'vscode';
import {
  BANK_EXTENSIONS,
  MAX_DEPTH,
  MAX_FILES,
  MAX_FOLDERS,
  megabytes,
  walkBanks,
  type EntryKind,
  type SkippedEntry,
  type WalkFileSystem,
  type WalkResult,
} from '../core/bankWalk';
import type { BankSource } from '../core/indexer';
import { bankFileLabel } from './bankLocations';

/** The file names a folder contributes as banks (what the CLI reads too). */
export const BANK_FILE_PATTERN = `**/*.{${BANK_EXTENSIONS.join(',')}}`;

/** A bank source with the URI it came from, so diagnostics can be put on the file. */
export interface ReadBank extends BankSource {
  uri: vscode.Uri;
  /** Modification time in milliseconds (part of the warm-start cache's key). */
  mtime: number;
}

/** Something inside a bank folder that was not read, and why (for the Problems panel and the log). */
export interface SkippedFile {
  uri: vscode.Uri;
  file: string;
  reason: string;
}

export interface ReadResult {
  banks: ReadBank[];
  /** The location itself when it cannot be read, with the reason. */
  unreadable: { entry: string; reason: string }[];
  /** What was skipped inside a folder. */
  skipped: SkippedFile[];
  /** Whether the location is a folder (false when it is a file or does not exist). */
  isFolder: boolean;
}

export interface ReadOptions {
  maxBankSizeMB: number;
  /** Marks the banks as bundled (they keep their ids when a user's bank has the same name). */
  bundled?: boolean;
}

/** Reads a bank file, or every bank file under a folder (sorted by path; hidden entries and node_modules skipped). */
export async function readBanksAt(uri: vscode.Uri, entry: string, options: ReadOptions): Promise<ReadResult> {
  const result: ReadResult = { banks: [], unreadable: [], skipped: [], isFolder: false };
  const maxFileBytes = megabytes(options.maxBankSizeMB);
  let walked: WalkResult<vscode.Uri>;
  try {
    walked = await walkBanks(workspaceFileSystem(uri), uri, { maxFileBytes });
  } catch (error) {
    result.unreadable.push({ entry, reason: describe(error) });
    return result;
  }
  result.isFolder = walked.isFolder;
  for (const skipped of walked.skipped) {
    const reason = skipReason(skipped, options.maxBankSizeMB);
    if (walked.isFolder) result.skipped.push({ uri: skipped.path, file: bankFileLabel(skipped.path), reason });
    else result.unreadable.push({ entry, reason });
  }
  for (const found of walked.files) {
    try {
      const { path, relativePath } = found;
      const [bytes, { mtime }] = await Promise.all([vscode.workspace.fs.readFile(path), vscode.workspace.fs.stat(path)]);
      result.banks.push({ uri: path, file: bankFileLabel(path), bytes, mtime, relativePath, bundled: options.bundled });
    } catch (error) {
      // Deleted or locked since the walk: the other banks still count.
      if (walked.isFolder) result.skipped.push({ uri: found.path, file: bankFileLabel(found.path), reason: describe(error) });
      else result.unreadable.push({ entry, reason: describe(error) });
    }
  }
  return result;
}

/** vscode.workspace.fs for the walker; real paths (the loop guard) where the extension host can see the disk. */
function workspaceFileSystem(location: vscode.Uri): WalkFileSystem<vscode.Uri> {
  const fs: WalkFileSystem<vscode.Uri> = {
    join: (folder, name) => vscode.Uri.joinPath(folder, name),
    readDirectory: async (folder) =>
      (await vscode.workspace.fs.readDirectory(folder)).map(([name, type]) => ({
        name,
        kind: type & vscode.FileType.SymbolicLink ? undefined : kindOf(type),
      })),
    stat: async (uri) => {
      const stat = await vscode.workspace.fs.stat(uri);
      return { kind: kindOf(stat.type), size: stat.size };
    },
  };
  // Without it (virtual file systems), the walker's depth and count limits end a walk in a loop.
  // Node's fs is loaded only here, so a host without it (the web) never needs it.
  if (location.scheme === 'file') fs.realPath = async (uri) => (await import('node:fs')).promises.realpath(uri.fsPath);
  return fs;
}

/** vscode reports devices, FIFOs and sockets as `Unknown`. */
function kindOf(type: vscode.FileType): EntryKind {
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

function skipReason(skipped: SkippedEntry<vscode.Uri>, maxBankSizeMB: number): string {
  switch (skipped.reason) {
    case 'repeat':
      return vscode.l10n.t('already read through another path (a symbolic link loop?)');
    case 'too-deep':
      return vscode.l10n.t('more than {0} folders deep', MAX_DEPTH);
    case 'too-many':
      return vscode.l10n.t('more than {0} bank files or {1} folders: stopped here', MAX_FILES, MAX_FOLDERS);
    case 'not-regular':
      return vscode.l10n.t('not a regular file (a device, pipe, socket or broken link)');
    case 'too-large':
      return vscode.l10n.t(
        '{0} MB is larger than the {1} MB limit (dojo.maxBankSizeMB)',
        Math.round(((skipped.size ?? 0) / megabytes(1)) * 10) / 10,
        maxBankSizeMB,
      );
    case 'unreadable':
      return describe(skipped.error);
  }
}

function describe(error: unknown): string {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return vscode.l10n.t('not found');
    if (error.code === 'NoPermissions') return vscode.l10n.t('permission denied');
  }
  return error instanceof Error ? error.message : String(error);
}
