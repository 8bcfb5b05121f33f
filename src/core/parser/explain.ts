// `dojo lint --explain`: how each part of one bank file was read, one line per block range, then its diagnostics.
import type { Diagnostic } from '../model';
import type { TraceEntry } from './trace';

const RANGE_WIDTH = 7;

/** The explanation as lines of text: the parser's trace of the file (`readBank(…, { trace: true })`), then `diagnostics`. */
export function explanationLines(trace: readonly TraceEntry[], diagnostics: readonly Diagnostic[]): string[] {
  const lines = trace.map((entry) => {
    const range = entry.start === entry.end ? `${entry.start}` : `${entry.start}-${entry.end}`;
    return `${range.padEnd(RANGE_WIDTH - 1)} ${entry.text}`;
  });
  lines.push(diagnostics.length === 0 ? 'No diagnostics.' : `Diagnostics:`);
  for (const diagnostic of [...diagnostics].sort((a, b) => a.line - b.line)) lines.push(`${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`);
  return lines;
}
