// Entry of dist/indexWorker.js, the bundle that holds the parser and markdown-it (the extension's bundle does not).
// Started as a worker thread it runs the index jobs the host posts; required in thread it only exports the job.
import { parentPort } from 'node:worker_threads';
import type { BankSource } from '../core/bankFile';
import { explainBankFile, type ExplainedBank } from '../core/explainBankFile';
import { runIndexJob } from '../core/indexJob';
import type { FileRead, IndexJobFiles, IndexJobMessage, IndexJobStart } from '../core/indexJobProtocol';
import type { Diagnostic, Domain } from '../core/model';

export { explainBankFile, runIndexJob };

/**
 * What the host posts: a job's start (its cache is parsed at once), then the job's files once they are found; that it
 * has handled one more of the job's messages; the files the job asked for; or a bank file to explain (beside any job).
 */
export type WorkerRequest =
  | { job: number; start: IndexJobStart }
  | { job: number; files: IndexJobFiles }
  | { ack: number }
  | { job: number; read: number; bytes: FileRead[] }
  | { explain: number; source: Pick<BankSource, 'file' | 'bytes'>; domains: readonly Domain[]; extra: readonly Diagnostic[] };

/**
 * What the worker posts: a message of the job, which files it needs read (numbers into the request's files), or an
 * explanation asked for.
 */
export type WorkerReply =
  | { job: number; message: IndexJobMessage }
  | { job: number; read: number; files: number[] }
  | { explained: number; result: ExplainedBank | { error: string } };

/**
 * Messages posted but not yet handled by the host. Node delivers every queued message of a port in one go, so without
 * this bound a backlog of results would be deserialised in one long block of the host's thread.
 */
const IN_FLIGHT = 2;

const port = parentPort;
if (port) {
  let unanswered = 0;
  let caughtUp: (() => void) | undefined;
  /** The job's reads not yet answered, by number. */
  const delivered = new Map<number, (bytes: FileRead[]) => void>();
  let reads = 0;
  /** The started job's file list, once it comes. */
  let filesOf: { job: number; deliver(files: IndexJobFiles): void } | undefined;
  port.on('message', (request: WorkerRequest) => {
    if ('explain' in request) {
      let result: ExplainedBank | { error: string };
      try {
        result = explainBankFile(request.source, request.domains, request.extra);
      } catch (error) {
        result = { error: error instanceof Error ? error.message : String(error) };
      }
      const reply: WorkerReply = { explained: request.explain, result };
      port.postMessage(reply);
      return;
    }
    if ('ack' in request) {
      unanswered = Math.max(0, unanswered - 1);
      caughtUp?.();
      caughtUp = undefined;
      return;
    }
    if ('bytes' in request) {
      delivered.get(request.read)?.(request.bytes);
      delivered.delete(request.read);
      return;
    }
    if ('files' in request) {
      if (filesOf?.job === request.job) filesOf.deliver(request.files);
      filesOf = undefined;
      return;
    }
    const { job } = request;
    unanswered = 0;
    const files = new Promise<IndexJobFiles>((deliver) => (filesOf = { job, deliver }));
    const read = (files: number[]) =>
      new Promise<FileRead[]>((resolve) => {
        const read = ++reads;
        delivered.set(read, resolve);
        const reply: WorkerReply = { job, read, files };
        port.postMessage(reply);
      });
    const post = async (message: IndexJobMessage) => {
      while (unanswered >= IN_FLIGHT) await new Promise<void>((resolve) => (caughtUp = resolve));
      unanswered++;
      const reply: WorkerReply = { job, message };
      // The cache's and the outline's bytes are large and not needed here afterwards: moved, not copied.
      const moved = message.kind === 'done' ? [message.cache, message.outline].flatMap((bytes) => (bytes ? [bytes.buffer as ArrayBuffer] : [])) : [];
      port.postMessage(reply, moved);
    };
    runIndexJob(request.start, files, post, () => Promise.resolve(), read).catch((error: unknown) =>
      port.postMessage({ job, message: { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } }),
    );
  });
}
