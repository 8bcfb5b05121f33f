// `dojo lint [paths…]`: the diagnostics only, failing when any is an error (for bank authors' CI).
import { loadIndex } from './bankFiles';
import { formatDiagnostic, type Output } from './output';

export function lintCommand(paths: readonly string[], output: Output): number {
  const { diagnostics, documents } = loadIndex(paths);
  for (const diagnostic of diagnostics) output.out(formatDiagnostic(diagnostic));
  const count = (severity: string) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  const errors = count('error');
  output.out(`${errors} error(s), ${count('warning')} warning(s), ${count('info')} note(s) in ${documents.length} file(s)`);
  return errors > 0 ? 1 : 0;
}
