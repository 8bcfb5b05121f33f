import Ajv from 'ajv';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { resetCard, type ReviewCard } from '../../src/core/review/card';
import {
  emptyProgress,
  exportDocument,
  mergeImport,
  previewImport,
  validateExport,
  type ProgressData,
} from '../../src/core/review/exchange';
import { GRADE } from '../../src/core/review/grades';
import { logEntry } from '../../src/core/review/reviewLog';
import { createScheduler } from '../../src/core/review/scheduler';

const T = Date.UTC(2026, 6, 1, 12);
const DAY = 86_400_000;
const schema = JSON.parse(readFileSync(path.join(__dirname, '../../schemas/progress-export.v1.schema.json'), 'utf8'));
const schemaAccepts = new Ajv({ strict: true, allErrors: true }).compile(schema);

/** A learner's progress: two graded questions, one starred unseen one, notes, a draft, the log. */
function progress(): ProgressData {
  const scheduler = createScheduler();
  const first = scheduler.grade(undefined, T, GRADE.good);
  const second = scheduler.grade(undefined, T + 1000, GRADE.again);
  return {
    cards: new Map<string, ReviewCard>([['bank/aaaa0001', first.card], ['bank/aaaa0002', second.card]]),
    marks: new Map([['bank/aaaa0001', { a: T - 5000, r: T - 100 }], ['bank/aaaa0003', { s: 1 as const }]]),
    records: new Map([
      ['bank/aaaa0001', { attempts: [{ startedAt: T - 5000, spentMs: 4900, text: 'attention is…', grade: GRADE.good, gradedAt: T }], note: 'remember **softmax**' }],
      ['bank/aaaa0002', { attempts: [], note: '', draft: { startedAt: T + 2000, text: 'half done' } }],
    ]),
    log: [logEntry('bank/aaaa0001', first.review), logEntry('bank/aaaa0002', second.review)],
  };
}

function roundTrip(data: ProgressData): unknown {
  return JSON.parse(JSON.stringify(exportDocument(data, T + DAY)));
}

