import * as assert from 'node:assert/strict';
import { CARD_STATE, type ReviewCard } from '../../src/core/review/card';
import { GRADE } from '../../src/core/review/grades';
import { migrateProgress } from '../../src/core/review/migration';
import {
  attemptsNewestFirst,
  decodeRecord,
  emptyRecord,
  encodeRecord,
  finishAttempt,
  startAttempt,
  updateDraft,
} from '../../src/core/review/records';
import { mergeCardTables } from '../../src/core/review/syncMerge';

const T = Date.UTC(2026, 5, 1, 10);

function card(lastReview: number, reps: number): ReviewCard {
  return { due: lastReview + 86_400_000, stability: 3, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps, lapses: 0, state: CARD_STATE.review, lastReview };
}

describe('question records', () => {
  it('keeps every attempt: draft, grade, practise again, newest first', () => {
    let record = startAttempt(emptyRecord('q/1'), T);
    record = updateDraft(record, 'first try', T + 1000);
    record = finishAttempt(record, GRADE.hard, T + 60_000);
    record = startAttempt(record, T + 120_000);
    record = updateDraft(record, 'second try', T + 121_000);
    record = startAttempt(record, T + 180_000); // practise again before grading: the text is kept
    assert.deepEqual(attemptsNewestFirst(record).map((a) => [a.text, a.grade]), [['second try', undefined], ['first try', GRADE.hard]]);
    assert.deepEqual(record.attempts[0], { startedAt: T, spentMs: 60_000, text: 'first try', grade: GRADE.hard, gradedAt: T + 60_000 });
    assert.deepEqual(record.draft, { startedAt: T + 180_000, text: '' });
    assert.deepEqual(decodeRecord(JSON.parse(JSON.stringify(encodeRecord(record))), 'q/1'), { record, dropped: [] });
  });

  it('recovers the valid attempts of a corrupt record and says what was dropped', () => {
    const raw = {
      v: 1,
      id: 'q/1',
      attempts: [
        { startedAt: T, spentMs: 5, text: 'kept' },
        { startedAt: 'yesterday', spentMs: 5, text: 'bad time' },
        { startedAt: T + 1, spentMs: 5, text: 'grade without time', grade: 3 },
        null,
        { startedAt: T + 2, spentMs: 0, text: 'graded', grade: 4, gradedAt: T + 9 },
      ],
      note: 42,
      draft: { startedAt: T + 3, text: 'draft' },
    };
    const { record, dropped } = decodeRecord(raw, 'q/1');
    assert.deepEqual(record?.attempts.map((a) => a.text), ['kept', 'graded']);
    assert.equal(record?.note, '');
    assert.deepEqual(record?.draft, { startedAt: T + 3, text: 'draft' });
    assert.deepEqual(dropped, ['attempts[1]', 'attempts[2]', 'attempts[3]', 'note']);
  });

  it('refuses a file that is not a record of this question', () => {
    for (const raw of [null, [], 'text', { v: 2, id: 'q/1', attempts: [] }, { v: 1, id: 'q/2', attempts: [] }]) {
      const { record, dropped } = decodeRecord(raw, 'q/1');
      assert.equal(record, undefined);
      assert.equal(dropped.length, 1);
    }
  });
});

describe('Settings Sync merge of cards', () => {
  it('keeps the latest review of each question from either side, and says which local ones must be written back', () => {
    const local = new Map([['a', card(T + 5, 2)], ['b', card(T, 2)], ['c', card(T, 4)], ['only-local', card(T, 1)]]);
    const synced = new Map([['a', card(T, 9)], ['b', card(T + 5, 1)], ['c', card(T, 3)], ['only-synced', card(T, 1)]]);
    const { cards, localWins } = mergeCardTables(local, synced);
    assert.equal(cards.get('a'), local.get('a')); // newer review here beats more reps there
    assert.equal(cards.get('b'), synced.get('b')); // an older local value never undoes a newer review
    assert.equal(cards.get('c'), local.get('c')); // same time: more reps
    assert.equal(cards.get('only-synced'), synced.get('only-synced'));
    assert.deepEqual(localWins.sort(), ['a', 'c', 'only-local']);
  });

  it('asks for no write-back when the synced table already has everything', () => {
    const same = new Map([['a', card(T, 2)]]);
    assert.deepEqual(mergeCardTables(new Map([['a', card(T, 2)]]), same).localWins, []);
  });
});

describe('migration from dojo.marks.v1 and dojo.attempts.v1', () => {
  it('turns every attempt text into the attempt in progress, dated by the marks, losing nothing', () => {
    const marks = { 'q/1': { a: T, r: T + 5 }, 'q/2': { r: T + 7, s: 1 }, 'q/4': { s: 1 } };
    const attempts = { 'q/1': 'my answer', 'q/2': '  ', 'q/3': 'no mark', 'q/5': '' };
    const { marks: kept, records, invalid } = migrateProgress(marks, attempts, T + 100);
    assert.deepEqual(Object.fromEntries(kept), marks);
    assert.deepEqual([...records.keys()], ['q/1', 'q/2', 'q/3']);
    assert.deepEqual(records.get('q/1')?.draft, { startedAt: T, text: 'my answer' });
    assert.deepEqual(records.get('q/2')?.draft, { startedAt: T + 7, text: '  ' });
    assert.deepEqual(records.get('q/3')?.draft, { startedAt: T + 100, text: 'no mark' });
    assert.deepEqual(records.get('q/1')?.attempts, [], 'never graded: not an earlier attempt');
    assert.deepEqual(invalid, []);
  });

  it('lists what it could not read and still migrates the rest', () => {
    const { marks, records, invalid } = migrateProgress(
      { 'q/1': { a: 'soon' }, 'q/2': { a: T } },
      { 'q/1': 'text kept', 'q/2': 7 },
      T + 100,
    );
    assert.deepEqual([...marks.keys()], ['q/2']);
    assert.deepEqual(records.get('q/1')?.draft, { startedAt: T + 100, text: 'text kept' });
    assert.deepEqual(invalid, [
      { source: 'marks', id: 'q/1', reason: 'not a mark' },
      { source: 'attempts', id: 'q/2', reason: 'not a text' },
    ]);
    assert.deepEqual(migrateProgress('x', ['y'], T).invalid.map((i) => i.id), ['*', '*']);
    assert.deepEqual(migrateProgress(undefined, undefined, T), { marks: new Map(), records: new Map(), invalid: [] });
  });
});
