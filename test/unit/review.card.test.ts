import * as assert from 'node:assert/strict';
import {
  CARD_STATE,
  decodeCard,
  decodeCardTable,
  encodeCard,
  encodeCardTable,
  resetCard,
  type ReviewCard,
} from '../../src/core/review/card';
import { GRADE, type Grade } from '../../src/core/review/grades';
import { createScheduler } from '../../src/core/review/scheduler';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 1, 8);
/** Settings Sync budget for 1,000 questions' cards (ids included): a compact summary, far below sync's limits. */
const SYNC_BUDGET_BYTES = 100 * 1024;

/** Realistic cards: each question graded a few times on a schedule, as the scheduler leaves them. */
function realisticTable(count: number): Map<string, ReviewCard> {
  const scheduler = createScheduler();
  const cards = new Map<string, ReviewCard>();
  const grades: Grade[] = [GRADE.good, GRADE.again, GRADE.hard, GRADE.easy];
  for (let i = 0; i < count; i++) {
    let card: ReviewCard | undefined;
    let now = NOW - 400 * DAY + i * 3_600_000;
    for (let review = 0; review < 2 + (i % 5); review++) {
      card = scheduler.grade(card, now, grades[(i + review) % 4]).card;
      now = card.due + (i % 3) * DAY;
    }
    const bank = String(i % 1000).padStart(3, '0');
    cards.set(`${bank}-ml-basics/${(0x1a2b3c4d + i * 7919).toString(16).slice(-8)}`, card!);
  }
  return cards;
}

describe('compact card codec', () => {
  it(`keeps 1,000 synced cards under ${SYNC_BUDGET_BYTES / 1024} KB of JSON`, () => {
    const bytes = new TextEncoder().encode(JSON.stringify(encodeCardTable(realisticTable(1000)))).length;
    assert.ok(bytes < SYNC_BUDGET_BYTES, `${bytes} bytes`);
    assert.ok(bytes / 1000 < 80, `${bytes / 1000} bytes a card with its id`);
  });

  it('round-trips a whole table through JSON', () => {
    const cards = realisticTable(200);
    const { cards: decoded, invalid } = decodeCardTable(JSON.parse(JSON.stringify(encodeCardTable(cards))));
    assert.deepEqual(invalid, []);
    assert.deepEqual(decoded, cards);
  });

  it('round-trips a reset card', () => {
    assert.deepEqual(decodeCard(encodeCard(resetCard(NOW))), resetCard(NOW));
    assert.equal(resetCard(NOW).state, CARD_STATE.new);
  });

  it('rejects every malformed card', () => {
    const good = encodeCard(realisticTable(1).values().next().value!);
    const bad: unknown[] = [
      undefined, null, {}, 'x', [], good.slice(0, 8), [...good, 0],
      ...good.map((_, i) => good.map((v, j) => (i === j ? 'x' : v))),
      ...good.map((_, i) => good.map((v, j) => (i === j ? -1 : v))),
      ...good.map((_, i) => good.map((v, j) => (i === j ? null : v))),
      set(good, 0, 1.5), set(good, 0, 9e15), set(good, 2, 10.5), set(good, 3, 2.5), set(good, 5, 1.5),
      set(good, 7, 4), set(good, 8, Number.NaN), set(good, 1, Number.POSITIVE_INFINITY),
    ];
    for (const raw of bad) assert.equal(decodeCard(raw), undefined, JSON.stringify(raw));
  });

  it('keeps the valid cards of a table and lists the ids of the others', () => {
    const good = encodeCard(resetCard(NOW));
    const raw = JSON.parse(`{"a/1": ${JSON.stringify(good)}, "a/2": [1], "": ${JSON.stringify(good)}, "__proto__": ${JSON.stringify(good)}}`);
    const { cards, invalid } = decodeCardTable(raw);
    assert.deepEqual([...cards.keys()], ['a/1', '__proto__']);
    assert.deepEqual(invalid, ['a/2', '']);
    assert.deepEqual(decodeCardTable('oops'), { cards: new Map(), invalid: ['*'] });
    assert.deepEqual(decodeCardTable(undefined), { cards: new Map(), invalid: [] });
    assert.equal(Object.getPrototypeOf(encodeCardTable(cards)), Object.prototype);
  });
});

function set(card: readonly number[], index: number, value: number): number[] {
  return card.map((v, i) => (i === index ? value : v));
}
