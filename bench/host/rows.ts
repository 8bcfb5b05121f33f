// The rows of bench/host-results.json (schema: bench/results.ts) from the windows' samples.
import type { ResultRow, Spread, Target } from '../results';
import { percentile } from '../timing';
import type { WindowSample } from './window';

export type Banks = 'bundled' | '10k';
export type Start = 'cold' | 'warm';
export type Samples = Record<Banks, Record<Start, WindowSample[]>>;

/** Block targets of issue 9 (ms). */
const BLOCK_TARGET_MS: Record<Banks, number> = { bundled: 50, '10k': 100 };
const WARM_TARGET_RATIO = 0.1;
const STAR_TARGET_RATIO = 2;
const HEAP_TARGET_RATIO = 1.1;

const BANKS_LABEL: Record<Banks, string> = { bundled: 'bundled banks', '10k': 'bundled + 10k-question extra bank' };

export function spreadOf(samples: readonly number[]): Spread {
  return { median: percentile(samples, 50), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

function row(
  id: string,
  what: string,
  unit: ResultRow['unit'],
  ours: readonly number[],
  baseline?: { what: string; samples: readonly number[] },
  target?: Omit<Target, 'met'>,
): ResultRow {
  const oursSpread = spreadOf(ours);
  const result: ResultRow = { id, what, unit, ours: oursSpread };
  if (baseline && baseline.samples.length > 0) {
    const spread = spreadOf(baseline.samples);
    result.baseline = { what: baseline.what, spread };
    result.ratio = round(oursSpread.median / spread.median, 3);
  }
  if (target) {
    const value = target.kind === 'ratio' ? result.ratio : oursSpread.median;
    result.target = { ...target, met: value !== undefined && value <= target.value };
  }
  return result;
}

export function resultRows(samples: Samples): ResultRow[] {
  const rows: ResultRow[] = [];
  const banksList: Banks[] = ['bundled', '10k'];
  const all = (banks: Banks) => [...samples[banks].cold, ...samples[banks].warm];
  const present = banksList.filter((banks) => all(banks).length > 0);

  for (const banks of present) {
    for (const start of ['cold', 'warm'] as const) {
      const windows = samples[banks][start];
      if (windows.length === 0) continue;
      rows.push(
        row(
          `host/block/activation/${banks}/${start}`,
          `Longest event-loop block in the extension host, activation → tree rows, ${BANKS_LABEL[banks]}, ${start} start`,
          'ms',
          windows.map((w) => w.activation.blockMs),
          { what: 'idle extension host, longest block over the same duration', samples: windows.map((w) => w.idleFloor.activationMs) },
          { kind: 'absolute', value: BLOCK_TARGET_MS[banks] },
        ),
      );
    }
    rows.push(
      row(
        `host/block/reload/${banks}`,
        `Longest event-loop block in the extension host during a reload (library.reload()), ${BANKS_LABEL[banks]}`,
        'ms',
        all(banks).map((w) => w.reload.blockMs),
        { what: 'idle extension host, longest block over the same duration', samples: all(banks).map((w) => w.idleFloor.reloadMs) },
        { kind: 'absolute', value: BLOCK_TARGET_MS[banks] },
      ),
    );
  }

  for (const banks of present) {
    const { cold, warm } = samples[banks];
    if (warm.length === 0) continue;
    rows.push(
      row(
        `host/index/${banks}/warm`,
        `Index time, activate() → tree rows, ${BANKS_LABEL[banks]}, warm start (cache from the previous window)`,
        'ms',
        warm.map((w) => w.indexMs),
        { what: 'cold start (empty globalStorage), same run', samples: cold.map((w) => w.indexMs) },
        banks === '10k' ? { kind: 'ratio', value: WARM_TARGET_RATIO } : undefined,
      ),
    );
  }

  for (const banks of present) {
    for (const start of ['cold', 'warm'] as const) {
      const windows = samples[banks][start];
      if (windows.length === 0) continue;
      rows.push(
        row(
          `host/click-to-row/${banks}/${start}`,
          `Click on the activity-bar icon → first tree row visible (activates the extension), ${BANKS_LABEL[banks]}, ${start} start`,
          'ms',
          windows.map((w) => w.clickToRowMs),
          { what: "the Explorer's click → first row, same windows", samples: windows.map((w) => w.explorerClickToRowMs) },
        ),
      );
    }
  }

  const bundledBaseline = (what: string, pick: (w: WindowSample) => number) =>
    ({ what: `${what}, bundled banks, same run`, samples: all('bundled').map(pick) });
  const perBanks = (
    key: string,
    what: string,
    pick: (w: WindowSample) => number,
    target?: Omit<Target, 'met'>,
  ) => {
    for (const banks of present) {
      const tenK = banks === '10k';
      rows.push(row(`host/${key}/${banks}`, `${what}, ${BANKS_LABEL[banks]}`, 'ms', all(banks).map(pick), tenK ? bundledBaseline(what, pick) : undefined, tenK ? target : undefined));
    }
  };
  perBanks('open', 'Open a question (click on its tree row) → the practice panel reports it rendered', (w) => w.openMs);
  perBanks('reveal', 'Reveal (click in the panel) → the panel reports the reference rendered', (w) => w.revealMs);
  perBanks('star', "Star a question → the tree's change event and its rows rebuilt (extension host)", (w) => w.star.rebuiltMs, {
    kind: 'ratio',
    value: STAR_TARGET_RATIO,
  });
  perBanks('star-visible', 'Star a question → the star shows on its tree row (browser)', (w) => w.star.visibleMs);

  for (const banks of present) {
    const heaps = all(banks).flatMap((w) => (w.heap ? [w.heap] : []));
    if (heaps.length === 0) continue;
    rows.push(
      row(
        `host/heap/${banks}`,
        `Live heap of the extension host after GC, after ${heaps[0].reloads} reloads, ${BANKS_LABEL[banks]}`,
        'MiB',
        heaps.map((heap) => round(heap.afterMiB, 1)),
        { what: 'after the first load (GC), same window', samples: heaps.map((heap) => round(heap.firstMiB, 1)) },
        { kind: 'ratio', value: HEAP_TARGET_RATIO },
      ),
    );
  }
  return rows;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
