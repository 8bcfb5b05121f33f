import * as assert from 'node:assert/strict';
import { createEmptyCard, fsrs, generatorParameters, get_fuzz_range, Rating, type Grade as FsrsGrade } from 'ts-fsrs';
import { CARD_STATE, decodeCard, encodeCard, fromFsrsCard, type ReviewCard } from '../../src/core/review/card';
import { GRADE, gradesFor, type Grade } from '../../src/core/review/grades';
import { ENGLISH_INTERVAL_UNITS, formatInterval } from '../../src/core/review/intervalLabel';
import { createScheduler, undoGrade } from '../../src/core/review/scheduler';

const MINUTE = 60_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 15, 9, 30);
const ALL: Grade[] = [1, 2, 3, 4];

/** A review card graded Good twice over a few days, as ts-fsrs produces it. */
function reviewedCard(): ReviewCard {
  const scheduler = createScheduler({ enableFuzz: false });
  const first = scheduler.grade(undefined, NOW - 20 * DAY, GRADE.good).card;
  return scheduler.grade(first, first.due, GRADE.good).card;
}

describe('review scheduler', () => {
  it('gives a new card Again 10 min, Hard 15 min and Good at least a day with one 10-minute learning step', () => {
    const preview = createScheduler({ learningSteps: ['10m'], enableFuzz: false }).preview(undefined, NOW);
    const byGrade = new Map(preview.map((p) => [p.grade, p.intervalMs]));
    assert.equal(byGrade.get(GRADE.again), 10 * MINUTE);
    assert.equal(byGrade.get(GRADE.hard), 15 * MINUTE);
    assert.ok(byGrade.get(GRADE.good)! >= DAY, `Good: ${byGrade.get(GRADE.good)} ms`);
    assert.ok(byGrade.get(GRADE.easy)! > byGrade.get(GRADE.good)!);
  });

  for (const [label, card] of [['a new card', undefined], ['a review card', reviewedCard()]] as const) {
    it(`schedules every grade of ${label} exactly as ts-fsrs does with the same parameters (fuzz off)`, () => {
      const scheduler = createScheduler({ retention: 0.85, learningSteps: ['10m'], relearningSteps: ['10m'], enableFuzz: false });
      const reference = fsrs(
        generatorParameters({ request_retention: 0.85, learning_steps: ['10m'], relearning_steps: ['10m'], enable_fuzz: false }),
      );
      const now = card ? card.due + 3 * DAY : NOW;
      const fsrsCard = card
        ? { ...createEmptyCard(), ...toReference(card) }
        : createEmptyCard(new Date(now));
      for (const grade of ALL) {
        const expected = reference.next(fsrsCard, new Date(now), grade as FsrsGrade).card;
        const ours = scheduler.grade(card, now, grade);
        assert.equal(ours.card.due, expected.due.getTime(), `grade ${grade}`);
        assert.equal(ours.card.state, expected.state);
        assert.equal(ours.card.scheduledDays, expected.scheduled_days);
        assert.equal(ours.card.stability, Math.round(expected.stability * 1e4) / 1e4);
      }
    });
  }

  it('labels each button with exactly the interval that grading then gives, fuzz on', () => {
    const scheduler = createScheduler();
    const card = reviewedCard();
    const now = card.due + 2 * DAY;
    for (const preview of scheduler.preview(card, now)) {
      assert.deepEqual(scheduler.grade(card, now, preview.grade).card, preview.card);
    }
  });

  it('keeps fuzzed review intervals within ts-fsrs fuzz range around the unfuzzed interval', () => {
    const fuzzed = createScheduler({ enableFuzz: true });
    const plain = createScheduler({ enableFuzz: false });
    const card = reviewedCard();
    let differed = false;
    for (let day = 0; day < 40; day++) {
      const now = card.due + day * DAY + 7 * MINUTE;
      const base = plain.grade(card, now, GRADE.good).card.scheduledDays;
      const got = fuzzed.grade(card, now, GRADE.good).card.scheduledDays;
      const elapsed = Math.round((now - card.lastReview) / DAY);
      const { min_ivl, max_ivl } = get_fuzz_range(base, elapsed, 36500);
      assert.ok(got >= min_ivl && got <= max_ivl, `${got} outside ${min_ivl}–${max_ivl}`);
      differed ||= got !== base;
    }
    assert.ok(differed, 'fuzz never changed an interval');
  });

  it('records the state before and the due time after in the review event', () => {
    const outcome = createScheduler().grade(undefined, NOW, GRADE.again);
    assert.deepEqual(outcome.review, { at: NOW, grade: GRADE.again, state: CARD_STATE.new, due: NOW + 10 * MINUTE });
    assert.equal(outcome.previous, undefined);
  });

  it('undoes a grade exactly, and refuses when the card changed since', () => {
    const scheduler = createScheduler();
    const before = reviewedCard();
    const outcome = scheduler.grade(before, before.due + DAY, GRADE.hard);
    const cards = new Map([['q/1', outcome.card], ['q/2', before]]);
    assert.deepEqual(undoGrade(cards, 'q/1', outcome)?.get('q/1'), before);
    const first = scheduler.grade(undefined, NOW, GRADE.good);
    assert.equal(undoGrade(new Map([['q/3', first.card]]), 'q/3', first)?.has('q/3'), false);
    const newer = scheduler.grade(outcome.card, outcome.card.due, GRADE.good).card;
    assert.equal(undoGrade(new Map([['q/1', newer]]), 'q/1', outcome), undefined);
  });

  it('returns scheduler cards that survive the compact codec unchanged', () => {
    const scheduler = createScheduler();
    let card: ReviewCard | undefined;
    let now = NOW;
    for (const grade of [3, 1, 3, 2, 4, 3] as Grade[]) {
      card = scheduler.grade(card, now, grade).card;
      assert.deepEqual(decodeCard(JSON.parse(JSON.stringify(encodeCard(card)))), card);
      now = card.due + DAY;
    }
  });

  it('lowers retrievability as time passes and treats a new card as 0', () => {
    const scheduler = createScheduler();
    const card = reviewedCard();
    const soon = scheduler.retrievability(card, card.lastReview + DAY);
    const late = scheduler.retrievability(card, card.lastReview + 60 * DAY);
    assert.ok(soon > late && late > 0 && soon <= 1);
    assert.equal(scheduler.retrievability(fromFsrsCard(createEmptyCard(new Date(NOW))), NOW), 0);
  });

  it('falls back to defaults for settings it cannot use', () => {
    const { options } = createScheduler({ retention: 5, learningSteps: ['soon'], maximumInterval: -3 });
    assert.equal(options.retention, 0.99);
    assert.deepEqual(options.learningSteps, ['10m']);
    assert.equal(options.maximumInterval, 36500);
    assert.equal(createScheduler({ retention: Number.NaN }).options.retention, 0.9);
  });

  it('shows Fail and Pass as Again and Good in the two-grade mode', () => {
    assert.deepEqual(gradesFor('two'), [GRADE.again, GRADE.good]);
    assert.deepEqual(gradesFor('four'), [1, 2, 3, 4]);
    assert.equal(Rating.Good, GRADE.good);
  });
});

describe('formatInterval', () => {
  const zh = { minute: '分钟', hour: '小时', day: '天', month: '个月', year: '年' };
  it('picks the largest natural unit', () => {
    const cases: [number, string][] = [
      [10 * MINUTE, '10m'], [59.6 * MINUTE, '1h'], [15 * 60 * MINUTE, '15h'], [3 * DAY, '3d'],
      [60 * DAY, '2mo'], [45 * DAY, '1.5mo'], [365 * DAY, '1y'], [2.5 * 365 * DAY, '2.5y'], [0, '1m'], [Number.NaN, '1m'],
    ];
    for (const [ms, label] of cases) assert.equal(formatInterval(ms, ENGLISH_INTERVAL_UNITS), label, `${ms} ms`);
  });

  it('uses the unit words it is given', () => {
    assert.equal(formatInterval(10 * MINUTE, zh), '10分钟');
    assert.equal(formatInterval(3 * DAY, zh), '3天');
    assert.equal(formatInterval(400 * DAY, zh), '1.1年');
  });
});

function toReference(card: ReviewCard) {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: new Date(card.lastReview),
  };
}
