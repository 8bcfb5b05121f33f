// What an index job is asked and what it reports, shared by the job (indexJob.ts, wherever it runs) and the host that
// collects its results. Free of the parser, so the host can import it. Results come in small messages, so that no
// single message costs the receiving thread much to deserialise.
import type { IndexedBank } from './bankFile';
import type { TermPair } from './check/termTable';
import type { BankDocument, Diagnostic, Domain, Question } from './model';

export interface IndexJobFile {
  file: string;
  /** Bytes and modification time in milliseconds, as the walk stat'ed them (part of the cache key). */
  size: number;
  mtime: number;
  /** The bank's slug, decided across all files by bankSlugs(). */
  slug: string;
}

/** What a job needs before its file list: the cache is parsed and validated while the host still walks the folders. */
export interface IndexJobStart {
  domains: Domain[];
  /** The term table's pairs: the classifier counts their names for the domains they translate (termAliases.ts). */
  terms: readonly TermPair[];
  /** The bytes of the cache file the last job wrote, if there is one. */
  cache?: Uint8Array;
}

/** The files to index, once the walk has found them. */
export interface IndexJobFiles {
  files: IndexJobFile[];
  /**
   * Take a file whose size and modification time match its cached key from the cache without reading it (a warm start
   * shown at once); a later job without this flag confirms the content hashes. Otherwise every file is read and hashed.
   */
  trustStat: boolean;
  /**
   * The host has every file's bank as this cache holds it (the job before took them from it or wrote it): a bank taken
   * from the cache is reported as `unchanged`, without its questions.
   */
  omitCached?: boolean;
  /** The stored outline is missing or out of date: write one even when the cache itself is still exact. */
  writeOutline?: boolean;
}

/** A file's bytes, or why they could not be read. */
export type FileRead = Uint8Array | { error: string };

/** Reads the requested files (numbers into `files`), answering in the same order. */
export type ReadFiles = (files: number[]) => Promise<FileRead[]>;

export type CacheProblem = { kind: 'stale' | 'corrupt'; reason: string };

/** A piece of a job's result. */
export type IndexJobPart =
  /** Some of file number `file`'s questions, in order; its `bank` part follows the last of them. */
  | { kind: 'questions'; file: number; questions: Question[] }
  | { kind: 'bank'; file: number; document: BankDocument; diagnostics: Diagnostic[]; fromCache: boolean }
  /** File number `file`'s bank is the one the host has (omitCached). */
  | { kind: 'unchanged'; file: number };

export type IndexJobMessage =
  | { kind: 'parts'; parts: IndexJobPart[] }
  /** `cache` and `outline`: what to store for the next job, each absent when the stored one is still exact. */
  | { kind: 'done'; cache?: Uint8Array; outline?: Uint8Array; cacheProblem?: CacheProblem; unverified: number }
  | { kind: 'failed'; message: string };

export interface IndexJobResult {
  /** One per requested file, in request order. */
  banks: IndexedBank[];
  /** How many of them came from the cache. */
  fromCache: number;
  /** How many of those were taken by size and modification time only, their bytes unread. */
  unverified: number;
  cache?: Uint8Array;
  outline?: Uint8Array;
  cacheProblem?: CacheProblem;
}

/** About how many questions (or banks) one message carries: a few hundred deserialise in a few milliseconds. */
export const QUESTIONS_PER_MESSAGE = 250;

/** Files the job asks the host to read at once: a few megabytes at most for one message. */
export const FILES_PER_READ = 16;

/** `items` in consecutive slices of at most `size` (at least one slice, maybe empty). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += step) result.push(items.slice(start, start + step));
  return result.length > 0 ? result : [[]];
}

/** The parts of one bank: its questions in slices, then the bank itself. */
export function bankParts(file: number, bank: IndexedBank, fromCache: boolean): IndexJobPart[] {
  return [
    ...chunks(bank.questions, QUESTIONS_PER_MESSAGE).map((questions): IndexJobPart => ({ kind: 'questions', file, questions })),
    { kind: 'bank', file, document: bank.document, diagnostics: bank.diagnostics, fromCache },
  ];
}

/** Groups parts into messages of about QUESTIONS_PER_MESSAGE questions, each bank counting as one. */
export class PartBatcher {
  private parts: IndexJobPart[] = [];
  private weight = 0;

  constructor(private readonly emit: (message: IndexJobMessage) => void | Promise<void>) {}

  async add(parts: readonly IndexJobPart[]): Promise<void> {
    for (const part of parts) {
      this.parts.push(part);
      this.weight += part.kind === 'questions' ? part.questions.length : 1;
      if (this.weight >= QUESTIONS_PER_MESSAGE) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    this.weight = 0;
    await this.emit({ kind: 'parts', parts });
  }
}

/** Puts a job's messages back together; `accept` returns the result with the `done` message. */
export class IndexJobCollector {
  private readonly questions: Question[][];
  private readonly banks: (IndexedBank | undefined)[];
  private fromCache = 0;

  constructor(
    private readonly fileCount: number,
    /** The banks the host has, for a job asked to omit cached banks. */
    private readonly known?: readonly IndexedBank[],
  ) {
    this.questions = Array.from({ length: fileCount }, () => []);
    this.banks = new Array<IndexedBank | undefined>(fileCount).fill(undefined);
  }

  /** The result once the job is done; throws when it failed or reported something it was not asked for. */
  accept(message: IndexJobMessage): IndexJobResult | undefined {
    switch (message.kind) {
      case 'parts':
        for (const part of message.parts) this.acceptPart(part);
        return undefined;
      case 'done': {
        const banks = this.banks.filter((bank): bank is IndexedBank => bank !== undefined);
        if (banks.length !== this.fileCount) throw new Error(`the index job reported ${banks.length} of ${this.fileCount} banks`);
        const { unverified, cache, outline, cacheProblem } = message;
        return { banks, fromCache: this.fromCache, unverified, cache, outline, cacheProblem };
      }
      case 'failed':
        throw new Error(`the index job failed: ${message.message}`);
    }
  }

  private acceptPart(part: IndexJobPart): void {
    if (part.kind === 'unchanged') {
      const known = this.slot(this.known ?? [], part.file);
      if (!known) throw new Error(`the index job reported file ${part.file} unchanged, but it is not known`);
      this.banks[part.file] = known;
      this.fromCache++;
      return;
    }
    const questions = this.slot(this.questions, part.file);
    if (part.kind === 'questions') {
      for (const question of part.questions) questions.push(question);
      return;
    }
    this.banks[part.file] = { document: part.document, questions, diagnostics: part.diagnostics };
    if (part.fromCache) this.fromCache++;
  }

  private slot<T>(slots: readonly T[], file: number): T {
    if (!Number.isInteger(file) || file < 0 || file >= this.fileCount) throw new Error(`the index job reported file ${file}`);
    return slots[file];
  }
}
