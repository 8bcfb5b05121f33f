// First start after issue 8: the attempt texts of `dojo.attempts.v1` (one text per question, overwritten on every
// attempt) become records whose attempt in progress (`draft`) is that text: it was never graded, and the panel shows
// the draft, so the user finds their text where it was. Marks (`dojo.marks.v1`: seen timestamps and stars) stay
// where they are; they are only checked here.
//
// API for adapters: `migrateProgress(rawMarks, rawAttempts, now)` → `{ marks, records, invalid }`. Write every record
// that does not exist yet and leave the old keys' values as they are (nothing is lost, and an older version still
// finds them). Pure: the raw values in, the new data out.
import { decodeMarkTable, type StoredMark } from './marks';
import { emptyRecord, type QuestionRecord } from './records';
import { isObject, isQuestionId } from './validation';

export interface MigrationIssue {
  source: 'marks' | 'attempts';
  /** The question id, or `*` when the whole value was unusable. */
  id: string;
  reason: string;
}

export interface MigrationResult {
  marks: Map<string, StoredMark>;
  records: Map<string, QuestionRecord>;
  invalid: MigrationIssue[];
}

export function migrateProgress(rawMarks: unknown, rawAttempts: unknown, now: number): MigrationResult {
  const { marks, invalid: badMarks } = decodeMarkTable(rawMarks);
  const invalid: MigrationIssue[] = badMarks.map((id) => ({ source: 'marks', id, reason: 'not a mark' }));
  const records = new Map<string, QuestionRecord>();
  if (rawAttempts !== undefined && !isObject(rawAttempts)) {
    invalid.push({ source: 'attempts', id: '*', reason: 'not an object of texts' });
  } else {
    for (const [id, text] of Object.entries(rawAttempts ?? {})) {
      if (!isQuestionId(id) || typeof text !== 'string') {
        invalid.push({ source: 'attempts', id, reason: 'not a text' });
        continue;
      }
      if (text === '') continue;
      const mark = marks.get(id);
      // The old store set `a` on the first non-blank save; a revealed answer without one still dates the attempt.
      const startedAt = mark?.a ?? mark?.r ?? now;
      records.set(id, { ...emptyRecord(id), draft: { startedAt, text } });
    }
  }
  return { marks, records, invalid };
}
