// "Export Progress…" and "Import Progress…": one versioned JSON document with everything a learner has, its
// validation, a preview of what an import would change, and the merge. The schema for the same document is
// schemas/progress-export.v1.schema.json; test/unit/review.exchange.test.ts keeps the two in agreement.
//
// API for adapters:
// - `ProgressData` = `{ cards, marks, records, log }` (Maps by question id; the log oldest first).
// - `exportDocument(data, now)` → `ExportDocument`, ready for `JSON.stringify`.
// - `validateExport(raw)` → `{ ok: true, data, exportedAt }` or `{ ok: false, errors }` (strict: an import file is
//   taken whole or not at all, and the errors say where, like `cards["a/1"]`).
// - `previewImport(current, incoming)` → `ImportPreview` counts for the confirmation dialog.
// - `mergeImport(current, incoming, importedNoteLabel?)` → the merged `ProgressData`:
//   cards by the latest review (an imported review also replaces a reset card); marks merged (earliest timestamps,
//   stars kept); attempts united by `startedAt`; notes: the imported one replaces an empty note or one it extends;
//   otherwise both are kept, the imported one after a rule and `importedNoteLabel` (pass a localised label);
//   log entries united. Importing the same file twice changes nothing the second time.
import { CARD_STATE, decodeCard, encodeCard, type EncodedCard, type ReviewCard } from './card';
import { decodeMark, encodeMarkTable, mergeMarks, type StoredMark } from './marks';
import { decodeRecordBody, encodeRecordBody, type Attempt, type RecordBody } from './records';
import { decodeLogEntry, encodeLogEntry, type EncodedLogEntry, type ReviewLogEntry } from './reviewLog';
import { newerCard } from './syncMerge';
import { isObject, isQuestionId, onlyKeys } from './validation';

export const EXPORT_FORMAT = 'interview-dojo-progress';
export const EXPORT_VERSION = 1;

export interface ProgressData {
  cards: Map<string, ReviewCard>;
  marks: Map<string, StoredMark>;
  records: Map<string, RecordBody>;
  log: ReviewLogEntry[];
}

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 UTC. */
  exportedAt: string;
  cards: Record<string, EncodedCard>;
  marks: Record<string, StoredMark>;
  records: Record<string, RecordBody>;
  log: EncodedLogEntry[];
}

export type ExportValidation =
  | { ok: true; data: ProgressData; exportedAt: string }
  | { ok: false; errors: string[] };

export interface ImportPreview {
  /** Questions the current data knows nothing about. */
  newQuestions: number;
  /** Cards taken from the import (a newer review, or a question without one here). */
  newerReviews: number;
  attemptsAdded: number;
  notesChanged: number;
  marksChanged: number;
  logEntriesAdded: number;
}

const DOCUMENT_KEYS = new Set(['format', 'version', 'exportedAt', 'cards', 'marks', 'records', 'log']);
const BODY_KEYS = new Set(['attempts', 'note', 'draft']);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;
const MAX_ERRORS = 20;

export function emptyProgress(): ProgressData {
  return { cards: new Map(), marks: new Map(), records: new Map(), log: [] };
}

export function exportDocument(data: ProgressData, now: number): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    cards: Object.fromEntries([...data.cards].map(([id, card]) => [id, encodeCard(card)])),
    marks: encodeMarkTable(data.marks),
    records: Object.fromEntries([...data.records].map(([id, body]) => [id, encodeRecordBody(body)])),
    log: data.log.map(encodeLogEntry),
  };
}

export function validateExport(raw: unknown): ExportValidation {
  const errors: string[] = [];
  if (!isObject(raw)) return { ok: false, errors: ['not a JSON object'] };
  if (raw.format !== EXPORT_FORMAT) errors.push(`format is not "${EXPORT_FORMAT}"`);
  if (raw.version !== EXPORT_VERSION) errors.push(`version ${JSON.stringify(raw.version)} is not ${EXPORT_VERSION}`);
  if (typeof raw.exportedAt !== 'string' || !ISO_UTC.test(raw.exportedAt) || Number.isNaN(Date.parse(raw.exportedAt))) {
    errors.push('exportedAt is not an ISO 8601 UTC time');
  }
  for (const key of Object.keys(raw)) if (!DOCUMENT_KEYS.has(key)) errors.push(`unknown field ${JSON.stringify(key)}`);
  const cards = table(raw.cards, 'cards', decodeCard, errors);
  const marks = table(raw.marks, 'marks', decodeMark, errors);
  const records = table(raw.records, 'records', decodeStrictBody, errors);
  const log: ReviewLogEntry[] = [];
  if (!Array.isArray(raw.log)) errors.push('log is not an array');
  else {
    raw.log.forEach((item, index) => {
      const entry = decodeLogEntry(item);
      if (entry) log.push(entry);
      else errors.push(`log[${index}] is not a review`);
    });
  }
  if (errors.length > 0) return { ok: false, errors: truncated(errors) };
  return { ok: true, data: { cards, marks, records, log }, exportedAt: raw.exportedAt as string };
}

