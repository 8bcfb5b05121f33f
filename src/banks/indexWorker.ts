// Entry of dist/indexWorker.js, the bundle that holds the parser and markdown-it (the extension's bundle does not).
// Started as a worker thread it runs the index jobs the host posts; required in thread it only exports the job.
import { parentPort } from 'node:worker_threads';
import { runIndexJob } from '../core/indexJob';
import type { IndexJobMessage, IndexJobRequest } from '../core/indexJobProtocol';

export { runIndexJob };

/** What the host posts: one job. Replies are `{ job, message }`. */
export interface WorkerJob {
  job: number;
  request: IndexJobRequest;
}

export interface WorkerReply {
  job: number;
  message: IndexJobMessage;
}

const port = parentPort;
if (port) {
  port.on('message', ({ job, request }: WorkerJob) => {
    const post = (message: IndexJobMessage) => {
      const reply: WorkerReply = { job, message };
      // The cache's bytes are large and not needed here afterwards: moved, not copied.
      port.postMessage(reply, message.kind === 'done' && message.cache ? [message.cache.buffer as ArrayBuffer] : []);
    };
    runIndexJob(request, post, () => Promise.resolve()).catch((error: unknown) =>
      post({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
