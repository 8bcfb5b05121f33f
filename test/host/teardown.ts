// Signals and process exit are per process, so whatever the harness starts (code-server, Chromium, temp dirs)
// registers its stop function in this one process-wide list. `runMain` stops everything on success, failure,
// Ctrl-C and SIGTERM; the synchronous `kill` is the last resort when the process exits without awaiting.

interface Resource {
  readonly name: string;
  /** Graceful, awaited stop. */
  stop(): Promise<void>;
  /** Immediate, synchronous stop for the `exit` event. */
  kill(): void;
}

const resources: Resource[] = [];
let stopping = false;

/** True once Ctrl-C or SIGTERM asked the harness to stop: what ends now ends because of it. */
export function isStopping(): boolean {
  return stopping;
}

/**
 * Registers a resource; the returned function unregisters it. Call it when the resource is fully stopped, so a
 * forced exit while it is still stopping can kill it.
 */
export function track(resource: Resource): () => void {
  resources.push(resource);
  return () => {
    const index = resources.indexOf(resource);
    if (index >= 0) resources.splice(index, 1);
  };
}

/** Stops everything still registered, last started first; one failure does not keep the others running. */
export async function stopAll(): Promise<void> {
  while (resources.length > 0) {
    const resource = resources[resources.length - 1];
    try {
      await resource.stop();
    } catch (error) {
      console.error(`Could not stop ${resource.name}: ${errorText(error)}`);
      resource.kill();
    }
    const index = resources.indexOf(resource);
    if (index >= 0) resources.splice(index, 1);
  }
}

function killAll(): void {
  for (const resource of resources.splice(0).reverse()) resource.kill();
}

/**
 * Runs a harness entry point: its result is the exit code; a thrown error prints its message (no stack
 * for expected failures) and exits 1. A second Ctrl-C while stopping kills at once.
 */
export function runMain(main: () => Promise<number>): void {
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals, exitCode: number) => {
    if (stopping) {
      // Ctrl-C reaches this process twice (from the terminal and relayed by npm/tsx): only a later one forces.
      if (Date.now() - firstSignalAt < 2000) return;
      killAll();
      process.exit(exitCode);
    }
    stopping = true;
    firstSignalAt = Date.now();
    console.error(`\n${signal}: stopping the host and the browser...`);
    void stopAll().finally(() => process.exit(exitCode));
  };
  process.on('SIGINT', () => onSignal('SIGINT', 130));
  process.on('SIGTERM', () => onSignal('SIGTERM', 143));
  process.on('SIGHUP', () => onSignal('SIGHUP', 129));
  process.on('exit', killAll);

  main()
    .catch((error: unknown) => {
      if (!stopping) console.error(error instanceof HarnessError ? `\n${error.message}` : error);
      return 1;
    })
    .then(async (exitCode) => {
      // After a signal, the signal handler decides the exit code.
      if (stopping) return;
      await stopAll();
      process.exit(exitCode);
    });
}

/** An expected failure with a message meant for the person reading the CI log. */
export class HarnessError extends Error {}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
