import * as assert from 'node:assert/strict';
import { CARD_STATE, resetCard, type ReviewCard } from '../../src/core/review/card';
import { GRADE } from '../../src/core/review/grades';
import { buildReviewQueue } from '../../src/core/review/queue';
import { logEntry, type ReviewLogEntry } from '../../src/core/review/reviewLog';
import { createScheduler } from '../../src/core/review/scheduler';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The learner lives at UTC+8 (no daylight saving): local midnight is 16:00 UTC. */
const OFFSET = 8 * HOUR;
const startOfDay = (ms: number) => Math.floor((ms + OFFSET) / DAY) * DAY - OFFSET;
const localTime = (day: number, hour: number, minute: number) => Date.UTC(2026, 4, day, hour, minute) - OFFSET;
const scheduler = createScheduler({ enableFuzz: false });

/** A review card last seen `daysAgo` before `at` with the given stability and interval. */
function review(at: number, daysAgo: number, stability: number, scheduledDays: number): ReviewCard {
  const lastReview = at - daysAgo * DAY;
  return {
    due: lastReview + scheduledDays * DAY,
    stability,
    difficulty: 5,
    scheduledDays,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: CARD_STATE.review,
    lastReview,
  };
}

function queue(cards: Map<string, ReviewCard>, candidates: string[], now: number, log: ReviewLogEntry[], limits = {}) {
  return buildReviewQueue({ cards, candidates, now, startOfDay, retrievability: scheduler.retrievability, log, ...limits });
}

describe('review queue', () => {
  const at = localTime(10, 9, 0);

  it('puts due questions first, lowest retrievability first, then new ones in practice order', () => {
    const cards = new Map([
      ['q/strong', review(at, 10, 50, 9)],
      ['q/weak', review(at, 10, 2, 5)],
      ['q/mid', review(at, 10, 10, 8)],
      ['q/later', review(at, 1, 10, 8)],
    ]);
    const result = queue(cards, ['n/2', 'q/strong', 'q/later', 'q/mid', 'n/1', 'q/weak', 'q/gone'], at, []);
    assert.deepEqual(result.due, ['q/weak', 'q/mid', 'q/strong']);
    assert.deepEqual(result.fresh, ['n/2', 'n/1', 'q/gone']);
    assert.equal(result.dueCount, 3);
    assert.equal(result.nextDue, cards.get('q/later')!.due);
  });

  it('ignores cards of questions that are not candidates, and treats a reset card as new', () => {
    const cards = new Map([['q/old', review(at, 10, 2, 5)], ['q/reset', resetCard(at - DAY)]]);
    const result = queue(cards, ['q/reset'], at, []);
    assert.deepEqual(result.due, []);
    assert.deepEqual(result.fresh, ['q/reset']);
  });

  it('counts new questions introduced today against the daily limit until local midnight, then starts afresh', () => {
    const candidates = Array.from({ length: 20 }, (_, i) => `n/${i}`);
    const cards = new Map<string, ReviewCard>();
    const log: ReviewLogEntry[] = [];
    const morning = localTime(10, 8, 0);
    for (const id of candidates.slice(0, 4)) {
      const outcome = scheduler.grade(undefined, morning, GRADE.good);
      cards.set(id, outcome.card);
      log.push(logEntry(id, outcome.review));
    }
    const beforeMidnight = queue(cards, candidates, localTime(10, 23, 59), log, { newPerDay: 5 });
    assert.deepEqual(beforeMidnight.fresh, ['n/4']);
    assert.deepEqual(beforeMidnight.today, { graded: 4, introduced: 4, reviewed: 0 });
    const afterMidnight = queue(cards, candidates, localTime(11, 0, 1), log, { newPerDay: 5 });
    assert.deepEqual(afterMidnight.fresh, ['n/4', 'n/5', 'n/6', 'n/7', 'n/8']);
    assert.deepEqual(afterMidnight.today, { graded: 0, introduced: 0, reviewed: 0 });
  });

  it('caps reviews by the reviews already done today, resets the cap at local midnight, and never caps learning steps', () => {
    const lateEvening = localTime(10, 23, 59);
    const cards = new Map<string, ReviewCard>();
    for (let i = 0; i < 5; i++) cards.set(`r/${i}`, review(lateEvening, 10, 1 + i, 3));
    const done = review(lateEvening, 0, 5, 3);
    cards.set('r/done', done);
    const log: ReviewLogEntry[] = [
      { id: 'r/done', at: localTime(10, 20, 0), grade: GRADE.good, state: CARD_STATE.review, due: done.due },
      { id: 'r/x', at: localTime(10, 21, 0), grade: GRADE.good, state: CARD_STATE.review, due: done.due },
      { id: 'r/x', at: localTime(9, 21, 0), grade: GRADE.good, state: CARD_STATE.review, due: done.due },
    ];
    const stepping = scheduler.grade(undefined, localTime(10, 23, 40), GRADE.again).card;
    cards.set('l/1', stepping);
    const candidates = ['l/1', 'r/4', 'r/3', 'r/2', 'r/1', 'r/0', 'r/done'];
    const tonight = queue(cards, candidates, lateEvening, log, { reviewsPerDay: 4 });
    assert.deepEqual(tonight.today.reviewed, 2);
    assert.deepEqual(tonight.due.filter((id) => id.startsWith('r/')), ['r/0', 'r/1']);
    assert.ok(tonight.due.includes('l/1'));
    assert.equal(tonight.dueCount, 6);
    const tomorrow = queue(cards, candidates, localTime(11, 0, 1), log, { reviewsPerDay: 4 });
    assert.deepEqual(tomorrow.due.filter((id) => id.startsWith('r/')), ['r/0', 'r/1', 'r/2', 'r/3']);
  });

  it('counts the questions due by the end of tomorrow for the summary', () => {
    const cards = new Map([
      ['t/1', { ...review(at, 1, 5, 1), due: localTime(11, 23, 0) }],
      ['t/2', { ...review(at, 1, 5, 1), due: localTime(12, 0, 30) }],
      ['t/3', { ...review(at, 1, 5, 1), due: localTime(10, 18, 0) }],
    ]);
    assert.equal(queue(cards, ['t/1', 't/2', 't/3'], at, []).dueTomorrow, 2);
  });
});
