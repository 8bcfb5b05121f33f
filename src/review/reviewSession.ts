// The running review of "Dojo: Start Review", for the practice panel ("Review 3 of 12", the next question after a
// grade, the summary at the end). The order comes from the store's queue; the stepping is ReviewRun's.
import * as vscode from 'vscode';
import type { GivenGrade, ReviewSession, ReviewStore, ReviewSummary } from '../context';
import type { ReviewQueue } from '../core/review/queue';
import { ReviewRun } from './reviewRun';

export type ReviewStart = { first: string; total: number } | { nothing: ReviewQueue };

export class ReviewSessionController implements ReviewSession, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private run: ReviewRun | undefined;
  private candidates: readonly string[] = [];
  /** The grade that moved the review on last, to notice when it is undone (from the panel or the command). */
  private lastMove: GivenGrade | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly review: Pick<ReviewStore, 'queue' | 'lastGrade' | 'onDidChange'>) {
    this.subscription = review.onDidChange((ids) => this.noticeUndo(ids));
  }

  /** Starts a review of the due questions, then the new ones (in `candidates`' practice order), ending any other. */
  start(candidates: readonly string[]): ReviewStart {
    const queue = this.review.queue(candidates);
    const plan = [...queue.due, ...queue.fresh];
    this.candidates = candidates;
    this.lastMove = undefined;
    this.run = plan.length === 0 ? undefined : new ReviewRun(plan);
    this.changed.fire();
    if (plan.length === 0) return { nothing: queue };
    return { first: plan[0]!, total: plan.length };
  }

  get running(): boolean {
    return this.run?.current !== undefined;
  }

  positionOf(id: string): { index: number; total: number } | undefined {
    return this.run?.positionOf(id);
  }

  afterGrade(id: string): { next: string } | { summary: ReviewSummary } | undefined {
    const run = this.run;
    const given = this.review.lastGrade;
    if (!run || given?.id !== id) return undefined;
    const queue = this.review.queue(this.candidates);
    const open = new Set([...queue.due, ...queue.fresh]);
    const step = run.afterGrade(id, given.grade, (candidate) => open.has(candidate));
    if (step === undefined) return undefined;
    this.lastMove = given;
    this.changed.fire();
    if ('next' in step) return step;
    return { summary: { gradedToday: queue.today.graded, dueTomorrow: queue.dueTomorrow, grades: run.grades } };
  }

  /** The grade that moved the review on was undone (no later grade replaced it): go back to its question. */
  private noticeUndo(ids: readonly string[]): void {
    const move = this.lastMove;
    if (!move || !ids.includes(move.id)) return;
    const last = this.review.lastGrade;
    if (last !== undefined && last.at >= move.at) return;
    this.lastMove = undefined;
    if (this.run?.undo(move.id)) this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
