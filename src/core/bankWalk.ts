// Finds the bank files at a location (one file, or a folder walked recursively) with the same rules for the CLI
// and the extension. The host's file system comes in as a small interface, synchronous (Node's fs for the CLI) or
// asynchronous (vscode.workspace.fs): the walk itself is one generator that asks for file-system operations, and
// two small drivers answer them, so the rules exist once.

/** What a path is, following symbolic links. `other`: a device, FIFO, socket, or a link to nothing. */
export type EntryKind = 'file' | 'directory' | 'other';

export interface EntryStat {
  kind: EntryKind;
  /** Bytes (meaningful for files only). */
  size: number;
  /** Modification time in milliseconds, where the host reports it (the warm-start cache's key). */
  mtime?: number;
}

export interface DirectoryEntry {
  name: string;
  /** The entry's kind when it is known without following a link; undefined for a symbolic link (stat decides). */
  kind?: EntryKind;
}

/** The host's file system, asynchronous. Errors are thrown (any value); the walk reports them as skips. */
export interface WalkFileSystem<P> {
  join(folder: P, name: string): P;
  readDirectory(folder: P): Promise<readonly DirectoryEntry[]>;
  stat(path: P): Promise<EntryStat>;
  /** The canonical path with every link resolved. Without it, depth and count limits still end a walk in a loop. */
  realPath?(path: P): Promise<string>;
}

/** The same, synchronous (the CLI). */
export interface WalkFileSystemSync<P> {
  join(folder: P, name: string): P;
  readDirectory(folder: P): readonly DirectoryEntry[];
  stat(path: P): EntryStat;
  realPath?(path: P): string;
}

export interface WalkLimits {
  /** Bank files larger than this are skipped. */
  maxFileBytes: number;
  /** Folders below the location deeper than this are skipped. */
  maxDepth?: number;
  /** The walk stops after this many bank files... */
  maxFiles?: number;
  /** ...or after reading this many folders. */
  maxFolders?: number;
}

export const DEFAULT_MAX_BANK_MB = 20;
export const MAX_DEPTH = 32;
export const MAX_FILES = 10_000;
export const MAX_FOLDERS = 10_000;

/** The file names a folder contributes as banks. */
export const BANK_EXTENSIONS = ['md', 'markdown', 'txt'] as const;
const BANK_FILE = new RegExp(`\\.(${BANK_EXTENSIONS.join('|')})$`, 'i');

export function isBankFileName(name: string): boolean {
  return BANK_FILE.test(name);
}

/** Hidden entries and dependency folders are never banks. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export interface FoundBank<P> {
  path: P;
  /** The path below the walked folder, '/'-separated (`more/speech.txt`); undefined when the location is the file. */
  relativePath?: string;
  size: number;
  mtime?: number;
}

export type SkipReason =
  /** A folder already walked through another path (a symbolic link loop or a second link). */
  | 'repeat'
  | 'too-deep'
  /** The file or folder limit was reached; the walk stopped here. */
  | 'too-many'
  /** A device, FIFO, socket or dangling link with a bank file name. */
  | 'not-regular'
  | 'too-large'
  | 'unreadable';

export interface SkippedEntry<P> {
  path: P;
  reason: SkipReason;
  /** The size for `too-large`. */
  size?: number;
  /** The host's error for `unreadable`. */
  error?: unknown;
}

export interface WalkResult<P> {
  isFolder: boolean;
  /** Sorted by path within each folder. */
  files: FoundBank<P>[];
  skipped: SkippedEntry<P>[];
}

/**
 * The bank files at `location`. A location that cannot be stat'ed, or a folder that cannot be listed, throws (the
 * caller names the location); everything below it that cannot be used is skipped and listed in `skipped`. A location
 * that is itself skipped (a FIFO, too large) comes back with `isFolder: false`, no files and one skip.
 */
