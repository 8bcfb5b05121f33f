// Index jobs in one long-lived worker thread (dist/indexWorker.js), started on first use and ended on dispose or when it
// fails (the next job starts a fresh one). The host only copies bytes in and receives results in small messages.
import type { Worker } from 'node:worker_threads';
import type { BankSource, IndexedBank } from '../core/bankFile';
import type { ExplainedBank } from '../core/explainBankFile';
import type { Diagnostic, Domain } from '../core/model';
import { IndexJobCollector, type IndexJobFiles, type IndexJobResult, type IndexJobStart, type ReadFiles } from '../core/indexJobProtocol';
import type { BankIndexer } from './bankIndexer';
import type { WorkerReply, WorkerRequest } from './indexWorker';
import { JobQueue } from './jobQueue';

interface RunningJob {
  job: number;
  /** Made when the job's files are sent: the job reports nothing before it has them. */
  collector?: IndexJobCollector;
  read: ReadFiles;
  resolve(result: IndexJobResult): void;
  reject(error: Error): void;
}

export class WorkerIndexer implements BankIndexer {
  private worker: Worker | undefined;
  private running: RunningJob | undefined;
  private jobs = 0;
  private readonly queue = new JobQueue();
  private disposed = false;
  /** Explanations asked for and not yet answered, by number. */
  private readonly explaining = new Map<number, { resolve(result: ExplainedBank): void; reject(error: Error): void }>();
  private explanations = 0;

  constructor(private readonly workerFile: string) {}

  index(
    start: IndexJobStart | Promise<IndexJobStart>,
    files: IndexJobFiles | Promise<IndexJobFiles>,
    read: ReadFiles,
    known?: readonly IndexedBank[],
  ): Promise<IndexJobResult> {
    return this.queue.run(async () => this.run(await start, files, read, known));
  }

  explain(source: Pick<BankSource, 'file' | 'bytes'>, domains: readonly Domain[], extra: readonly Diagnostic[]): Promise<ExplainedBank> {
    if (this.disposed) return Promise.reject(new Error('the indexer was disposed'));
    return new Promise((resolve, reject) => {
      const explain = ++this.explanations;
      this.explaining.set(explain, { resolve, reject });
      const request: WorkerRequest = { explain, source, domains, extra };
      this.started().postMessage(request);
    });
  }

  prepare(): void {
    if (!this.disposed) this.started();
  }

  dispose(): void {
    this.disposed = true;
    this.stop(new Error('the indexer was disposed'));
  }

  /** Posts the start at once, and the files when they come: the worker parses the cache meanwhile. */
  private run(
    start: IndexJobStart,
    files: IndexJobFiles | Promise<IndexJobFiles>,
    read: ReadFiles,
    known: readonly IndexedBank[] | undefined,
  ): Promise<IndexJobResult> {
    if (this.disposed) return Promise.reject(new Error('the indexer was disposed'));
    return new Promise<IndexJobResult>((resolve, reject) => {
      const job = ++this.jobs;
      const running: RunningJob = { job, read, resolve, reject };
      this.running = running;
      const begin: WorkerRequest = { job, start };
      this.started().postMessage(begin);
      Promise.resolve(files).then(
        (list) => {
          if (this.running !== running) return;
          running.collector = new IndexJobCollector(list.files.length, known);
          const message: WorkerRequest = { job, files: list };
          this.worker?.postMessage(message);
        },
        // The worker waits for files that will not come: it is ended, and the next job starts a fresh one.
        (error: unknown) => {
          if (this.running === running) this.stop(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // Required here, not imported: a host without worker threads never loads this module (inThreadIndexer.ts).
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new WorkerThread(this.workerFile);
    worker.on('message', (reply: WorkerReply) => this.receive(reply));
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(new Error(`the index worker exited with code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: WorkerReply): void {
    if ('explained' in reply) {
      const asked = this.explaining.get(reply.explained);
      this.explaining.delete(reply.explained);
      if ('error' in reply.result) asked?.reject(new Error(reply.result.error));
      else asked?.resolve(reply.result);
      return;
    }
    const running = this.running;
    if (!running || running.job !== reply.job) return;
    if ('read' in reply) {
      void this.answerRead(running, reply.read, reply.files);
      return;
    }
    const { job, message } = reply;
    try {
      if (!running.collector && message.kind !== 'failed') throw new Error('the index job reported before it had its files');
      // Before its files, the job can only have failed (the collector then throws its message).
      const result = (running.collector ?? new IndexJobCollector(0)).accept(message);
      if (!result) {
        // Handled: the worker may send the next one (it keeps only a couple in flight).
        const ack: WorkerRequest = { ack: job };
        this.worker?.postMessage(ack);
        return;
      }
      this.running = undefined;
      running.resolve(result);
    } catch (error) {
      this.stop(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Sends the job the files it asked for (the reader reports a file it cannot read instead of throwing). */
  private async answerRead(running: RunningJob, read: number, files: number[]): Promise<void> {
    try {
      const bytes = await running.read(files);
      if (this.running !== running) return;
      const answer: WorkerRequest = { job: running.job, read, bytes };
      this.worker?.postMessage(answer);
    } catch (error) {
      if (this.running === running) this.stop(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** Ends the worker (its memory goes with it) and fails the job it was running. */
  private stop(reason: Error): void {
    const { worker, running } = this;
    this.worker = undefined;
    this.running = undefined;
    if (worker) void worker.terminate();
    running?.reject(reason);
    for (const asked of this.explaining.values()) asked.reject(reason);
    this.explaining.clear();
  }
}
