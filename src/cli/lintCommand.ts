// `dojo lint [paths…]`: the diagnostics only, failing when any is an error (for bank authors' CI).
// `dojo lint --explain <file>`: how each part of one file was read, then its diagnostics.
import { explainBankFile } from '../core/explainBankFile';
import { loadIndex, readBankSources, readTaxonomy } from './bankFiles';
import { CliError } from './errors';
import { formatDiagnostic, type Output } from './output';

export function lintCommand(paths: readonly string[], output: Output): number {
  const { diagnostics, documents } = loadIndex(paths, readTaxonomy(output.err));
  for (const diagnostic of diagnostics) output.out(formatDiagnostic(diagnostic));
  const count = (severity: string) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const errors = count('error');
  output.out(`${errors} error(s), ${count('warning')} warning(s), ${count('info')} note(s) in ${documents.length} file(s)`);
  return errors > 0 ? 1 : 0;
}

export function explainCommand(paths: readonly string[], output: Output): number {
  if (paths.length !== 1) throw new CliError('dojo lint --explain: give exactly one bank file', 2);
  const { sources } = readBankSources(paths);
  if (sources.length !== 1) throw new CliError(`dojo lint --explain: "${paths[0]}" is not one bank file`, 2);
  const { lines, diagnostics } = explainBankFile(sources[0], readTaxonomy(output.err).domains);
  for (const line of lines) output.out(line);
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0;
}
