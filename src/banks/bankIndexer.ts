// Where the heavy part of indexing runs, behind one interface: a worker thread on desktop (workerIndexer.ts), or the
// extension host's own thread with a pause between files (inThreadIndexer.ts, for hosts without worker threads).
import type { BankSource, IndexedBank } from '../core/bankFile';
import type { ExplainedBank } from '../core/explainBankFile';
import type { IndexJobFiles, IndexJobResult, IndexJobStart, ReadFiles } from '../core/indexJobProtocol';
import type { Diagnostic, Domain } from '../core/model';

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
  /** How one bank file is read, part by part, with its diagnostics and `extra` ones (it parses, so it runs here too). */
  explain(source: Pick<BankSource, 'file' | 'bytes'>, domains: readonly Domain[], extra: readonly Diagnostic[]): Promise<ExplainedBank>;
  /** Gets ready for a job soon to come (starts the worker, loads the job's code), so that it starts sooner. */
  prepare(): void;
  dispose(): void;
}

/** What the job module exports (dist/indexWorker.js: loaded as a worker, or required in thread). */
export interface IndexJobModule {
  runIndexJob: typeof import('../core/indexJob').runIndexJob;
  explainBankFile: typeof import('../core/explainBankFile').explainBankFile;
}

/** Lets the event loop run (timers, I/O, messages) before the caller goes on. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
