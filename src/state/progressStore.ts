// The user's progress, kept in globalState under two keys: compact marks (timestamps, star) that Settings Sync
// carries between machines, and attempt texts that stay local because they can grow large. What is read is checked
// (src/core/storedProgress.ts): invalid entries never reach the views and are never written back; the first write
// over a value with invalid entries keeps the raw value aside under a local key and logs where.
import * as vscode from 'vscode';
import type { ProgressStore, QuestionProgress } from '../context';
import type { Marks } from '../core/grouping';
import { checkAttempts, checkMarks, entryOf, type AttemptTable, type MarkTable, type StoredMark } from '../core/storedProgress';

export const MARKS_KEY = 'dojo.marks.v1';
export const ATTEMPTS_KEY = 'dojo.attempts.v1';
/** Followed by the key and the time: where a stored value with invalid entries is kept before it is replaced. */
export const CORRUPT_KEY_PREFIX = 'dojo.corrupt.';

export interface ProgressStoreOptions {
  log?: Pick<vscode.LogOutputChannel, 'warn'>;
  now?: () => number;
}

export class MementoProgressStore implements ProgressStore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  readonly onDidChange = this.changed.event;
  private readonly now: () => number;
  private readonly checkedMarks = new LastChecked(checkMarks);
  private readonly checkedAttempts = new LastChecked(checkAttempts);

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly options: ProgressStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    memento.setKeysForSync([MARKS_KEY]);
  }

  get(id: string): QuestionProgress {
    const mark = entryOf(this.marks(), id) ?? {};
    return {
      attempt: entryOf(this.attempts(), id) ?? '',
      attemptedAt: mark.a,
      revealedAt: mark.r,
      starred: mark.s === 1,
    };
  }

  async setAttempt(id: string, text: string): Promise<void> {
    const attempts = this.attempts();
    if ((entryOf(attempts, id) ?? '') === text) return;
    const { [id]: _previous, ...others } = attempts;
    const mark = entryOf(this.marks(), id) ?? {};
    const attempted = text.trim() !== '';
    const nextMark: StoredMark = { ...mark, a: attempted ? (mark.a ?? this.now()) : undefined };
    // Both tables are updated in memory synchronously by Memento.update, so interleaved calls do not lose writes.
    const writes = this.write(ATTEMPTS_KEY, text === '' ? others : { ...others, [id]: text });
    if (nextMark.a !== mark.a) writes.push(...this.writeMark(id, nextMark));
    await Promise.all(writes);
    this.changed.fire([id]);
  }

  async markRevealed(id: string): Promise<void> {
    const mark = entryOf(this.marks(), id) ?? {};
    if (mark.r !== undefined) return;
    await Promise.all(this.writeMark(id, { ...mark, r: this.now() }));
    this.changed.fire([id]);
  }

  async setStarred(id: string, starred: boolean): Promise<void> {
    const mark = entryOf(this.marks(), id) ?? {};
    if ((mark.s === 1) === starred) return;
    await Promise.all(this.writeMark(id, { ...mark, s: starred ? 1 : undefined }));
    this.changed.fire([id]);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private writeMark(id: string, mark: StoredMark): Thenable<void>[] {
    const { [id]: _previous, ...others } = this.marks();
    const compact = Object.fromEntries(Object.entries(mark).filter(([, v]) => v !== undefined)) as StoredMark;
    return this.write(MARKS_KEY, Object.keys(compact).length === 0 ? others : { ...others, [id]: compact });
  }

  /** Replaces `key` with `table` (built from checked entries), keeping a raw value with invalid entries aside first. */
  private write(key: string, table: MarkTable | AttemptTable): Thenable<void>[] {
    const writes: Thenable<void>[] = [];
    const raw = this.memento.get<unknown>(key);
    if ((key === MARKS_KEY ? checkMarks(raw) : checkAttempts(raw)).dropped) {
      const aside = `${CORRUPT_KEY_PREFIX}${key}.${this.now()}`;
      writes.push(this.memento.update(aside, raw));
      this.options.log?.warn(
        `Stored progress under ${key} had invalid entries; only the valid ones are kept. The stored value was copied to ${aside}.`,
      );
    }
    writes.push(this.memento.update(key, table));
    return writes;
  }

  // Read on every access: Settings Sync may replace the synced key while we run. The check is redone only when the
  // Memento hands out a different value (it returns the same object until the key is updated).
  private marks(): MarkTable {
    return this.checkedMarks.of(this.memento.get<unknown>(MARKS_KEY));
  }

  private attempts(): AttemptTable {
    return this.checkedAttempts.of(this.memento.get<unknown>(ATTEMPTS_KEY));
  }
}

/** The checked table of the last raw value seen. */
class LastChecked<T> {
  private raw: unknown = undefined;
  private table: T | undefined;

  constructor(private readonly check: (raw: unknown) => { table: T }) {}

  of(raw: unknown): T {
    if (this.table === undefined || raw !== this.raw) {
      this.raw = raw;
      this.table = this.check(raw).table;
    }
    return this.table;
  }
}

/** What the tree, filters and random pick need from a question's progress. */
export function marksOf(progress: QuestionProgress): Marks {
  return { seen: progress.attemptedAt !== undefined || progress.revealedAt !== undefined, starred: progress.starred };
}
