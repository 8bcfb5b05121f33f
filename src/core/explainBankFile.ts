// One bank file explained: how each part was read, then every diagnostic indexing it gives (decoding, the parser, no
// questions, the front matter's domain) together with `extra` ones found across banks. For `dojo lint --explain` and
// the extension's "Explain How a Bank Is Read"; it parses, so the extension runs it where the index jobs run.
import { indexReading, type BankSource } from './bankFile';
import { decodeBank } from './decode';
import type { Diagnostic, Domain } from './model';
import { explanationLines, readBank } from './parser';

export interface ExplainedBank {
  lines: string[];
  diagnostics: Diagnostic[];
}

/** The slug ids would start with: none are shown, so any will do. */
const EXPLAIN_SLUG = 'explain';

export function explainBankFile(source: Pick<BankSource, 'file' | 'bytes'>, domains: readonly Domain[], extra: readonly Diagnostic[] = []): ExplainedBank {
  const decoded = decodeBank(source.file, source.bytes);
  // One parse serves both: the trace for the lines, the reading for indexing's diagnostics.
  const reading = readBank(source.file, decoded.text, { trace: true });
  const indexed = indexReading(source, EXPLAIN_SLUG, domains, decoded.diagnostics, reading);
  const seen = new Set<string>();
  const diagnostics = [...indexed.diagnostics, ...extra].filter((diagnostic) => {
    const key = `${diagnostic.line}\u0000${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { lines: explanationLines(reading.trace ?? [], diagnostics), diagnostics };
}
