// The progress dashboard's numbers on fixed data, a fixed clock and fixed-offset calendars: totals, domain rows with
// the mastered threshold, the year's heatmap laid out by weeks, the 30-day forecast, retention, the streak (also when
// one day is missed) and days split at local midnight rather than UTC's.
import * as assert from 'node:assert/strict';
import {
  dashboardStats,
  FORECAST_DAYS,
  MASTERED_STABILITY_DAYS,
  progressState,
  questionsInState,
  reviewedOn,
  type DashboardInput,
} from '../../src/core/progress/dashboardStats';
import { dayKey, type LocalCalendar } from '../../src/core/progress/localCalendar';
import { CARD_STATE, type CardState, type ReviewCard } from '../../src/core/review/card';
import type { Grade } from '../../src/core/review/grades';
import type { ReviewLogEntry } from '../../src/core/review/reviewLog';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A calendar `hours` ahead of UTC, without daylight saving. */
function fixedOffset(hours: number): LocalCalendar {
  const offset = hours * HOUR;
  return {
    startOfDay: (ms) => Math.floor((ms + offset) / DAY) * DAY - offset,
    dateOf: (ms) => {
      const d = new Date(ms + offset);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
    },
  };
}

const shanghai = fixedOffset(8);
const newYork = fixedOffset(-5);
/** Wednesday 2026-06-10, 10:00 in Shanghai. */
const NOW = Date.UTC(2026, 5, 10, 2);

function card(state: CardState, due: number, stability = 5): ReviewCard {
  return { due, stability, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state, lastReview: NOW - DAY };
}

function review(id: string, at: number, grade: Grade = 3): ReviewLogEntry {
  return { id, at, grade, state: CARD_STATE.review, due: at + DAY };
}

/** Shanghai local time on the day `daysAgo` before NOW's day. */
function localAt(daysAgo: number, hour: number): number {
  return shanghai.startOfDay(NOW) - daysAgo * DAY + hour * HOUR;
}

function input(overrides: Partial<DashboardInput> = {}): DashboardInput {
  return {
    questions: [
      { id: 'ml/1', domain: 'ml' },
      { id: 'ml/2', domain: 'ml' },
      { id: 'ml/3', domain: 'ml' },
      { id: 'ml/4', domain: 'ml' },
      { id: 'sys/1', domain: 'systems' },
      { id: 'sys/2', domain: 'systems' },
    ],
    domains: [
      { id: 'systems', label: 'Systems' },
      { id: 'ml', label: 'Machine learning' },
      { id: 'finance', label: 'Finance' },
    ],
    cards: new Map(),
    log: [],
    seen: () => false,
    now: NOW,
    calendar: shanghai,
    ...overrides,
  };
}

