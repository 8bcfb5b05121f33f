// Finds bank files and reads their bytes through vscode.workspace.fs, so it works for remote and virtual file systems alike.
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
import type { FileRead } from '../core/indexJobProtocol';
import { bankFileLabel } from './bankLocations';
import { localDisk, type NodeFs } from './localDisk';

/** The file names a folder contributes as banks (what the CLI reads too). */
export const BANK_FILE_PATTERN = `**/*.{${BANK_EXTENSIONS.join(',')}}`;

/** A bank file found by the walk (its bytes are read later, and only when the cache cannot stand in for them). */
export interface ReadBank extends Omit<BankSource, 'bytes'> {
  /** Where it came from, so diagnostics can be put on the file. */
  uri: vscode.Uri;
  /** Bytes and modification time in milliseconds, as the walk stat'ed them (the warm-start cache's key). */
  size: number;
  mtime: number;
}

/** Files read at once: enough to overlap the file system's latency, few enough to keep memory and the host calm. */
const READS_AT_ONCE = 8;

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

/** Finds a bank file, or every bank file under a folder (sorted by path; hidden entries and node_modules skipped). */
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
  for (const { path, relativePath, size, mtime } of walked.files) {
    result.banks.push({ uri: path, file: bankFileLabel(path), size, mtime: mtime ?? 0, relativePath, bundled: options.bundled });
  }
  return result;
}

/**
 * One file's bytes: with Node's fs for `file:` where the host has it (a vscode.workspace.fs read waits tens of
 * milliseconds while the window starts, and the warm start waits for its files), else through vscode.workspace.fs.
 * Errors as vscode.workspace.fs reports them.
 */
export function readFileBytes(uri: vscode.Uri): Promise<Uint8Array> {
  const disk = uri.scheme === 'file' ? localDisk() : undefined;
  return disk ? onDisk(disk, uri, (fs) => fs.readFile(uri.fsPath)) : Promise.resolve(vscode.workspace.fs.readFile(uri));
}

/** The bytes of each file (same order), or why it cannot be read (deleted or locked since the walk); never throws. */
export async function readBankFiles(uris: readonly vscode.Uri[]): Promise<FileRead[]> {
  const reads = new Array<FileRead>(uris.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < uris.length; i = next++) {
      try {
        reads[i] = await readFileBytes(uris[i]);
      } catch (error) {
        reads[i] = { error: describe(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, uris.length) }, reader));
  return reads;
}

/**
 * The walker's file system: Node's where the extension host sees the disk (`file:`; a call through vscode.workspace.fs
 * costs milliseconds, and a warm start stats every bank file), else vscode.workspace.fs (remote and virtual file
 * systems, and `file:` in the browser, which has no Node), without real paths: there the walker's depth and count
 * limits end a walk in a loop.
 */
function workspaceFileSystem(location: vscode.Uri): WalkFileSystem<vscode.Uri> {
  const join = (folder: vscode.Uri, name: string) => vscode.Uri.joinPath(folder, name);
  const nodeFs = location.scheme === 'file' ? localDisk() : undefined;
  if (nodeFs) {
    return {
      join,
      readDirectory: (folder) =>
        onDisk(nodeFs, folder, async (fs) =>
          (await fs.readdir(folder.fsPath, { withFileTypes: true })).map((entry) => ({
            name: entry.name,
            kind: entry.isSymbolicLink() ? undefined : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
          })),
        ),
      stat: (uri) =>
        onDisk(nodeFs, uri, async (fs) => {
          const stat = await fs.stat(uri.fsPath).catch(async (error: unknown) => {
            // A link to nothing is there, but not a regular file.
            if ((await fs.lstat(uri.fsPath).catch(() => undefined))?.isSymbolicLink()) return undefined;
            throw error;
          });
          if (!stat) return { kind: 'other', size: 0 };
          // `mtime` rounds to milliseconds as vscode.workspace.fs does, so a cache key means the same through either.
          return { kind: stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other', size: stat.size, mtime: stat.mtime.getTime() };
        }),
      realPath: (uri) => onDisk(nodeFs, uri, (fs) => fs.realpath(uri.fsPath)),
    };
  }
  return {
    join,
    readDirectory: async (folder) =>
      (await vscode.workspace.fs.readDirectory(folder)).map(([name, type]) => ({
        name,
        kind: type & vscode.FileType.SymbolicLink ? undefined : kindOf(type),
      })),
    stat: async (uri) => {
      const stat = await vscode.workspace.fs.stat(uri);
      return { kind: kindOf(stat.type), size: stat.size, mtime: stat.mtime };
    },
  };
}

/** Runs `operation` with Node's fs, reporting a missing file or a denied permission as vscode.workspace.fs would. */
async function onDisk<T>(nodeFs: () => Promise<NodeFs>, uri: vscode.Uri, operation: (fs: NodeFs) => Promise<T>): Promise<T> {
  const fs = await nodeFs();
  try {
    return await operation(fs);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw vscode.FileSystemError.FileNotFound(uri);
    if (code === 'EACCES' || code === 'EPERM') throw vscode.FileSystemError.NoPermissions(uri);
    throw error;
  }
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
