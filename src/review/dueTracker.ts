// How many questions are due for review now, kept current for the status bar, the tree's badge, icons and Due filter:
// recounted when the store changes (a grade, undo, import, reset, Settings Sync), when the banks change, when the
// next question comes due and at local midnight (the daily limits start again).
import * as vscode from 'vscode';
import type { QuestionLibrary, ReviewStore } from '../context';
import { CARD_STATE, type ReviewCard } from '../core/review/card';
import type { ReviewQueue } from '../core/review/queue';
import { localMidnight } from '../state/reviewStore';
import { nextLocalMidnight } from './localDay';

export interface DueTrackerDeps {
  review: Pick<ReviewStore, 'card' | 'queue' | 'onDidChange' | 'ready'>;
  library: Pick<QuestionLibrary, 'listed' | 'onDidChange'>;
  /** The store's clock (tests advance it). */
  now: () => number;
}

/** Longest wait between recounts: timers do not run while the machine sleeps, so wake up now and then anyway. */
const MAX_WAIT_MS = 15 * 60_000;
const MIN_WAIT_MS = 1_000;

export class DueTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<readonly string[] | undefined>();
  /** Fires with the ids whose card changed, or undefined when any question's due state may have changed. */
  readonly onDidChange = this.changed.event;
  private queue: ReviewQueue | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly deps: DueTrackerDeps) {
    deps.review.onDidChange((ids) => this.refresh(ids), null, this.disposables);
    deps.library.onDidChange(() => this.refresh(), null, this.disposables);
    void deps.review.ready.then(() => this.refresh());
  }

  now(): number {
    return this.deps.now();
  }

  /** Questions due now (without the daily review cap: what the badge and status bar show). */
  get dueCount(): number {
    return this.current().dueCount;
  }

  /** When the next question not due yet comes due. */
  get nextDue(): number | undefined {
    return this.current().nextDue;
  }

  card(id: string): ReviewCard | undefined {
    return this.deps.review.card(id);
  }

  /** Graded before and its review time has come (the Due filter; the same rule as the queue's due count). */
  isDue(id: string): boolean {
    const card = this.deps.review.card(id);
    return card !== undefined && card.state !== CARD_STATE.new && card.due <= this.deps.now();
  }

  /** Recounts now and tells the surfaces (tests call it after advancing the clock). */
  refresh(ids?: readonly string[]): void {
    this.queue = undefined;
    this.current();
    this.changed.fire(ids);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.disposables) d.dispose();
  }

  private current(): ReviewQueue {
    if (this.queue === undefined) {
      this.queue = this.deps.review.queue(this.deps.library.listed.map((q) => q.id));
      this.schedule(this.queue);
    }
    return this.queue;
  }

  /** Wakes at the next due time or local midnight, whichever is first. */
  private schedule(queue: ReviewQueue): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    const now = this.deps.now();
    const next = Math.min(queue.nextDue ?? Infinity, nextLocalMidnight(now, localMidnight));
    const wait = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, next - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refresh();
    }, wait);
  }
}
