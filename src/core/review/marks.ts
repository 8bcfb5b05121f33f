// The marks kept since the first release in the synced `dojo.marks.v1` key: when a question was first attempted and
// revealed, and whether it is starred. Issue 8 keeps them as they are; these are their codec and merge.
//
// API for adapters: `StoredMark`; `decodeMarkTable(raw)` → `{ marks, invalid }` (the stored table, salvaged: a mark
// keeps its valid fields, and its id is listed in `invalid` when anything else was there); `decodeMark(raw)` is strict
// (import files are taken whole or not at all); `encodeMarkTable(marks)`; `mergeMarks(a, b)` (earliest timestamps,
// starred if either is).
import { isObject, isQuestionId, isTime, onlyKeys } from './validation';

export interface StoredMark {
  /** Attempted at (epoch ms). */
  a?: number;
  /** Answer revealed at (epoch ms). */
  r?: number;
  s?: 1;
}

const MARK_KEYS = new Set(['a', 'r', 's']);

export function decodeMark(raw: unknown): StoredMark | undefined {
  if (!isObject(raw) || !onlyKeys(raw, MARK_KEYS)) return undefined;
  const { a, r, s } = raw;
  if ((a !== undefined && !isTime(a)) || (r !== undefined && !isTime(r)) || (s !== undefined && s !== 1)) return undefined;
  return compact({ a, r, s });
}

export function decodeMarkTable(raw: unknown): { marks: Map<string, StoredMark>; invalid: string[] } {
  const marks = new Map<string, StoredMark>();
  if (raw === undefined) return { marks, invalid: [] };
  if (!isObject(raw)) return { marks, invalid: ['*'] };
  const invalid: string[] = [];
  for (const [id, value] of Object.entries(raw)) {
    const mark = isQuestionId(id) ? decodeMark(value) : undefined;
    if (mark) {
      marks.set(id, mark);
      continue;
    }
    invalid.push(id);
    const salvaged = isQuestionId(id) ? salvageMark(value) : undefined;
    if (salvaged) marks.set(id, salvaged);
  }
  return { marks, invalid };
}

/** The valid fields of a stored mark that is not valid as a whole; undefined when none is. */
function salvageMark(raw: unknown): StoredMark | undefined {
  if (!isObject(raw)) return undefined;
  const mark = compact({
    a: isTime(raw.a) ? raw.a : undefined,
    r: isTime(raw.r) ? raw.r : undefined,
    s: raw.s === 1 ? 1 : undefined,
  });
  return Object.keys(mark).length > 0 ? mark : undefined;
}

export function encodeMarkTable(marks: ReadonlyMap<string, StoredMark>): Record<string, StoredMark> {
  return Object.fromEntries([...marks].map(([id, mark]) => [id, compact(mark)]));
}

/** Both machines' knowledge: the earliest attempt and reveal, starred when either says so. */
export function mergeMarks(a: StoredMark, b: StoredMark): StoredMark {
  return compact({ a: earliest(a.a, b.a), r: earliest(a.r, b.r), s: a.s === 1 || b.s === 1 ? 1 : undefined });
}

function earliest(x: number | undefined, y: number | undefined): number | undefined {
  if (x === undefined) return y;
  return y === undefined ? x : Math.min(x, y);
}

function compact(mark: { a?: number; r?: number; s?: 1 }): StoredMark {
  const result: StoredMark = {};
  if (mark.a !== undefined) result.a = mark.a;
  if (mark.r !== undefined) result.r = mark.r;
  if (mark.s === 1) result.s = 1;
  return result;
}
