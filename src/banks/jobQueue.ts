// Index jobs run one after another, whichever indexer runs them.

export class JobQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `job` once every job queued before it has settled. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    // Settles with nothing: a finished job's result is not kept alive by the queue.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
