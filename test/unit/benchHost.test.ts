// The arithmetic of `npm run bench:host`: which blocks count for a span, and how the windows' samples become rows
// with baselines, ratios and the targets of issue 9.
import * as assert from 'node:assert/strict';
import { longestBlock } from '../../bench/host/probe/lagMonitor';
import { resultRows, type Samples } from '../../bench/host/rows';
import type { WindowSample } from '../../bench/host/window';

describe('bench:host', () => {
  describe('longestBlock', () => {
    const blocks = [
      { start: 100, end: 130 },
      { start: 200, end: 400 },
      { start: 500, end: 510 },
    ];

    it('counts a block that overlaps the span only in part', () => {
      assert.equal(longestBlock(blocks, { start: 350, end: 505 }), 200);
    });

    it('ignores blocks that end before the span or start after it', () => {
      assert.equal(longestBlock(blocks, { start: 130, end: 200 }), 0);
      assert.equal(longestBlock(blocks, { start: 410, end: 600 }), 10);
    });
  });

  describe('resultRows', () => {
    const samples: Samples = {
      bundled: { cold: [window({ block: 40, index: 1000, star: 10 }), window({ block: 60, index: 1200, star: 12 })], warm: [window({ block: 30, index: 500, star: 10 })] },
      '10k': { cold: [window({ block: 900, index: 8000, star: 30 })], warm: [window({ block: 80, index: 700, star: 22 })] },
    };
    const rows = new Map(resultRows(samples).map((row) => [row.id, row]));

    it('quotes the median with its spread and holds a block row against its absolute target', () => {
      const row = rows.get('host/block/activation/bundled/cold')!;
      assert.deepEqual(row.ours, { median: 40, min: 40, max: 60, runs: 2 });
      assert.deepEqual(row.target, { kind: 'absolute', value: 50, met: true });
      assert.deepEqual(rows.get('host/block/activation/10k/cold')!.target, { kind: 'absolute', value: 100, met: false });
      assert.equal(rows.get('host/block/activation/10k/warm')!.target!.met, true);
    });

    it('holds warm against cold at 10k (0.1×) and the star at 10k against the bundled star (2×)', () => {
      const warm = rows.get('host/index/10k/warm')!;
      assert.equal(warm.baseline!.spread.median, 8000);
      assert.equal(warm.ratio, 0.088);
      assert.deepEqual(warm.target, { kind: 'ratio', value: 0.1, met: true });
      assert.equal(rows.get('host/index/bundled/warm')!.target, undefined);

      const star = rows.get('host/star/10k')!;
      assert.equal(star.baseline!.spread.median, 10);
      assert.deepEqual(star.target, { kind: 'ratio', value: 2, met: false });
    });

    it('makes no heap row when no window measured the heap', () => {
      assert.equal(rows.has('host/heap/bundled'), false);
    });
  });
});

function window({ block, index, star }: { block: number; index: number; star: number }): WindowSample {
  return {
    quiet: { waitedMs: 1000, quiet: true },
    activation: { type: 'populated', activeSeen: 0, loaded: 0, populated: index, span: { start: 0, end: index }, blockMs: block, rows: 10 },
    clickToRowMs: index + 200,
    indexMs: index,
    explorerClickToRowMs: 20,
    reload: { durationMs: index, blockMs: block },
    star: { start: 0, rebuiltMs: star, blockMs: star, visibleMs: star + 40 },
    openMs: 300,
    revealMs: 80,
    renderedBy: 'host',
    idleFloor: { activationMs: 5, reloadMs: 5 },
  };
}