export async function walkBanks<P>(fs: WalkFileSystem<P>, location: P, limits: WalkLimits): Promise<WalkResult<P>> {
  const steps = walk(location, (folder: P, name: string) => fs.join(folder, name), fs.realPath !== undefined, limits);
  let step = steps.next();
  while (!step.done) {
    let reply: unknown;
    try {
      reply = await perform(fs, step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(reply);
  }
  return step.value;
}

/** {@link walkBanks} over a synchronous file system. */
export function walkBanksSync<P>(fs: WalkFileSystemSync<P>, location: P, limits: WalkLimits): WalkResult<P> {
  const steps = walk(location, (folder: P, name: string) => fs.join(folder, name), fs.realPath !== undefined, limits);
  let step = steps.next();
  while (!step.done) {
    let reply: unknown;
    try {
      reply = perform(fs, step.value);
    } catch (error) {
      step = steps.throw(error);
      continue;
    }
    step = steps.next(reply);
  }
  return step.value;
}

type Request<P> = { op: 'stat' | 'readDirectory' | 'realPath'; path: P } | { op: 'statAll'; paths: readonly P[] };
type Steps<P, T> = Generator<Request<P>, T, unknown>;
/** One path's stat in a `statAll` reply: its stat, or what the host threw. */
type StatOutcome = { stat: EntryStat } | { error: unknown };

/** Stats asked of an asynchronous file system at once: a folder of bank files costs a few round trips, not one each. */
const STATS_AT_ONCE = 32;

/** Answers one request of the walk: a value from a synchronous file system, a promise from an asynchronous one. */
function perform<P>(fs: WalkFileSystem<P> | WalkFileSystemSync<P>, request: Request<P>): unknown {
  if (request.op === 'statAll') return statAll(fs, request.paths);
  const { op, path } = request;
  return op === 'stat' ? fs.stat(path) : op === 'readDirectory' ? fs.readDirectory(path) : fs.realPath?.(path);
}

function statAll<P>(fs: WalkFileSystem<P> | WalkFileSystemSync<P>, paths: readonly P[]): StatOutcome[] | Promise<StatOutcome[]> {
  const outcomes = new Array<StatOutcome>(paths.length);
  let next = 0;
  /** Stats the next paths while the answers are synchronous; on the first promise, goes on once it settles. */
  const run = (): Promise<void> | undefined => {
    while (next < paths.length) {
      const i = next++;
      let stat: EntryStat | Promise<EntryStat>;
      try {
        stat = fs.stat(paths[i]);
      } catch (error) {
        outcomes[i] = { error };
        continue;
      }
      if (!(stat instanceof Promise)) {
        outcomes[i] = { stat };
        continue;
      }
      return stat.then(
        (value) => {
          outcomes[i] = { stat: value };
          return run();
        },
        (error: unknown) => {
          outcomes[i] = { error };
          return run();
        },
      );
    }
    return undefined;
  };
  const chains: Promise<void>[] = [];
  for (let n = 0; n < STATS_AT_ONCE && next < paths.length; n++) {
    const chain = run();
    if (chain) chains.push(chain);
  }
  return chains.length === 0 ? outcomes : Promise.all(chains).then(() => outcomes);
}

function* stat<P>(path: P): Steps<P, EntryStat> {
  return (yield { op: 'stat', path }) as EntryStat;
}

function* statEach<P>(paths: readonly P[]): Steps<P, StatOutcome[]> {
  return paths.length === 0 ? [] : ((yield { op: 'statAll', paths }) as StatOutcome[]);
}

function* readDirectory<P>(path: P): Steps<P, readonly DirectoryEntry[]> {
  return (yield { op: 'readDirectory', path }) as readonly DirectoryEntry[];
}

function* realPath<P>(path: P): Steps<P, string> {
  return (yield { op: 'realPath', path }) as string;
}

function* walk<P>(
  location: P,
  join: (folder: P, name: string) => P,
  canResolve: boolean,
  limits: WalkLimits,
): Steps<P, WalkResult<P>> {
  const maxDepth = limits.maxDepth ?? MAX_DEPTH;
  const maxFiles = limits.maxFiles ?? MAX_FILES;
  const maxFolders = limits.maxFolders ?? MAX_FOLDERS;
  const rootStat = yield* stat(location);
  const result: WalkResult<P> = { isFolder: rootStat.kind === 'directory', files: [], skipped: [] };
  if (!result.isFolder) {
    const problem = fileProblem(location, rootStat, limits.maxFileBytes);
    if (problem) result.skipped.push(problem);
    else result.files.push(found(location, undefined, rootStat));
    return result;
  }

  const visited = new Set<string>();
  let folders = 0;
  let stopped = false;
  /** Whether `folder` is new (marks it visited); a folder whose real path cannot be resolved counts as new. */
  function* firstVisit(folder: P): Steps<P, boolean> {
    if (!canResolve) return true;
    let real: string;
    try {
      real = yield* realPath(folder);
    } catch {
      return true;
    }
    if (visited.has(real)) return false;
    visited.add(real);
    return true;
  }

  function* walkFolder(folder: P, prefix: string, depth: number): Steps<P, void> {
    if (++folders > maxFolders) {
      result.skipped.push({ path: folder, reason: 'too-many' });
      stopped = true;
      return;
    }
    let entries: DirectoryEntry[];
    try {
      entries = [...(yield* readDirectory(folder))];
    } catch (error) {
      if (depth === 0) throw error;
      result.skipped.push({ path: folder, reason: 'unreadable', error });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // A plain file or special file that is not a bank needs no further look; the others' stats are asked all at once.
    const wanted = entries.filter(({ name, kind }) => !isSkippedName(name) && (isBankFileName(name) || (kind !== 'file' && kind !== 'other')));
    const paths = wanted.map(({ name }) => join(folder, name));
    const unlisted = wanted.flatMap(({ kind }, i) => (kind === 'directory' ? [] : [paths[i]]));
    const stats = yield* statEach(unlisted);
    let nextStat = 0;
    for (const [i, { name, kind: listedKind }] of wanted.entries()) {
      if (stopped) return;
      const path = paths[i];
      const outcome: StatOutcome = listedKind === 'directory' ? { stat: { kind: 'directory', size: 0 } } : stats[nextStat++];
      if ('error' in outcome) {
        result.skipped.push({ path, reason: 'unreadable', error: outcome.error });
        continue;
      }
      const entry = outcome.stat;
      if (entry.kind === 'directory') {
        if (depth + 1 > maxDepth) result.skipped.push({ path, reason: 'too-deep' });
        else if (!(yield* firstVisit(path))) result.skipped.push({ path, reason: 'repeat' });
        else yield* walkFolder(path, `${prefix}${name}/`, depth + 1);
        continue;
      }
      if (!isBankFileName(name)) continue;
      const problem = fileProblem(path, entry, limits.maxFileBytes);
      if (problem) {
        result.skipped.push(problem);
      } else if (result.files.length >= maxFiles) {
        result.skipped.push({ path, reason: 'too-many' });
        stopped = true;
      } else {
        result.files.push(found(path, `${prefix}${name}`, entry));
      }
    }
  }

  yield* firstVisit(location);
  yield* walkFolder(location, '', 0);
  return result;
}

function found<P>(path: P, relativePath: string | undefined, { size, mtime }: EntryStat): FoundBank<P> {
  const bank: FoundBank<P> = relativePath === undefined ? { path, size } : { path, relativePath, size };
  if (mtime !== undefined) bank.mtime = mtime;
  return bank;
}

function fileProblem<P>(path: P, entry: EntryStat, maxFileBytes: number): SkippedEntry<P> | undefined {
  if (entry.kind !== 'file') return { path, reason: 'not-regular' };
  if (entry.size > maxFileBytes) return { path, reason: 'too-large', size: entry.size };
  return undefined;
}

/** Megabytes (a setting's value) as bytes. */
export function megabytes(mb: number): number {
  return Math.round(mb * 1024 * 1024);
}
