// Where commands write (main.ts passes the process streams), and the one line format of a diagnostic.
import type { Diagnostic } from '../core/model';

export interface Output {
  /** Writes one line (or block) to stdout. */
  out(text: string): void;
  /** Writes one line to stderr. */
  err(text: string): void;
}

/** `file:line: severity: message`, the shape editors and CI logs turn into links. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`;
}
