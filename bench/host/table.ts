// The readable table `npm run bench:host` prints (BENCHMARKS.md is rendered elsewhere, from the JSON).
import type { ResultRow, Spread } from '../results';

function amount(value: number, unit: ResultRow['unit']): string {
  const digits = unit === 'MiB' || value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

function spreadText(spread: Spread, unit: ResultRow['unit']): string {
  return `${amount(spread.median, unit)} (${spread.min.toFixed(unit === 'MiB' ? 1 : 0)}–${spread.max.toFixed(unit === 'MiB' ? 1 : 0)}, n=${spread.runs})`;
}

export function resultsTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((row) => [
    row.id,
    spreadText(row.ours, row.unit),
    row.baseline ? spreadText(row.baseline.spread, row.unit) : '',
    row.ratio === undefined ? '' : `${row.ratio}×`,
    row.target ? `${row.target.kind === 'ratio' ? '≤ ' + row.target.value + '×' : '≤ ' + amount(row.target.value, row.unit)} ${row.target.met ? 'met' : 'NOT met'}` : '',
  ]);
  const header = ['row', 'ours: median (min–max, runs)', 'baseline', 'ratio', 'target'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i].length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}
