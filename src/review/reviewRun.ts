// One run of "Dojo: Start Review": the questions planned when it started, where it stands, and the grades given.
// Pure (no host access), so the session's logic is unit-tested under Node; src/review/reviewSession.ts adapts it.
import type { Grade } from '../core/review/grades';

export type RunStep = { next: string } | { finished: true };

export class ReviewRun {
  private position = 0;
  /** Positions left by a grade, latest last, so that undoing that grade goes back to its question. */
  private readonly left: { id: string; grade: Grade; from: number }[] = [];
  private readonly counts: Record<Grade, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };

  /** `plan`: due questions first, then new ones (the queue's order at the start). Not empty. */
  constructor(readonly plan: readonly string[]) {}

  get current(): string | undefined {
    return this.plan[this.position];
  }

  /** Grades given in this run, by grade. */
  get grades(): Record<Grade, number> {
    return { ...this.counts };
  }

  /** "Review 3 of 12" for the current question only. */
  positionOf(id: string): { index: number; total: number } | undefined {
    return id === this.current ? { index: this.position + 1, total: this.plan.length } : undefined;
  }

  /**
   * After the current question was graded: the next planned question that `isOpen` (still due or new; one graded
   * elsewhere meanwhile is skipped), or finished. Undefined when `id` is not the current question (the run stays).
   */
  afterGrade(id: string, grade: Grade, isOpen: (id: string) => boolean): RunStep | undefined {
    if (id !== this.current) return undefined;
    this.left.push({ id, grade, from: this.position });
    this.counts[grade]++;
    do this.position++;
    while (this.position < this.plan.length && !isOpen(this.plan[this.position]!));
    const next = this.current;
    return next === undefined ? { finished: true } : { next };
  }

  /** The grade of `id` was undone: when it was the last one this run counted, go back to that question. */
  undo(id: string): boolean {
    const last = this.left[this.left.length - 1];
    if (last?.id !== id) return false;
    this.left.pop();
    this.counts[last.grade]--;
    this.position = last.from;
    return true;
  }
}
