// The FSRS cards in the synced globalState key `dojo.cards.v1` (core `encodeCardTable`). Settings Sync may replace the
// value while we run (there is no event for it): whenever the stored value is not the one we wrote last (checked on
// read and when the window gains focus), the two tables are merged per question by the latest review, and written
// back only when a local card won, so two machines never bounce the same value back and forth.
import type * as vscode from 'vscode';
import { decodeCardTable, encodeCardTable, type CardTable, type ReviewCard } from '../core/review/card';
import { mergeCardTables } from '../core/review/syncMerge';
import { CORRUPT_KEY_PREFIX } from './progressStore';
import { CARDS_KEY } from './syncedKeys';

export class SyncedCards {
  private table: Map<string, ReviewCard> = new Map();
  /** The value last written or merged; compared by identity first (the Memento returns the object it holds). */
  private lastSeen: unknown = undefined;
  private lastSeenJson: string | undefined;
  private loaded = false;

  constructor(
    private readonly memento: vscode.Memento,
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly now: () => number,
    /** Told the ids whose card a synced value changed. */
    private readonly changedBySync: (ids: string[]) => void,
  ) {}

  /** The current table, merged with a synced value that arrived since the last look. */
  get cards(): CardTable {
    this.check();
    return this.table;
  }

  /** Stores the whole table (after a grade, undo, import or reset). */
  replace(cards: ReadonlyMap<string, ReviewCard>): Thenable<void> {
    this.check();
    this.table = new Map(cards);
    return this.write();
  }

  /** Merges a value Settings Sync put there since we last wrote or looked. */
  check(): void {
    const raw = this.memento.get<unknown>(CARDS_KEY);
    if (this.loaded && raw === this.lastSeen) return;
    const json = JSON.stringify(raw);
    if (this.loaded && json === this.lastSeenJson) {
      this.lastSeen = raw;
      return;
    }
    const { cards: synced, invalid } = decodeCardTable(raw);
    if (invalid.length > 0) {
      const aside = `${CORRUPT_KEY_PREFIX}${CARDS_KEY}.${this.now()}`;
      void this.memento.update(aside, raw);
      this.log.warn(`Stored cards under ${CARDS_KEY} had invalid entries (${invalid.slice(0, 5).join(', ')}); the valid ones are kept. The stored value was copied to ${aside}.`);
    }
    const before = this.table;
    const { cards, localWins } = mergeCardTables(before, synced);
    this.table = cards;
    const first = !this.loaded;
    this.loaded = true;
    if (localWins.length > 0 || invalid.length > 0) void this.write();
    else {
      this.lastSeen = raw;
      this.lastSeenJson = json;
    }
    if (first) return;
    const changed = [...cards.keys()].filter((id) => before.get(id) !== cards.get(id));
    if (changed.length > 0) this.changedBySync(changed);
  }

  private write(): Thenable<void> {
    const value = encodeCardTable(this.table);
    this.lastSeen = value;
    this.lastSeenJson = JSON.stringify(value);
    return this.memento.update(CARDS_KEY, value);
  }
}
