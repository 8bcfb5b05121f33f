// BENCHMARKS.md, rendered from the machine-readable results of `npm run bench` (bench/results.json) and, when
// present, `npm run bench:host` (bench/host-results.json).
import * as os from 'node:os';
import type { BenchResults, ResultRow, Spread } from './results';

/** Cores, CPU, RAM, Node, platform, and the 1-minute load average at the start and the end of the run. */
export function machineNote(loadAtStart: number): string {
  const cpus = os.cpus();
  const load = (value: number) => value.toFixed(1);
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}; 1-minute load average ${load(loadAtStart)} when the run started and ${load(os.loadavg()[0])} when it ended (the machine is shared: other work inflates the figures, ratios to a baseline run alternately with ours are steadier than absolute times)`;
}

function number(value: number, unit: ResultRow['unit']): string {
  if (unit === 'ms') return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
  if (unit === '%') return value.toFixed(1);
  return value.toFixed(0);
}

function spread(value: Spread, unit: ResultRow['unit']): string {
  const range = value.runs > 1 ? ` (${number(value.min, unit)}–${number(value.max, unit)})` : '';
  return `${number(value.median, unit)} ${unit}${range}`;
}

function ratio(value: number): string {
  return `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}×`;
}

function target(row: ResultRow): string {
  if (!row.target) return '—';
  const bound =
    row.target.kind === 'ratio' ? `≤ ${row.target.value.toFixed(1)}×` : `${row.target.kind === 'minimum' ? '≥' : '≤'} ${row.target.value} ${row.unit}`;
  return `${bound} ${row.target.met ? 'met' : '**NOT met**'}`;
}

function section(title: string, results: BenchResults): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `## ${title}`,
    '',
    `Measured ${results.measuredAt.slice(0, 16).replace('T', ' ')} UTC with \`${results.command}\`.`,
    `Machine: ${results.machine}.`,
    '',
    'Figures are medians with the spread (min–max) over the runs; each row names its baseline, measured in the same run.',
    '',
    line(['What', 'Ours', 'Baseline', 'Ratio', 'Target']),
    line(['---', '---:', '---', '---:', '---']),
    ...results.rows.map((row) =>
      line([
        row.what,
        spread(row.ours, row.unit),
        row.baseline ? `${row.baseline.what}: ${spread(row.baseline.spread, row.unit)}` : '—',
        typeof row.ratio === 'number' && Number.isFinite(row.ratio) ? ratio(row.ratio) : '—', // JSON stores a ratio to a zero baseline as null
        target(row),
      ]),
    ),
    '',
    ...results.notes.map((note) => `- ${note}`),
    '',
  ];
}

export function benchmarksMarkdown(core: BenchResults, host?: BenchResults): string {
  return [
    '# Benchmarks',
    '',
    'Rendered from bench/results.json (`npm run bench`) and bench/host-results.json (`npm run bench:host`) by',
    '`npm run bench:report` (or `npm run bench -- --write`); a plain `npm run bench` only rewrites bench/results.json.',
    '',
    ...section('Core (plain Node)', core),
    ...(host ? section('In the real host', host) : ['## In the real host', '', 'No bench/host-results.json yet: run `npm run bench:host`.', '']),
  ].join('\n');
}
