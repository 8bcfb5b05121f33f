// The review log: one entry per grade, kept locally in monthly shards (it only grows) and used to count what
// happened today (the daily limits) and, later, for history and a heatmap.
//
// API for adapters:
// - `logEntry(id, outcome.review)` → the `ReviewLogEntry` to append after a grade; `withoutLogEntry(log, entry)`
//   removes it again on undo.
// - `logShardKey(at)` → `YYYY-MM` (UTC month), the shard file an entry goes to (e.g. `log/2026-01.json`);
//   `encodeLogShard(entries)` → JSON-ready array; `decodeLogShard(raw)` → `{ entries, dropped }` (valid entries kept,
//   `dropped` = how many were not, so the adapter can set the raw file aside).
// - `countDay(log, dayStart, dayEnd)` → `DayCounts` of grades in [dayStart, dayEnd) (local day bounds from the adapter).
import { CARD_STATE, isCardState, type CardState } from './card';
import { isGrade, type Grade } from './grades';
import type { ReviewEvent } from './scheduler';
import { isQuestionId, isTime } from './validation';

export interface ReviewLogEntry extends ReviewEvent {
  id: string;
}

/** `[id, at, grade, stateBefore, dueAfter]`. */
export type EncodedLogEntry = [string, number, Grade, CardState, number];

export interface DayCounts {
  /** Grades given (every press counts, learning steps included). */
  graded: number;
  /** Questions graded for the first time (their state before was New). */
  introduced: number;
  /** Distinct questions graded that were in review (not new, not in a learning step): what the review limit counts. */
  reviewed: number;
}

export function logEntry(id: string, review: ReviewEvent): ReviewLogEntry {
  return { id, ...review };
}

/** The log without the first entry equal to `entry` (what undo removes). */
export function withoutLogEntry(log: readonly ReviewLogEntry[], entry: ReviewLogEntry): ReviewLogEntry[] {
  const index = log.findIndex(
    (e) => e.id === entry.id && e.at === entry.at && e.grade === entry.grade && e.state === entry.state && e.due === entry.due,
  );
  return index < 0 ? [...log] : [...log.slice(0, index), ...log.slice(index + 1)];
}

export function encodeLogEntry(entry: ReviewLogEntry): EncodedLogEntry {
  return [entry.id, entry.at, entry.grade, entry.state, entry.due];
}

export function decodeLogEntry(raw: unknown): ReviewLogEntry | undefined {
  if (!Array.isArray(raw) || raw.length !== 5) return undefined;
  const [id, at, grade, state, due] = raw as unknown[];
  if (!isQuestionId(id) || !isTime(at) || !isGrade(grade) || !isCardState(state) || !isTime(due)) return undefined;
  return { id, at, grade, state, due };
}

export function encodeLogShard(entries: readonly ReviewLogEntry[]): EncodedLogEntry[] {
  return entries.map(encodeLogEntry);
}

export function decodeLogShard(raw: unknown): { entries: ReviewLogEntry[]; dropped: number } {
  if (!Array.isArray(raw)) return { entries: [], dropped: raw === undefined ? 0 : 1 };
  const entries: ReviewLogEntry[] = [];
  for (const item of raw) {
    const entry = decodeLogEntry(item);
    if (entry) entries.push(entry);
  }
  return { entries, dropped: raw.length - entries.length };
}

/** The UTC month of `at` as `YYYY-MM`: shards need stable names, not local days. */
export function logShardKey(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/** What was graded in [dayStart, dayEnd), one pass over the log. */
export function countDay(log: readonly ReviewLogEntry[], dayStart: number, dayEnd: number): DayCounts {
  let graded = 0;
  const introduced = new Set<string>();
  const reviewed = new Set<string>();
  for (const entry of log) {
    if (entry.at < dayStart || entry.at >= dayEnd) continue;
    graded++;
    if (entry.state === CARD_STATE.new) introduced.add(entry.id);
    else if (entry.state === CARD_STATE.review) reviewed.add(entry.id);
  }
  return { graded, introduced: introduced.size, reviewed: reviewed.size };
}
