import { existsSync, readFileSync } from 'node:fs';

/** The last lines of a log file, to quote in an error message. */
export function logTail(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
