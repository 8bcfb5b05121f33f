// The contract between `npm run bench:host` (bench/host/run.ts, in Node) and its probe (bench/host/probe/index.ts),
// which runs as the extensionTestsPath module inside code-server's extension host, one window at a time.
// They talk through files: the harness appends commands, the probe appends events; every time is Date.now()
// (the harness, the page and the extension host share the machine's clock).

/** Names the folder holding `window.json`, which the probe reads when its window starts. */
export const benchDirVariable = 'DOJO_BENCH_DIR';
export const windowFileName = 'window.json';
export const commandsFileName = 'commands.jsonl';
export const eventsFileName = 'events.jsonl';

/** Written by the harness before it loads a window. */
export interface WindowPlan {
  /** This window's folder: the probe reads commands from it and writes events into it. */
  dir: string;
}

/** A time span on the shared clock (ms since the epoch). */
export interface Span {
  start: number;
  end: number;
}

export type Command =
  | { seq: number; type: 'waitQuiet'; quietMs: number; maxMs: number }
  | { seq: number; type: 'reload' }
  | { seq: number; type: 'pickQuestion' }
  | { seq: number; type: 'setStar'; questionId: string; starred: boolean }
  | { seq: number; type: 'renders' }
  /** The live heap (MiB) after a full GC. */
  | { seq: number; type: 'liveHeap' }
  /** Reloads the library `count` times in a row, untimed. */
  | { seq: number; type: 'reloads'; count: number }
  | { seq: number; type: 'idle'; durationsMs: number[] }
  | { seq: number; type: 'done' };

export interface Ready {
  type: 'ready';
  pid: number;
  /** True when something activated the extension before the harness clicked its view (a bug in the bench). */
  activeAtStart: boolean;
  at: number;
}

/** The extension activated (by the click on its view) and its tree has rows. */
export interface Populated {
  type: 'populated';
  /** VS Code's own performance marks of the activation (missing marks are undefined). */
  willLoadCode?: number;
  willActivate?: number;
  didActivate?: number;
  /** When the probe saw `isActive`, the tree provider returned rows, and `library.loaded` resolved (a warm start lists rows first). */
  activeSeen: number;
  loaded: number;
  populated: number;
  /** The activation span the block is measured over: from loading the code until the tree has rows and the index has loaded. */
  span: Span;
  /** Longest event-loop block in the span (ms). */
  blockMs: number;
  /** Top-level rows the provider returned. */
  rows: number;
  globalStoragePath?: string;
}

export interface Failed {
  type: 'failed';
  /** The command that failed, or undefined for the activation watcher. */
  seq?: number;
  error: string;
}

export interface Reply {
  type: 'reply';
  seq: number;
  result: unknown;
}

export type ProbeEvent = Ready | Populated | Failed | Reply;

export interface QuietResult {
  waitedMs: number;
  quiet: boolean;
}

export interface ReloadResult {
  durationMs: number;
  blockMs: number;
}

export interface PickedQuestion {
  groupLabel: string;
  questionTitle: string;
  questionId: string;
  starred: boolean;
}

export interface StarResult {
  /** When the probe ran the star command. */
  start: number;
  /** The command → the tree's change event → the provider's rows rebuilt (the host's cost). */
  rebuiltMs: number;
  blockMs: number;
}

export interface RenderReport {
  questionId: string;
  revealed: boolean;
  at: number;
}

export interface IdleResult {
  /** Longest block over the first `durationsMs[i]` of the idle span, for each duration asked. */
  blocksMs: number[];
}
