// The stored shape of the user's progress, and its check on read: Settings Sync, another version of the extension
// or a hand edit can put anything under our keys, so only what has the right shape reaches the views or is
// written back.

/** One question's marks, kept short because every synced byte counts. */
export interface StoredMark {
  /** Attempted at (epoch ms): set when the first non-blank attempt is saved, cleared when it is emptied. */
  a?: number;
  /** Answer revealed at (epoch ms). */
  r?: number;
  s?: 1;
}

export type MarkTable = Record<string, StoredMark>;
export type AttemptTable = Record<string, string>;

export interface Checked<T> {
  /** What is valid in the stored value ({} when nothing was stored). */
  table: T;
  /** Whether anything stored was invalid and left out of `table`. */
  dropped: boolean;
}

/** The valid marks: a timestamp is a finite number ≥ 0, a star is 1; any other field or entry is dropped. */
export function checkMarks(raw: unknown): Checked<MarkTable> {
  return checkTable(raw, (value) => {
    if (!isRecord(value)) return { dropped: true };
    const mark: StoredMark = {};
    let dropped = false;
    for (const [key, field] of Object.entries(value)) {
      if ((key === 'a' || key === 'r') && isTimestamp(field)) mark[key] = field;
      else if (key === 's' && field === 1) mark.s = 1;
      else dropped = true;
    }
    return { value: Object.keys(mark).length > 0 ? mark : undefined, dropped };
  });
}

/** The valid attempts: texts. */
export function checkAttempts(raw: unknown): Checked<AttemptTable> {
  return checkTable(raw, (value) => (typeof value === 'string' ? { value, dropped: false } : { dropped: true }));
}

/** The entry of `id`, never one inherited from Object.prototype (`constructor`, `toString`). */
export function entryOf<T>(table: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

function checkTable<T>(raw: unknown, check: (value: unknown) => { value?: T; dropped: boolean }): Checked<Record<string, T>> {
  if (raw === undefined) return { table: {}, dropped: false };
  if (!isRecord(raw)) return { table: {}, dropped: true };
  let dropped = false;
  const entries: [string, T][] = [];
  for (const [id, value] of Object.entries(raw)) {
    const checked = check(value);
    dropped ||= checked.dropped;
    if (checked.value !== undefined) entries.push([id, checked.value]);
  }
  // fromEntries defines own properties, so an id such as `__proto__` stays data.
  return { table: Object.fromEntries(entries), dropped };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
