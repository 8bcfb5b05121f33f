// The user's marks, kept in globalState under a key Settings Sync carries between machines: when a question was first
// attempted and revealed, and whether it is starred (attempt texts live in the review store's files since 0.2.0).
// What is read is checked (core `decodeMarkTable`): invalid fields never reach the views and are never written back;
// the first write over a value with invalid entries keeps the raw value aside under a local key and logs where.
import * as vscode from 'vscode';
import type { ProgressStore, QuestionProgress } from '../context';
import type { Marks } from '../core/grouping';
import { decodeMarkTable, encodeMarkTable, type StoredMark } from '../core/review/marks';
import { MARKS_KEY, SYNCED_KEYS } from './syncedKeys';

export { MARKS_KEY };
/** Where version 0.1.0 kept attempt texts; read once by the review store's migration and left as it was. */
export const ATTEMPTS_KEY = 'dojo.attempts.v1';
/** Followed by the key and the time: where a stored value with invalid entries is kept before it is replaced. */
export const CORRUPT_KEY_PREFIX = 'dojo.corrupt.';

export interface ProgressStoreOptions {
  log?: Pick<vscode.LogOutputChannel, 'warn'>;
  now?: () => number;
}

type MarkTable = ReadonlyMap<string, StoredMark>;

export class MementoProgressStore implements ProgressStore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[]>();
  readonly onDidChange = this.changed.event;
  private readonly now: () => number;
  private lastRaw: unknown = undefined;
  private lastChecked: { marks: MarkTable; invalid: boolean } | undefined;

  constructor(
    private readonly memento: vscode.Memento & { setKeysForSync(keys: readonly string[]): void },
    private readonly options: ProgressStoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    memento.setKeysForSync(SYNCED_KEYS);
  }

  get(id: string): QuestionProgress {
    const mark = this.marks().get(id) ?? {};
    return { attemptedAt: mark.a, revealedAt: mark.r, starred: mark.s === 1 };
  }

  async setAttempted(id: string, attempted: boolean): Promise<void> {
    const mark = this.marks().get(id) ?? {};
    if ((mark.a !== undefined) === attempted) return;
    await this.writeMark(id, { ...mark, a: attempted ? this.now() : undefined });
  }

  async markRevealed(id: string): Promise<void> {
    const mark = this.marks().get(id) ?? {};
    if (mark.r !== undefined) return;
    await this.writeMark(id, { ...mark, r: this.now() });
  }

  async setStarred(id: string, starred: boolean): Promise<void> {
    const mark = this.marks().get(id) ?? {};
    if ((mark.s === 1) === starred) return;
    await this.writeMark(id, { ...mark, s: starred ? 1 : undefined });
  }

  /** Every valid mark (export, and the review store's migration). */
  marks(): MarkTable {
    const raw = this.memento.get<unknown>(MARKS_KEY);
    // Read on every access: Settings Sync may replace the synced key while we run. The check is redone only when the
    // Memento hands out a different value (it returns the same object until the key is updated).
    if (this.lastChecked === undefined || raw !== this.lastRaw) {
      const { marks, invalid } = decodeMarkTable(raw);
      this.lastRaw = raw;
      this.lastChecked = { marks, invalid: invalid.length > 0 };
    }
    return this.lastChecked.marks;
  }

  /** Replaces every mark (an import); fires for the ids whose mark changed. */
  async replaceMarks(marks: MarkTable): Promise<void> {
    const before = this.marks();
    const changed = [...new Set([...before.keys(), ...marks.keys()])].filter(
      (id) => JSON.stringify(before.get(id)) !== JSON.stringify(marks.get(id)),
    );
    await this.write(marks);
    if (changed.length > 0) this.changed.fire(changed);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async writeMark(id: string, mark: StoredMark): Promise<void> {
    const marks = new Map(this.marks());
    const compact = Object.fromEntries(Object.entries(mark).filter(([, v]) => v !== undefined)) as StoredMark;
    if (Object.keys(compact).length === 0) marks.delete(id);
    else marks.set(id, compact);
    // Memento.update applies in memory synchronously, so interleaved calls do not lose writes.
    await this.write(marks);
    this.changed.fire([id]);
  }

  /** Replaces the stored table, keeping a raw value with invalid entries aside first. */
  private async write(marks: MarkTable): Promise<void> {
    const writes: Thenable<void>[] = [];
    const raw = this.memento.get<unknown>(MARKS_KEY);
    this.marks();
    if (this.lastChecked?.invalid) {
      const aside = `${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${this.now()}`;
      writes.push(this.memento.update(aside, raw));
      this.options.log?.warn(
        `Stored progress under ${MARKS_KEY} had invalid entries; only the valid ones are kept. The stored value was copied to ${aside}.`,
      );
    }
    writes.push(this.memento.update(MARKS_KEY, encodeMarkTable(marks)));
    await Promise.all(writes);
  }
}

/** What the tree, filters and random pick need from a question's progress. */
export function marksOf(progress: QuestionProgress): Marks {
  return { seen: progress.attemptedAt !== undefined || progress.revealedAt !== undefined, starred: progress.starred };
}
