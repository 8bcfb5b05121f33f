// Index jobs on the calling thread, pausing between files so that the event loop keeps running (for hosts without
// worker threads). The job module is loaded on first use: the parser never loads with the extension itself.
import type { BankSource, IndexedBank } from '../core/bankFile';
import type { ExplainedBank } from '../core/explainBankFile';
import type { Diagnostic, Domain } from '../core/model';
import { IndexJobCollector, type IndexJobFiles, type IndexJobResult, type IndexJobStart, type ReadFiles } from '../core/indexJobProtocol';
import { yieldToEventLoop, type BankIndexer, type IndexJobModule } from './bankIndexer';
import { JobQueue } from './jobQueue';

export class InThreadIndexer implements BankIndexer {
  private module: Promise<IndexJobModule> | undefined;
  private readonly queue = new JobQueue();

  constructor(private readonly load: () => Promise<IndexJobModule>) {}

  index(
    start: IndexJobStart | Promise<IndexJobStart>,
    files: IndexJobFiles | Promise<IndexJobFiles>,
    read: ReadFiles,
    known?: readonly IndexedBank[],
  ): Promise<IndexJobResult> {
    return this.queue.run(async () => this.run(await start, await files, read, known));
  }

  async explain(source: Pick<BankSource, 'file' | 'bytes'>, domains: readonly Domain[], extra: readonly Diagnostic[]): Promise<ExplainedBank> {
    const { explainBankFile } = await this.loaded();
    return explainBankFile(source, domains, extra);
  }

  prepare(): void {
    // A module that fails to load fails the job that awaits it.
    this.loaded().catch(() => undefined);
  }

  dispose(): void {
    // Nothing runs between jobs.
  }

  /** Given both parts at once: on this thread nothing would run beside the walk anyway. */
  private async run(start: IndexJobStart, files: IndexJobFiles, read: ReadFiles, known: readonly IndexedBank[] | undefined): Promise<IndexJobResult> {
    const { runIndexJob } = await this.loaded();
    const collector = new IndexJobCollector(files.files.length, known);
    let result: IndexJobResult | undefined;
    await runIndexJob(
      start,
      files,
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