describe('progress export and import', () => {
  it('restores everything after export, reset and import', () => {
    const original = progress();
    const validated = validateExport(roundTrip(original));
    assert.ok(validated.ok, JSON.stringify(validated));
    const afterReset: ProgressData = { ...emptyProgress(), cards: new Map([['bank/aaaa0001', resetCard(T + 2 * DAY)]]) };
    assert.deepEqual(mergeImport(afterReset, validated.data), original);
    assert.deepEqual(mergeImport(emptyProgress(), validated.data), original);
  });

  it('previews the counts of an import, and importing the same file twice changes nothing more', () => {
    const incoming = progress();
    const current: ProgressData = {
      cards: new Map([['bank/aaaa0001', incoming.cards.get('bank/aaaa0001')!]]),
      marks: new Map(),
      records: new Map([['bank/aaaa0001', { attempts: [], note: 'remember' }]]),
      log: [incoming.log[0]],
    };
    assert.deepEqual(previewImport(current, incoming), {
      newQuestions: 2,
      newerReviews: 1,
      attemptsAdded: 1,
      notesChanged: 1,
      marksChanged: 2,
      logEntriesAdded: 1,
    });
    const merged = mergeImport(current, incoming);
    assert.deepEqual(previewImport(merged, incoming), {
      newQuestions: 0, newerReviews: 0, attemptsAdded: 0, notesChanged: 0, marksChanged: 0, logEntriesAdded: 0,
    });
  });

  it('keeps the later review and unites attempts by start time', () => {
    const scheduler = createScheduler();
    const older = scheduler.grade(undefined, T, GRADE.good).card;
    const newer = scheduler.grade(older, older.due, GRADE.easy).card;
    const attempt = (startedAt: number, text: string) => ({ startedAt, spentMs: 1, text });
    const current: ProgressData = { ...emptyProgress(), cards: new Map([['q', newer]]), records: new Map([['q', { attempts: [attempt(1, 'one'), attempt(3, 'three')], note: '' }]]) };
    const incoming: ProgressData = { ...emptyProgress(), cards: new Map([['q', older]]), records: new Map([['q', { attempts: [attempt(2, 'two'), attempt(3, 'three')], note: '' }]]) };
    const merged = mergeImport(current, incoming);
    assert.equal(merged.cards.get('q'), newer);
    assert.deepEqual(merged.records.get('q')?.attempts.map((a) => a.text), ['one', 'two', 'three']);
  });

  it('replaces an empty note or one the import extends, and otherwise keeps both notes, clearly separated', () => {
    const note = (mine: string, theirs: string) =>
      mergeImport(
        { ...emptyProgress(), records: new Map([['q', { attempts: [], note: mine }]]) },
        { ...emptyProgress(), records: new Map([['q', { attempts: [], note: theirs }]]) },
        '导入',
      ).records.get('q')?.note;
    assert.equal(note('', 'theirs'), 'theirs');
    assert.equal(note('draft', 'draft, finished'), 'draft, finished');
    assert.equal(note('mine, longer', 'mine'), 'mine, longer');
    assert.equal(note('mine', 'theirs'), 'mine\n\n---\n\n*导入:*\n\ntheirs');
    assert.equal(note(note('mine', 'theirs')!, 'theirs'), 'mine\n\n---\n\n*导入:*\n\ntheirs');
  });

  it('has a schema that accepts what exportDocument writes', () => {
    for (const data of [progress(), emptyProgress()]) {
      const doc = roundTrip(data);
      assert.ok(schemaAccepts(doc), JSON.stringify(schemaAccepts.errors));
      assert.ok(validateExport(doc).ok);
    }
  });

  it('has a schema that rejects exactly what validateExport rejects', () => {
    const good = roundTrip(progress()) as Record<string, any>;
    const variant = (change: (doc: any) => void) => {
      const doc = structuredClone(good);
      change(doc);
      return doc;
    };
    const card = good.cards['bank/aaaa0001'];
    const bad: [string, unknown][] = [
      ['not an object', []],
      ['wrong format', variant((d) => (d.format = 'other'))],
      ['future version', variant((d) => (d.version = 2))],
      ['local time', variant((d) => (d.exportedAt = '2026-07-01 12:00'))],
      ['extra field', variant((d) => (d.extra = 1))],
      ['missing log', variant((d) => delete d.log)],
      ['cards not an object', variant((d) => (d.cards = []))],
      ['empty id', variant((d) => (d.cards[''] = card))],
      ['long id', variant((d) => (d.cards['x'.repeat(201)] = card))],
      ['short card', variant((d) => (d.cards.x = card.slice(0, 8)))],
      ['long card', variant((d) => (d.cards.x = [...card, 0]))],
      ['fractional due', variant((d) => (d.cards.x = [1.5, ...card.slice(1)]))],
      ['negative stability', variant((d) => (d.cards.x = [card[0], -1, ...card.slice(2)]))],
      ['difficulty above 10', variant((d) => (d.cards.x = [card[0], card[1], 11, ...card.slice(3)]))],
      ['state 4', variant((d) => (d.cards.x = [...card.slice(0, 7), 4, card[8]]))],
      ['string in card', variant((d) => (d.cards.x = [...card.slice(0, 5), '1', ...card.slice(6)]))],
      ['mark with other key', variant((d) => (d.marks.x = { b: 1 }))],
      ['star not 1', variant((d) => (d.marks.x = { s: true }))],
      ['record without note', variant((d) => delete d.records['bank/aaaa0001'].note)],
      ['record with extra key', variant((d) => (d.records['bank/aaaa0001'].extra = 1))],
      ['attempt grade without time', variant((d) => delete d.records['bank/aaaa0001'].attempts[0].gradedAt)],
      ['attempt time without grade', variant((d) => delete d.records['bank/aaaa0001'].attempts[0].grade)],
      ['attempt grade 5', variant((d) => (d.records['bank/aaaa0001'].attempts[0].grade = 5))],
      ['attempt negative spent', variant((d) => (d.records['bank/aaaa0001'].attempts[0].spentMs = -1))],
      ['draft without text', variant((d) => (d.records['bank/aaaa0002'].draft = { startedAt: 1 }))],
      ['log entry too short', variant((d) => d.log.push(['x', 1, 3, 0]))],
      ['log grade 0', variant((d) => d.log.push(['x', 1, 0, 0, 2]))],
      ['log not an array', variant((d) => (d.log = {}))],
    ];
    for (const [what, doc] of bad) {
      assert.equal(schemaAccepts(doc), false, `schema accepted: ${what}`);
      const result = validateExport(doc);
      assert.equal(result.ok, false, `validateExport accepted: ${what}`);
      assert.ok(!result.ok && result.errors.length > 0);
    }
  });
});