export function mergeImport(current: ProgressData, incoming: ProgressData, importedNoteLabel = 'Imported'): ProgressData {
  const cards = new Map(current.cards);
  for (const [id, theirs] of incoming.cards) {
    const mine = cards.get(id);
    cards.set(id, mine === undefined ? theirs : importedCard(mine, theirs));
  }
  const marks = new Map(current.marks);
  for (const [id, theirs] of incoming.marks) {
    const mine = marks.get(id);
    marks.set(id, mine === undefined ? theirs : mergeMarks(mine, theirs));
  }
  const records = new Map(current.records);
  for (const [id, theirs] of incoming.records) {
    const mine = records.get(id);
    records.set(id, mine === undefined ? theirs : mergeBodies(mine, theirs, importedNoteLabel));
  }
  return { cards, marks, records, log: mergeLogs(current.log, incoming.log) };
}

/** What `mergeImport` would change, counted from its result so that the preview cannot disagree with it. */
export function previewImport(current: ProgressData, incoming: ProgressData): ImportPreview {
  const merged = mergeImport(current, incoming);
  const known = (id: string) => current.cards.has(id) || current.marks.has(id) || current.records.has(id);
  const ids = new Set([...incoming.cards.keys(), ...incoming.marks.keys(), ...incoming.records.keys()]);
  let newQuestions = 0;
  let newerReviews = 0;
  let attemptsAdded = 0;
  let notesChanged = 0;
  let marksChanged = 0;
  for (const id of ids) {
    if (!known(id)) newQuestions++;
    if (merged.cards.get(id) !== current.cards.get(id)) newerReviews++;
    const before = current.records.get(id);
    const after = merged.records.get(id);
    attemptsAdded += (after?.attempts.length ?? 0) - (before?.attempts.length ?? 0);
    if ((after?.note ?? '') !== (before?.note ?? '')) notesChanged++;
    const markBefore = current.marks.get(id);
    const markAfter = merged.marks.get(id);
    if (markBefore === undefined ? markAfter !== undefined : !sameMark(markBefore, markAfter)) marksChanged++;
  }
  return {
    newQuestions,
    newerReviews,
    attemptsAdded,
    notesChanged,
    marksChanged,
    logEntriesAdded: merged.log.length - current.log.length,
  };
}

/** Latest review wins; a reset card here gives way to any imported review (the user asked for that progress back). */
function importedCard(mine: ReviewCard, theirs: ReviewCard): ReviewCard {
  if (mine.state === CARD_STATE.new && theirs.state !== CARD_STATE.new) return theirs;
  return newerCard(mine, theirs);
}

function mergeBodies(mine: RecordBody, theirs: RecordBody, importedNoteLabel: string): RecordBody {
  const byStart = new Map<number, Attempt>();
  for (const attempt of mine.attempts) byStart.set(attempt.startedAt, attempt);
  for (const attempt of theirs.attempts) {
    const existing = byStart.get(attempt.startedAt);
    // The same attempt seen twice: the graded copy is the later state of it.
    if (existing === undefined || (existing.grade === undefined && attempt.grade !== undefined)) {
      byStart.set(attempt.startedAt, attempt);
    }
  }
  const attempts = [...byStart.values()].sort((a, b) => a.startedAt - b.startedAt);
  const body: RecordBody = { attempts, note: mergeNotes(mine.note, theirs.note, importedNoteLabel) };
  const draft = mine.draft ?? theirs.draft;
  if (draft !== undefined) body.draft = draft;
  return body;
}

function mergeNotes(mine: string, theirs: string, importedNoteLabel: string): string {
  if (theirs === '' || mine.includes(theirs)) return mine;
  if (theirs.startsWith(mine)) return theirs;
  return `${mine}\n\n---\n\n*${importedNoteLabel}:*\n\n${theirs}`;
}

function mergeLogs(mine: readonly ReviewLogEntry[], theirs: readonly ReviewLogEntry[]): ReviewLogEntry[] {
  const key = (entry: ReviewLogEntry) => `${entry.id}\n${entry.at}\n${entry.grade}`;
  const known = new Set(mine.map(key));
  const added = theirs.filter((entry) => {
    const k = key(entry);
    if (known.has(k)) return false;
    known.add(k);
    return true;
  });
  return added.length === 0 ? [...mine] : [...mine, ...added].sort((a, b) => a.at - b.at);
}

function decodeStrictBody(raw: unknown): RecordBody | undefined {
  if (!isObject(raw) || !onlyKeys(raw, BODY_KEYS) || !Array.isArray(raw.attempts) || typeof raw.note !== 'string') {
    return undefined;
  }
  const { body, dropped } = decodeRecordBody(raw);
  return dropped.length === 0 ? body : undefined;
}

function table<T>(raw: unknown, name: string, decode: (value: unknown) => T | undefined, errors: string[]): Map<string, T> {
  const result = new Map<string, T>();
  if (!isObject(raw)) {
    errors.push(`${name} is not an object`);
    return result;
  }
  for (const [id, value] of Object.entries(raw)) {
    const decoded = isQuestionId(id) ? decode(value) : undefined;
    if (decoded === undefined) errors.push(`${name}[${JSON.stringify(id)}] is invalid`);
    else result.set(id, decoded);
  }
  return result;
}

function sameMark(a: StoredMark, b: StoredMark | undefined): boolean {
  return b !== undefined && a.a === b.a && a.r === b.r && a.s === b.s;
}

function truncated(errors: string[]): string[] {
  return errors.length <= MAX_ERRORS ? errors : [...errors.slice(0, MAX_ERRORS), `… and ${errors.length - MAX_ERRORS} more`];
}
