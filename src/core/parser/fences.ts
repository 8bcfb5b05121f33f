// A pre-pass that ends code fences a bank forgot to close. CommonMark lets an unclosed fence run to the end of the
// file, so one missing ``` would swallow every later question. A question heading inside a fence is far more likely
// a forgotten closing fence than code, so the fence is closed just before it.
import type { Diagnostic } from '../model';

export interface RepairedLines {
  /** The lines to give markdown-it: the original ones plus the inserted closing fences. */
  lines: string[];
  /** Indices in `lines` of the inserted closing fences, ascending. */
  inserted: number[];
  /** Indices in `lines` of the opening fences the bank never closed (ended here or at the end of the file). */
  unclosed: Set<number>;
  diagnostics: Diagnostic[];
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const QUESTION_HEADING = /^#{1,6}\s+(?:\d+[.、]\s*\S|\*\*面试题)/;
/** Inside a markdown example, headings are the example's content, not the bank's. */
const MARKDOWN_INFO = /^(?:markdown|md)$/i;

interface OpenFence {
  /** 1-based in the original file. */
  line: number;
  /** In `lines`. */
  index: number;
  indent: string;
  marker: string;
  exemptFromHeadings: boolean;
}

export function closeRunawayFences(file: string, source: readonly string[]): RepairedLines {
  const lines: string[] = [];
  const inserted: number[] = [];
  const unclosed = new Set<number>();
  const diagnostics: Diagnostic[] = [];
  let open: OpenFence | undefined;
  for (let i = 0; i < source.length; i++) {
    const line = source[i];
    if (open) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1][0] === open.marker[0] && close[1].length >= open.marker.length) {
        open = undefined;
      } else if (!open.exemptFromHeadings && QUESTION_HEADING.test(line)) {
        unclosed.add(open.index);
        inserted.push(lines.length);
        lines.push(open.indent + open.marker);
        diagnostics.push({
          file,
          line: open.line,
          severity: 'warning',
          message: `Code block opened at line ${open.line} is not closed; it was ended before the question heading at line ${i + 1}.`,
        });
        open = undefined;
      }
    } else {
      const fence = FENCE_OPEN.exec(line);
      // A backtick fence's info string may not contain backticks (then it is inline code, not a fence).
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        const lang = fence[3].trim().split(/\s+/)[0];
        open = {
          line: i + 1,
          index: lines.length,
          indent: fence[1],
          marker: fence[2],
          exemptFromHeadings: MARKDOWN_INFO.test(lang),
        };
      }
    }
    lines.push(line);
  }
  if (open) {
    unclosed.add(open.index);
    diagnostics.push({
      file,
      line: open.line,
      severity: 'warning',
      message: `Code block opened at line ${open.line} is not closed before the end of the file.`,
    });
  }
  return { lines, inserted, unclosed, diagnostics };
}

/** Maps a 0-based line of the repaired text back to the 1-based line of the original file. */
export function originalLine(repaired: RepairedLines, line: number): number {
  // Binary search: how many inserted lines come before `line`.
  let low = 0;
  let high = repaired.inserted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (repaired.inserted[middle] < line) low = middle + 1;
    else high = middle;
  }
  return line - low + 1;
}
