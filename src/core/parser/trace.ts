// How each part of a bank file was read, block range by block range, for `dojo lint --explain`. Only recorded when
// asked for, so indexing pays nothing for it.
import type { LineRange, QuestionDraft } from './draft';

export interface TraceEntry {
  /** 1-based lines in the original file. */
  start: number;
  end: number;
  text: string;
}

export class Trace {
  private readonly list: TraceEntry[] = [];
  /** Prose entries that follow each other merge into one range. */
  private lastProse: TraceEntry | undefined;

  add(start: number, end: number, text: string): void {
    this.list.push({ start, end, text });
    this.lastProse = undefined;
  }

  prose([start, end]: LineRange): void {
    if (this.lastProse && this.list[this.list.length - 1] === this.lastProse) {
      this.lastProse.end = Math.max(this.lastProse.end, end);
      return;
    }
    this.add(start, end, 'prose (not part of a question)');
    this.lastProse = this.list[this.list.length - 1];
  }

  question(title: string, draft: QuestionDraft): void {
    const parts = (['prompt', 'answer', 'analysis', 'code'] as const)
      .filter((part) => draft.lines[part])
      .map((part) => `${part} ${lines(draft.lines[part] as LineRange)}`);
    this.add(draft.start.line, draft.end, `question ${JSON.stringify(title)} (${draft.start.layout}): ${parts.join(', ')}`);
  }

  /** In file order (a question is recorded when it ends, after the blocks inside it). */
  entries(): TraceEntry[] {
    return [...this.list].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

function lines([start, end]: LineRange): string {
  return start === end ? `${start}` : `${start}-${end}`;
}
