// `dojo lint --explain`: how each part of one bank file was read, one line per block range, then its diagnostics.
import type { Diagnostic } from '../model';
import { readBank } from './parseBank';

const RANGE_WIDTH = 7;

/** The explanation as lines of text; `extra` are diagnostics found after parsing (the indexer's). */
export function explainBank(file: string, text: string, extra: readonly Diagnostic[] = []): string[] {
  const { bank, trace = [] } = readBank(file, text, { trace: true });
  const lines = trace.map((entry) => {
    const range = entry.start === entry.end ? `${entry.start}` : `${entry.start}-${entry.end}`;
    return `${range.padEnd(RANGE_WIDTH - 1)} ${entry.text}`;
  });
  const diagnostics = [...bank.diagnostics, ...extra.filter((d) => !bank.diagnostics.some((own) => own.message === d.message && own.line === d.line))];
  lines.push(diagnostics.length === 0 ? 'No diagnostics.' : `Diagnostics:`);
  for (const diagnostic of diagnostics.sort((a, b) => a.line - b.line)) lines.push(`${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`);
  return lines;
}
