// Reads banks and the taxonomy from disk with Node's fs: the CLI's side of the core's "bytes in, index out".
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_MAX_BANK_MB,
  MAX_DEPTH,
  MAX_FILES,
  MAX_FOLDERS,
  megabytes,
  walkBanksSync,
  type SkippedEntry,
  type WalkFileSystemSync,
  type WalkResult,
} from '../core/bankWalk';
import { loadTermTable, type TermTable } from '../core/check/termTable';
import { loadDomains } from '../core/domains';
import { buildIndex, type BankSource } from '../core/indexer';
import type { BankIndex, Diagnostic, Domain } from '../core/model';
import { CliError } from './errors';

/** `content/` of the package: next to `dist/` when bundled, two levels up when run from `src/cli/` (tsx). */
export function bundledContentDir(): string {
  const candidates = [path.resolve(__dirname, '../content'), path.resolve(__dirname, '../../content')];
  const found = candidates.find((dir) => isFile(path.join(dir, 'domains.json')));
  if (!found) throw new CliError(`dojo: cannot find the bundled content folder (looked in ${candidates.join(', ')})`);
  return found;
}

function readDomains(): Domain[] {
  const file = path.join(bundledContentDir(), 'domains.json');
  try {
    return loadDomains(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new CliError(`dojo: cannot load ${file}: ${oneLine(error)}`);
  }
}

/**
 * The bilingual term table, content/terms.json. An entry that does not validate is left out and reported through
 * `warn`; an unreadable file leaves the table empty (search and the check still work, without translations).
 */
function readTermTable(warn: (message: string) => void): TermTable {
  const file = path.join(bundledContentDir(), 'terms.json');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    warn(`dojo: cannot load ${file}: ${oneLine(error)}`);
  }
  const { table, problems } = loadTermTable(json);
  if (json !== undefined) for (const problem of problems) warn(`dojo: ${file}: ${problem}`);
  return table;
}

/** What the classifier reads: the taxonomy, and the term table that adds to its aliases (core/termAliases.ts). */
export interface Taxonomy {
  domains: Domain[];
  terms: TermTable;
}

/** The bundled taxonomy and term table; the table's problems go to `warn`, as in readTermTable. */
export function readTaxonomy(warn: (message: string) => void): Taxonomy {
  return { domains: readDomains(), terms: readTermTable(warn) };
}

/** Node's fs as the walker sees it. */
const NODE_FS: WalkFileSystemSync<string> = {
  join: (folder, name) => path.join(folder, name),
  readDirectory: (folder) =>
    readdirSync(folder, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      kind: entry.isSymbolicLink() ? undefined : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other',
    })),
  stat: (file) => {
    const stats = statSync(file);
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other', size: stats.size };
  },
  realPath: (file) => realpathSync(file),
};

export interface BankFiles {
  sources: BankSource[];
  /** What was skipped inside the folders, as warnings. */
  diagnostics: Diagnostic[];
}

/**
 * The banks at `paths` (files, or folders searched recursively for *.md, *.markdown, *.txt), in a stable order.
 * No paths: the bundled banks, labelled `content/<name>`. A path given that cannot be read (missing, a device or
 * FIFO, too large) throws a CliError; a file inside a folder that cannot be read is skipped with a warning.
 */
export function readBankSources(paths: readonly string[], maxBankBytes = megabytes(DEFAULT_MAX_BANK_MB)): BankFiles {
  const result: BankFiles = { sources: [], diagnostics: [] };
  if (paths.length === 0) {
    const dir = bundledContentDir();
    readLocation(dir, maxBankBytes, result, (file) => path.join('content', path.relative(dir, file)), true);
  }
  for (const given of paths) readLocation(given, maxBankBytes, result, (file) => file, false);
  return result;
}

/** The index of the banks at `paths`, with what was skipped among its diagnostics. */
export function loadIndex(paths: readonly string[], taxonomy: Taxonomy, maxBankBytes?: number): BankIndex {
  const { sources, diagnostics } = readBankSources(paths, maxBankBytes);
  const index = buildIndex(sources, taxonomy.domains, taxonomy.terms.pairs);
  return { ...index, diagnostics: [...diagnostics, ...index.diagnostics] };
}

function readLocation(
  given: string,
  maxBankBytes: number,
  into: BankFiles,
  label: (file: string) => string,
  bundled: boolean,
): void {
  let walked: WalkResult<string>;
  try {
    walked = walkBanksSync(NODE_FS, given, { maxFileBytes: maxBankBytes });
  } catch (error) {
    throw unreadable(given, error);
  }
  if (!walked.isFolder) {
    const [problem] = walked.skipped;
    if (problem) throw new CliError(`dojo: cannot read ${given}: ${skipReason(problem, maxBankBytes)}`);
    into.sources.push({ file: label(given), bytes: readBytes(given) });
    return;
  }
  for (const skipped of walked.skipped) {
    into.diagnostics.push(warning(label(skipped.path), `skipped: ${skipReason(skipped, maxBankBytes)}`));
  }
  for (const found of walked.files) {
    try {
      into.sources.push({ file: label(found.path), bytes: readFileSync(found.path), relativePath: found.relativePath, bundled });
    } catch (error) {
      // Deleted or made unreadable since the walk: the other banks still count.
      into.diagnostics.push(warning(label(found.path), `skipped: cannot read it: ${reasonOf(error)}`));
    }
  }
}

function skipReason(skipped: SkippedEntry<string>, maxBankBytes: number): string {
  switch (skipped.reason) {
    case 'repeat':
      return 'this folder was already read through another path (a symbolic link loop?)';
    case 'too-deep':
      return `more than ${MAX_DEPTH} folders deep`;
    case 'too-many':
      return `stopped here: more than ${MAX_FILES} bank files or ${MAX_FOLDERS} folders`;
    case 'not-regular':
      return 'not a regular file (a device, pipe, socket or broken link)';
    case 'too-large':
      return `${formatMegabytes(skipped.size ?? 0)} MB is larger than the ${formatMegabytes(maxBankBytes)} MB limit for a bank`;
    case 'unreadable':
      return `cannot read it: ${reasonOf(skipped.error)}`;
  }
}

function warning(file: string, message: string): Diagnostic {
  return { file, line: 1, severity: 'warning', message };
}

function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / megabytes(1)) * 10) / 10);
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
};

function unreadable(file: string, error: unknown): CliError {
  return new CliError(`dojo: cannot read ${file}: ${reasonOf(error)}`);
}

function reasonOf(error: unknown): string {
  return REASONS[(error as NodeJS.ErrnoException | undefined)?.code ?? ''] ?? oneLine(error);
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
