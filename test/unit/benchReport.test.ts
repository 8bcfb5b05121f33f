import * as assert from 'node:assert/strict';
import { benchmarksMarkdown } from '../../bench/report';
import type { BenchResults, ResultRow } from '../../bench/results';

function results(rows: ResultRow[]): BenchResults {
  return { measuredAt: '2026-01-01T00:00:00.000Z', machine: 'test machine', command: 'npm run bench', rows, notes: [] };
}

describe('BENCHMARKS.md rendering (bench/report.ts)', () => {
  const single = (value: number) => ({ median: value, min: value, max: value, runs: 1 });

  it('shows a percentage to one decimal and a lower bound as "≥ value %", met or not', () => {
    const markdown = benchmarksMarkdown(
      results([
        { id: 'corpus/recall', what: 'Recall', unit: '%', ours: single(96.25), target: { kind: 'minimum', value: 95, met: true } },
        { id: 'corpus/precision', what: 'Precision', unit: '%', ours: single(66.66), target: { kind: 'minimum', value: 95, met: false } },
        { id: 'corpus/general', what: 'General', unit: '%', ours: single(2), target: { kind: 'absolute', value: 5, met: true } },
      ]),
    );
    assert.ok(markdown.includes('| Recall | 96.3 % | — | — | ≥ 95 % met |'), markdown);
    assert.ok(markdown.includes('| Precision | 66.7 % | — | — | ≥ 95 % **NOT met** |'), markdown);
    assert.ok(markdown.includes('| General | 2.0 % | — | — | ≤ 5 % met |'), markdown);
  });
});
