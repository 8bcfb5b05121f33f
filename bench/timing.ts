// Small timing helpers: wall-clock milliseconds, percentiles, and spreads (median with min–max) over runs.
import { performance } from 'node:perf_hooks';
import type { Spread } from './results';

export function timeMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export function spreadOf(samples: readonly number[]): Spread {
  return { median: percentile(samples, 50), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** Runs a full GC when node was started with --expose-gc, so one measurement's garbage does not land in the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Spreads of two alternatives, run alternately (so both see the same machine noise) after `warmups` untimed runs
 * of each, with a full GC before each timed run.
 */
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
  return { ours: spreadOf(oursSamples), baseline: spreadOf(baselineSamples) };
}
