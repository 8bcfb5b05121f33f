// Index jobs on the calling thread, pausing between files so that the event loop keeps running (for hosts without
// worker threads). The job module is loaded on first use: the parser never loads with the extension itself.
import type { IndexedBank } from '../core/bankFile';
import { IndexJobCollector, type IndexJobRequest, type IndexJobResult, type ReadFiles } from '../core/indexJobProtocol';
import { yieldToEventLoop, type BankIndexer, type IndexJobModule } from './bankIndexer';

export class InThreadIndexer implements BankIndexer {
  private module: Promise<IndexJobModule> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly load: () => Promise<IndexJobModule>) {}

  index(request: IndexJobRequest, read: ReadFiles, known?: readonly IndexedBank[]): Promise<IndexJobResult> {
    const result = this.queue.then(() => this.run(request, read, known));
    // Settles with nothing: a finished job's banks are not kept alive by the queue.
    this.queue = result.then(() => undefined, () => undefined);
    return result;
  }

  prepare(): void {
    // A module that fails to load fails the job that awaits it.
    this.loaded().catch(() => undefined);
  }

  dispose(): void {
    // Nothing runs between jobs.
  }

  private async run(request: IndexJobRequest, read: ReadFiles, known: readonly IndexedBank[] | undefined): Promise<IndexJobResult> {
    const { runIndexJob } = await this.loaded();
    const collector = new IndexJobCollector(request.files.length, known);
    let result: IndexJobResult | undefined;
    await runIndexJob(
      request,
      (message) => {
        result = collector.accept(message) ?? result;
      },
      yieldToEventLoop,
      read,
    );
    if (!result) throw new Error('the index job ended without its result');
    return result;
  }

  private loaded(): Promise<IndexJobModule> {
    return (this.module ??= this.load());
  }
}
