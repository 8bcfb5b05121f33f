// BENCHMARKS.md: one table of results with the machine they were measured on.
import * as os from 'node:os';

export interface Row {
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
}

export function ms(value: number): string {
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

export function ratio(ours: number, baseline: number): string {
  const value = ours / baseline;
  return `${value < 0.1 ? value.toPrecision(2) : value.toFixed(2)}×`;
}

function machineNote(): string {
  const cpus = os.cpus();
  const load = os.loadavg()[0].toFixed(1);
  return `${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.arch()}; 1-minute load average ${load} when the run ended (other work on the machine inflates the figures)`;
}

export function benchmarksMarkdown(rows: readonly Row[], notes: readonly string[], date: string): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    '# Benchmarks',
    '',
    `Measured ${date} with \`npm run bench\` (bench/run.mjs), which rewrites this file.`,
    `Machine: ${machineNote()}.`,
    '',
    line(['What', 'Ours', 'Baseline', 'Ratio', 'Target']),
    line(['---', '---:', '---:', '---:', '---']),
    ...rows.map((row) => line([row.what, row.ours, row.baseline, row.ratio, row.target])),
    '',
    ...notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}
