// The user's progress, kept in globalState under two keys: compact marks (timestamps, star) that Settings Sync
// carries between machines, and attempt texts that stay local because they can grow large.
import * as vscode from 'vscode';
import type { ProgressStore, QuestionProgress } from '../context';
import type { Marks } from '../core/grouping';

/** One question's marks, kept short because every synced byte counts. */
interface StoredMark {
  /** Attempted at (epoch ms): set when the first non-blank attempt is saved, cleared when it is emptied. */
  a?: number;
  /** Answer revealed at (epoch ms). */
  r?: number;
  s?: 1;
}

type MarkTable = Record<string, StoredMark>;
type AttemptTable = Record<string, string>;

export const MARKS_KEY = 'dojo.marks.v1';
export const ATTEMPTS_KEY = 'dojo.attempts.v1';

export class MementoProgressStore implements ProgressStore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly now: () => number = Date.now,
  ) {
    memento.setKeysForSync([MARKS_KEY]);
  }

  get(id: string): QuestionProgress {
    const mark = this.marks()[id] ?? {};
    return {
      attempt: this.attempts()[id] ?? '',
      attemptedAt: mark.a,
      revealedAt: mark.r,
      starred: mark.s === 1,
    };
  }

  async setAttempt(id: string, text: string): Promise<void> {
    const attempts = this.attempts();
    if ((attempts[id] ?? '') === text) return;
    const { [id]: _previous, ...others } = attempts;
    const mark = this.marks()[id] ?? {};
    const attempted = text.trim() !== '';
    const nextMark: StoredMark = { ...mark, a: attempted ? (mark.a ?? this.now()) : undefined };
    // Both tables are updated in memory synchronously by Memento.update, so interleaved calls do not lose writes.
    const writes = [this.memento.update(ATTEMPTS_KEY, text === '' ? others : { ...others, [id]: text })];
    if (nextMark.a !== mark.a) writes.push(this.writeMark(id, nextMark));
    await Promise.all(writes);
    this.changed.fire([id]);
  }

  async markRevealed(id: string): Promise<void> {
    const mark = this.marks()[id] ?? {};
    if (mark.r !== undefined) return;
    await this.writeMark(id, { ...mark, r: this.now() });
    this.changed.fire([id]);
  }

  async setStarred(id: string, starred: boolean): Promise<void> {
    const mark = this.marks()[id] ?? {};
    if ((mark.s === 1) === starred) return;
    await this.writeMark(id, { ...mark, s: starred ? 1 : undefined });
    this.changed.fire([id]);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private writeMark(id: string, mark: StoredMark): Thenable<void> {
    const { [id]: _previous, ...others } = this.marks();
    const compact = Object.fromEntries(Object.entries(mark).filter(([, v]) => v !== undefined)) as StoredMark;
    return this.memento.update(MARKS_KEY, Object.keys(compact).length === 0 ? others : { ...others, [id]: compact });
  }

  // Read on every access (no cached copy): Settings Sync may replace the synced key while we run.
  private marks(): MarkTable {
    return this.memento.get<MarkTable>(MARKS_KEY) ?? {};
  }

  private attempts(): AttemptTable {
    return this.memento.get<AttemptTable>(ATTEMPTS_KEY) ?? {};
  }
}

/** What the tree, filters and random pick need from a question's progress. */
export function marksOf(progress: QuestionProgress): Marks {
  return { seen: progress.attemptedAt !== undefined || progress.revealedAt !== undefined, starred: progress.starred };
}
