// Reads banks and the taxonomy from disk with Node's fs: the CLI's side of the core's "bytes in, index out".
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { loadDomains } from '../core/domains';
import { buildIndex, type BankSource } from '../core/indexer';
import type { BankIndex, Domain } from '../core/model';
import { CliError } from './errors';

const BANK_FILE = /\.(md|markdown|txt)$/i;

/** `content/` of the package: next to `dist/` when bundled, two levels up when run from `src/cli/` (tsx). */
export function bundledContentDir(): string {
  const candidates = [path.resolve(__dirname, '../content'), path.resolve(__dirname, '../../content')];
  const found = candidates.find((dir) => isFile(path.join(dir, 'domains.json')));
  if (!found) throw new CliError(`dojo: cannot find the bundled content folder (looked in ${candidates.join(', ')})`);
  return found;
}

export function readDomains(): Domain[] {
  const file = path.join(bundledContentDir(), 'domains.json');
  try {
    return loadDomains(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new CliError(`dojo: cannot load ${file}: ${oneLine(error)}`);
  }
}

/**
 * The banks at `paths` (files, or folders searched recursively for *.md, *.markdown, *.txt), in a
 * stable order. No paths: the bundled banks, labelled `content/<name>`.
 */
export function readBankSources(paths: readonly string[]): BankSource[] {
  if (paths.length === 0) {
    const dir = bundledContentDir();
    return bankFilesIn(dir).map((file) => ({ file: path.join('content', path.relative(dir, file)), bytes: readBytes(file) }));
  }
  return paths.flatMap((given) => {
    if (!statOrFail(given).isDirectory()) return [{ file: given, bytes: readBytes(given) }];
    return bankFilesIn(given).map((file) => ({ file, bytes: readBytes(file) }));
  });
}

export function loadIndex(paths: readonly string[], domains: Domain[] = readDomains()): BankIndex {
  return buildIndex(readBankSources(paths), domains);
}

/** Bank files under `dir`, sorted; hidden entries skipped; symlinked folders followed once. */
function bankFilesIn(dir: string, visited = new Set<string>()): string[] {
  const real = realpathSync(dir);
  if (visited.has(real)) return [];
  visited.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
  } catch (error) {
    throw unreadable(dir, error);
  }
  return names.flatMap((name) => {
    const full = path.join(dir, name);
    const stats = statOrFail(full);
    if (stats.isDirectory()) return bankFilesIn(full, visited);
    return stats.isFile() && BANK_FILE.test(name) ? [full] : [];
  });
}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw unreadable(file, error);
  }
}

function statOrFail(file: string) {
  try {
    return statSync(file);
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
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new CliError(`dojo: cannot read ${file}: ${REASONS[code] ?? oneLine(error)}`);
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}
