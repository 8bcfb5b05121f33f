// The harness's side of protocol.ts: appends commands for the probe in the extension host and waits for its
// events, failing clearly when the probe reports an error or says nothing in time.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { delay } from '../../test/host/codeServer';
import { HarnessError } from '../../test/host/teardown';
import { commandsFileName, eventsFileName, type Command, type ProbeEvent } from './protocol';

const POLL_MS = 20;

/** A command without its sequence number (the mailbox numbers them). */
type Request = Command extends infer C ? (C extends Command ? Omit<C, 'seq'> : never) : never;

export class Mailbox {
  private seq = 0;
  private linesRead = 0;
  private readonly events: ProbeEvent[] = [];

  constructor(private readonly dir: string) {}

  /** Sends a command and resolves with the probe's reply to it. */
  async call<Result>(request: Request, timeoutMs = 120_000): Promise<Result> {
    const seq = ++this.seq;
    appendFileSync(path.join(this.dir, commandsFileName), `${JSON.stringify({ ...request, seq })}\n`);
    return this.waitFor(
      (event) => {
        if (event.type === 'failed' && event.seq === seq) throw new HarnessError(`The probe failed "${request.type}": ${event.error}`);
        return event.type === 'reply' && event.seq === seq ? (event.result as Result) : undefined;
      },
      timeoutMs,
      `a reply to "${request.type}"`,
    );
  }

  /** The first event `pick` returns a value for; a failure outside any command (activation) fails it too. */
  async waitFor<T>(pick: (event: ProbeEvent) => T | undefined, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.read();
      for (const event of this.events) {
        if (event.type === 'failed' && event.seq === undefined) throw new HarnessError(`The probe failed: ${event.error}`);
        const value = pick(event);
        if (value !== undefined) return value;
      }
      if (Date.now() > deadline) throw new HarnessError(`The probe sent no ${what} within ${timeoutMs / 1000} s`);
      await delay(POLL_MS);
    }
  }

  private read(): void {
    const file = path.join(this.dir, eventsFileName);
    if (!existsSync(file)) return;
    const complete = readFileSync(file, 'utf8').split('\n').slice(0, -1);
    for (const line of complete.slice(this.linesRead)) this.events.push(JSON.parse(line) as ProbeEvent);
    this.linesRead = complete.length;
  }
}
