// Small timing helpers: wall-clock milliseconds, medians and percentiles.
import { performance } from 'node:perf_hooks';

export function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Median times of two alternatives, run alternately (so both see the same machine noise) after
 * `warmups` untimed runs of each.
 */
export function compareMedians(
  ours: () => unknown,
  baseline: () => unknown,
  warmups: number,
  iterations: number,
): { ours: number; baseline: number } {
  const { ours: oursSpread, baseline: baselineSpread } = compareSpreads(ours, baseline, warmups, iterations);
  return { ours: oursSpread.median, baseline: baselineSpread.median };
}

/** Runs a full GC when node was started with --expose-gc, so one measurement's garbage does not land in the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Like compareMedians, with the fastest and slowest run of each beside the median. */
export function compareSpreads(
  ours: () => unknown,
  baseline: () => unknown,
  warmups: number,
  iterations: number,
): { ours: Spread; baseline: Spread } {
  for (let i = 0; i < warmups; i++) {
    ours();
    baseline();
  }
  const oursSamples: number[] = [];
  const baselineSamples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    collectGarbage();
    oursSamples.push(timeMs(ours));
    collectGarbage();
    baselineSamples.push(timeMs(baseline));
  }
  const spread = (samples: number[]) => ({ median: median(samples), min: Math.min(...samples), max: Math.max(...samples) });
  return { ours: spread(oursSamples), baseline: spread(baselineSamples) };
}
