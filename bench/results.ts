// The machine-readable results of `npm run bench` (bench/results.json) and `npm run bench:host`
// (bench/host-results.json); BENCHMARKS.md is rendered from them, and rewritten only when asked.

/** Milliseconds, MiB or another unit, over several runs: what is quoted is the median with its spread. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** How many runs the spread is over. */
  runs: number;
}

export interface Target {
  /** `ratio`: ours / baseline at most `value`; `absolute`: ours at most `value` (in `unit`); `minimum`: at least. */
  kind: 'ratio' | 'absolute' | 'minimum';
  value: number;
  met: boolean;
}

export interface ResultRow {
  /** Stable key, e.g. `index+search/10k`. */
  id: string;
  /** One line for the table: what is measured, on what data. */
  what: string;
  unit: 'ms' | 'MiB' | 'KB' | '%';
  ours: Spread;
  /** Measured in the same run, alternately with ours where that applies. */
  baseline?: { what: string; spread: Spread };
  /** ours.median / baseline.median. */
  ratio?: number;
  target?: Target;
}

export interface BenchResults {
  /** ISO date-time the run ended. */
  measuredAt: string;
  /** Cores, CPU, RAM, Node, platform, and the load average during the run. */
  machine: string;
  /** The command that produced it (`npm run bench`, `npm run bench:host`). */
  command: string;
  rows: ResultRow[];
  /** How each figure was measured. */
  notes: string[];
}
