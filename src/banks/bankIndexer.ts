// Where the heavy part of indexing runs, behind one interface: a worker thread on desktop (workerIndexer.ts), or the
// extension host's own thread with a pause between files (inThreadIndexer.ts, for hosts without worker threads).
import type { IndexedBank } from '../core/bankFile';
import type { IndexJobFiles, IndexJobResult, IndexJobStart, ReadFiles } from '../core/indexJobProtocol';

export interface BankIndexer {
  /**
   * Runs one job (jobs run one after another), which asks `read` for the bytes of the files it cannot take from the
   * cache; rejects when the job could not run to its end (or `files` rejects). `start` may be ready before `files`: the
   * cache is then parsed while the files are still being found. `known`: the banks the host has (files.omitCached).
   */
  index(
    start: IndexJobStart | Promise<IndexJobStart>,
    files: IndexJobFiles | Promise<IndexJobFiles>,
    read: ReadFiles,
    known?: readonly IndexedBank[],
  ): Promise<IndexJobResult>;
  /** Gets ready for a job soon to come (starts the worker, loads the job's code), so that it starts sooner. */
  prepare(): void;
  dispose(): void;
}

/** What the job module exports (dist/indexWorker.js: loaded as a worker, or required in thread). */
export interface IndexJobModule {
  runIndexJob: typeof import('../core/indexJob').runIndexJob;
}

/** Lets the event loop run (timers, I/O, messages) before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