describe('dashboardStats', () => {
  it('shows an empty history as zeros: nothing practised, no streak, an empty heatmap and forecast, no retention', () => {
    const model = dashboardStats(input());
    assert.equal(model.today, '2026-06-10');
    assert.deepEqual(model.totals, { questions: 6, practised: 0, dueToday: 0, streak: 0, reviewedToday: 0 });
    assert.deepEqual(model.domains.map((d) => [d.label, d.total, d.new]), [['Systems', 2, 2], ['Machine learning', 4, 4]]);
    assert.ok(model.heatmap.every((day) => day.count === 0 && day.level === 0));
    assert.equal(model.forecast.length, FORECAST_DAYS);
    assert.ok(model.forecast.every((day) => day.count === 0));
    assert.deepEqual(model.retention, { reviews: 0, passed: 0 });
  });

  it('counts each domain by state, mastered from a stability of 21 days in review, in the taxonomy order without empty domains', () => {
    const cards = new Map<string, ReviewCard>([
      ['ml/1', card(CARD_STATE.learning, NOW + HOUR)],
      ['ml/2', card(CARD_STATE.review, NOW + 3 * DAY, MASTERED_STABILITY_DAYS - 0.1)],
      ['ml/3', card(CARD_STATE.review, NOW + 40 * DAY, MASTERED_STABILITY_DAYS)],
      ['sys/1', card(CARD_STATE.relearning, NOW - HOUR)],
      ['sys/2', card(CARD_STATE.new, NOW)],
      ['gone/1', card(CARD_STATE.review, NOW, 100)],
    ]);
    const model = dashboardStats(input({ cards, seen: (id) => id === 'ml/4' }));
    assert.deepEqual(model.domains, [
      { id: 'systems', label: 'Systems', total: 2, new: 1, learning: 1, review: 0, mastered: 0 },
      { id: 'ml', label: 'Machine learning', total: 4, new: 1, learning: 1, review: 1, mastered: 1 },
    ]);
    assert.equal(model.totals.practised, 5, 'four graded, one only attempted; the card of a question in no bank does not count');
    assert.equal(progressState(undefined), 'new');
    assert.deepEqual(questionsInState(input().questions, cards, 'ml', 'learning'), ['ml/1']);
    assert.deepEqual(questionsInState(input().questions, cards, 'ml', 'new'), ['ml/4']);
    assert.deepEqual(questionsInState(input().questions, cards, 'systems', 'mastered'), []);
  });

  it('forecasts 30 local days: overdue and due-by-midnight today, later days by the local day they fall on', () => {
    const today = shanghai.startOfDay(NOW);
    const cards = new Map<string, ReviewCard>([
      ['ml/1', card(CARD_STATE.review, NOW - 5 * DAY)],
      ['ml/2', card(CARD_STATE.review, today + DAY - 1)],
      ['ml/3', card(CARD_STATE.review, today + DAY)],
      ['ml/4', card(CARD_STATE.review, today + 29 * DAY + 23 * HOUR)],
      ['sys/1', card(CARD_STATE.review, today + 30 * DAY)],
      ['sys/2', card(CARD_STATE.new, NOW - DAY)],
    ]);
    const model = dashboardStats(input({ cards }));
    assert.equal(model.totals.dueToday, 2);
    assert.deepEqual(model.forecast[0], { date: '2026-06-10', count: 2 });
    assert.deepEqual(model.forecast[1], { date: '2026-06-11', count: 1 });
    assert.deepEqual(model.forecast[29], { date: '2026-07-09', count: 1 });
    assert.equal(model.forecast.reduce((sum, day) => sum + day.count, 0), 4, 'beyond 30 days and new cards are left out');
  });

  it('lays the heatmap out GitHub-style: from a Sunday 52 weeks back through today, counts and levels per local day', () => {
    const log = [review('a', localAt(0, 9)), review('b', localAt(0, 11)), review('a', localAt(0, 12)), review('a', localAt(0, 13)), review('c', localAt(3, 20))];
    const model = dashboardStats(input({ log }));
    const { heatmap } = model;
    assert.equal(heatmap.length, 52 * 7 + 4, 'today is a Wednesday: 52 full weeks and Sunday to Wednesday');
    assert.equal(heatmap[0]!.date, '2025-06-08');
    assert.equal(new Date(`${heatmap[0]!.date}T12:00:00Z`).getUTCDay(), 0, 'the first day is a Sunday');
    assert.deepEqual(heatmap.at(-1), { date: '2026-06-10', count: 4, level: 4 });
    assert.deepEqual(heatmap.find((d) => d.date === '2026-06-07'), { date: '2026-06-07', count: 1, level: 1 });
    assert.equal(new Set(heatmap.map((d) => d.date)).size, heatmap.length, 'one cell per day');
    assert.equal(model.totals.reviewedToday, 4);
  });

  it('splits days at local midnight: 23:30 and 00:30 in Shanghai are two days, the same instants one day in New York', () => {
    const late = localAt(1, 23.5);
    const early = localAt(0, 0.5);
    const log = [review('a', late), review('b', early)];
    assert.deepEqual(reviewedOn(log, '2026-06-09', shanghai), ['a']);
    assert.deepEqual(reviewedOn(log, '2026-06-10', shanghai), ['b']);
    assert.deepEqual(reviewedOn(log, '2026-06-09', newYork), ['a', 'b']);
    assert.equal(dayKey(newYork, late), '2026-06-09');
    assert.equal(dashboardStats(input({ log })).totals.streak, 2);
    const inNewYork = dashboardStats(input({ log, calendar: newYork }));
    assert.equal(inNewYork.today, '2026-06-09', 'NOW is still the evening before in New York');
    assert.equal(inNewYork.heatmap.at(-1)!.count, 2);
  });

  it('counts the streak back from today, or from yesterday while today has no review yet, and stops at a missed day', () => {
    const days = (...ago: number[]) => ago.map((n, i) => review(`q${i}`, localAt(n, 18)));
    const streak = (log: ReviewLogEntry[]) => dashboardStats(input({ log })).totals.streak;
    assert.equal(streak(days(0, 1, 2)), 3);
    assert.equal(streak(days(1, 2, 3)), 3, 'nothing yet today: the streak still stands');
    assert.equal(streak(days(0, 1, 3, 4, 5)), 2, 'the day missed two days ago breaks it');
    assert.equal(streak(days(2, 3)), 0, 'missed yesterday and today: no streak');
  });

  it('measures retention over the last 30 local days as the share not graded Again', () => {
    const log = [
      review('a', localAt(0, 8), 1),
      review('b', localAt(0, 9), 2),
      review('c', localAt(29, 0.1), 3),
      review('d', localAt(29, 1), 4),
      review('e', localAt(30, 23.9), 1),
    ];
    assert.deepEqual(dashboardStats(input({ log })).retention, { reviews: 4, passed: 3 });
  });

  it('lists the questions reviewed on a day once each, in the order first reviewed', () => {
    const log = [review('b', localAt(0, 9)), review('a', localAt(0, 8)), review('b', localAt(0, 7)), review('c', localAt(1, 9))];
    assert.deepEqual(reviewedOn(log, '2026-06-10', shanghai), ['b', 'a']);
    assert.deepEqual(reviewedOn(log, '2026-06-01', shanghai), []);
  });
});
