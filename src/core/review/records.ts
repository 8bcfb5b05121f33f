// One question's local record: every attempt (text, time spent, grade), the attempt in progress and the note.
// The adapter keeps one small JSON file per question under globalStorageUri (local, not synced: texts can be long).
//
// API for adapters (all helpers are pure and return a new record; keep the record from before a grade to undo it):
// - `emptyRecord(id)`; `QuestionRecord` = `{ v: 1, id, attempts, note, draft? }` as stored.
// - `startAttempt(record, now)`: a fresh attempt (the answer hidden again). An unfinished draft with text is kept as
//   an ungraded attempt first, so "Practise again" never loses text.
// - `updateDraft(record, text, now)`: the typed text of the attempt in progress (starts one when there is none).
// - `finishAttempt(record, grade, now, spentMs?)`: moves the draft (or an empty attempt) into `attempts` with the
//   grade; `spentMs` defaults to `now - draft.startedAt` (pass the measured active time when the adapter has it).
// - `setNote(record, note)`.
// - `attemptsNewestFirst(record)` for "Earlier attempts (n)".
// - `encodeRecord(record)` → JSON-ready; `decodeRecord(raw, id)` → `{ record, dropped }`: every valid attempt kept,
//   `dropped` says what was not (then set the raw file aside before rewriting it); `record` is undefined only when
//   the file is not a record of this question at all.
import { isGrade, type Grade } from './grades';
import { isCount, isObject, isTime, onlyKeys } from './validation';

export interface Attempt {
  startedAt: number;
  spentMs: number;
  text: string;
  /** Set together with `gradedAt` when the attempt was graded. */
  grade?: Grade;
  gradedAt?: number;
}

/** The attempt in progress. */
export interface Draft {
  startedAt: number;
  text: string;
}

/** A record without its envelope: the part that export files carry per question. */
export interface RecordBody {
  /** Oldest first. */
  attempts: Attempt[];
  /** Markdown. */
  note: string;
  draft?: Draft;
}

export interface QuestionRecord extends RecordBody {
  v: 1;
  id: string;
}

export const RECORD_VERSION = 1;

export function emptyRecord(id: string): QuestionRecord {
  return { v: RECORD_VERSION, id, attempts: [], note: '' };
}

export function startAttempt(record: QuestionRecord, now: number): QuestionRecord {
  return { ...shelveDraft(record, now), draft: { startedAt: now, text: '' } };
}

export function updateDraft(record: QuestionRecord, text: string, now: number): QuestionRecord {
  return { ...record, draft: { startedAt: record.draft?.startedAt ?? now, text } };
}

export function finishAttempt(record: QuestionRecord, grade: Grade, now: number, spentMs?: number): QuestionRecord {
  const draft = record.draft ?? { startedAt: now, text: '' };
  const spent = spentMs !== undefined && isCount(spentMs) ? spentMs : Math.max(0, now - draft.startedAt);
  const attempt: Attempt = { startedAt: draft.startedAt, spentMs: spent, text: draft.text, grade, gradedAt: now };
  const { draft: _finished, ...rest } = record;
  return { ...rest, attempts: [...record.attempts, attempt] };
}

export function setNote(record: QuestionRecord, note: string): QuestionRecord {
  return { ...record, note };
}

export function attemptsNewestFirst(record: RecordBody): Attempt[] {
  return [...record.attempts].sort((a, b) => b.startedAt - a.startedAt);
}

/** The draft, when it holds text, as an ungraded attempt; the draft removed. */
function shelveDraft(record: QuestionRecord, now: number): QuestionRecord {
  const { draft, ...rest } = record;
  if (draft === undefined || draft.text.trim() === '') return rest;
  const attempt: Attempt = { startedAt: draft.startedAt, spentMs: Math.max(0, now - draft.startedAt), text: draft.text };
  return { ...rest, attempts: [...record.attempts, attempt] };
}

export function encodeRecord(record: QuestionRecord): QuestionRecord {
  return { v: RECORD_VERSION, id: record.id, ...encodeRecordBody(record) };
}

export function encodeRecordBody(body: RecordBody): RecordBody {
  const attempts = body.attempts.map(({ startedAt, spentMs, text, grade, gradedAt }) =>
    grade !== undefined && gradedAt !== undefined
      ? { startedAt, spentMs, text, grade, gradedAt }
      : { startedAt, spentMs, text },
  );
  return body.draft === undefined
    ? { attempts, note: body.note }
    : { attempts, note: body.note, draft: { startedAt: body.draft.startedAt, text: body.draft.text } };
}

/** The record read from a question's file. `dropped` describes each part that was invalid and left out. */
export function decodeRecord(raw: unknown, id: string): { record: QuestionRecord | undefined; dropped: string[] } {
  if (!isObject(raw)) return { record: undefined, dropped: ['not a JSON object'] };
  if (raw.v !== RECORD_VERSION) return { record: undefined, dropped: [`unknown version ${JSON.stringify(raw.v)}`] };
  if (raw.id !== id) return { record: undefined, dropped: [`belongs to ${JSON.stringify(raw.id)}, not ${id}`] };
  const { body, dropped } = decodeRecordBody(raw);
  return { record: { v: RECORD_VERSION, id, ...body }, dropped };
}

/** The valid parts of a record body; every attempt that is valid is kept. */
export function decodeRecordBody(raw: Record<string, unknown>): { body: RecordBody; dropped: string[] } {
  const dropped: string[] = [];
  const attempts: Attempt[] = [];
  if (Array.isArray(raw.attempts)) {
    raw.attempts.forEach((item, index) => {
      const attempt = decodeAttempt(item);
      if (attempt) attempts.push(attempt);
      else dropped.push(`attempts[${index}]`);
    });
  } else if (raw.attempts !== undefined) dropped.push('attempts');
  let note = '';
  if (typeof raw.note === 'string') note = raw.note;
  else if (raw.note !== undefined) dropped.push('note');
  const body: RecordBody = { attempts, note };
  if (raw.draft !== undefined) {
    const draft = decodeDraft(raw.draft);
    if (draft) body.draft = draft;
    else dropped.push('draft');
  }
  return { body, dropped };
}

function decodeAttempt(raw: unknown): Attempt | undefined {
  if (!isObject(raw) || !onlyKeys(raw, ATTEMPT_KEYS)) return undefined;
  const { startedAt, spentMs, text, grade, gradedAt } = raw;
  if (!isTime(startedAt) || !isCount(spentMs) || typeof text !== 'string') return undefined;
  if (grade === undefined && gradedAt === undefined) return { startedAt, spentMs, text };
  if (!isGrade(grade) || !isTime(gradedAt)) return undefined;
  return { startedAt, spentMs, text, grade, gradedAt };
}

function decodeDraft(raw: unknown): Draft | undefined {
  if (!isObject(raw) || !onlyKeys(raw, DRAFT_KEYS)) return undefined;
  return isTime(raw.startedAt) && typeof raw.text === 'string' ? { startedAt: raw.startedAt, text: raw.text } : undefined;
}

const ATTEMPT_KEYS = new Set(['startedAt', 'spentMs', 'text', 'grade', 'gradedAt']);
const DRAFT_KEYS = new Set(['startedAt', 'text']);
