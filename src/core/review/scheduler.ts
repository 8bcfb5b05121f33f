// FSRS scheduling (ts-fsrs, FSRS-6) behind a small interface that speaks `ReviewCard` and epoch milliseconds.
//
// API for adapters:
// - `createScheduler(options?)` → `Scheduler`; options from the settings (`dojo.review.retention`, …). Out-of-range
//   values fall back to defaults or are clamped (`scheduler.options` says what is in force), so a bad setting never
//   breaks grading.
// - `scheduler.preview(card | undefined, now)` → one `GradePreview` per grade, Again → Easy, with the card and the
//   interval that grade would give: label the buttons "Good · 3d" with `formatInterval(preview.intervalMs, units)`.
// - `scheduler.grade(card | undefined, now, grade)` → `GradeOutcome`: the new card, the card before (`previous`) and
//   the review event for the log. `preview` and `grade` agree exactly for the same card and `now`.
// - `undoGrade(cards, id, outcome)`: the card table with that grade undone (the exact card from before, or no card
//   if it was new); undefined when the card has changed since (for example a newer review arrived by Settings Sync).
//   Remove the log entry with `withoutLogEntry` (reviewLog.ts) and put back the record from before the grade.
// - `scheduler.retrievability(card, now)`: probability of recall now, 0–1 (0 for a new card).
//
// Time comes in as `now`; fuzz (on by default) is seeded by ts-fsrs from the review time and the card, so the same
// inputs always give the same interval: nothing random needs injecting, and tests can run with fuzz on.
import { createEmptyCard, fsrs, generatorParameters, type FSRS, type StepUnit } from 'ts-fsrs';
import { CARD_STATE, fromFsrsCard, toFsrsCard, type CardState, type CardTable, type ReviewCard } from './card';
import type { Grade } from './grades';

export interface SchedulerOptions {
  /** Target probability of recall when a card comes due (FSRS' request_retention); clamped to 0.7–0.99. */
  retention?: number;
  /** Steps of a new card before it graduates, like `['10m']`: a number and m, h or d. */
  learningSteps?: readonly string[];
  /** Steps after a lapse (Again on a review card). */
  relearningSteps?: readonly string[];
  /** Longest interval in days. */
  maximumInterval?: number;
  enableFuzz?: boolean;
}

export interface EffectiveSchedulerOptions {
  retention: number;
  learningSteps: readonly string[];
  relearningSteps: readonly string[];
  maximumInterval: number;
  enableFuzz: boolean;
}

export interface GradePreview {
  grade: Grade;
  card: ReviewCard;
  /** `card.due - now`. */
  intervalMs: number;
}

/** One grade as it goes into the review log (with the question's id added; see reviewLog.ts). */
export interface ReviewEvent {
  at: number;
  grade: Grade;
  /** The card's state before the grade: New means this grade introduced the question. */
  state: CardState;
  /** When the question is due after the grade. */
  due: number;
}

export interface GradeOutcome {
  card: ReviewCard;
  /** The card before the grade; undefined when the question had never been graded. */
  previous: ReviewCard | undefined;
  review: ReviewEvent;
}

export interface Scheduler {
  readonly options: EffectiveSchedulerOptions;
  preview(card: ReviewCard | undefined, now: number): GradePreview[];
  grade(card: ReviewCard | undefined, now: number, grade: Grade): GradeOutcome;
  retrievability(card: ReviewCard, now: number): number;
}

export const DEFAULT_SCHEDULER_OPTIONS: EffectiveSchedulerOptions = {
  retention: 0.9,
  learningSteps: ['10m'],
  relearningSteps: ['10m'],
  maximumInterval: 36500,
  enableFuzz: true,
};

const MIN_RETENTION = 0.7;
const MAX_RETENTION = 0.99;
const STEP = /^(?:\d+(?:\.\d+)?)[mhd]$/;
const GRADES: readonly Grade[] = [1, 2, 3, 4];

export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const effective = effectiveOptions(options);
  const engine: FSRS = fsrs(
    generatorParameters({
      request_retention: effective.retention,
      learning_steps: effective.learningSteps as StepUnit[],
      relearning_steps: effective.relearningSteps as StepUnit[],
      maximum_interval: effective.maximumInterval,
      enable_fuzz: effective.enableFuzz,
    }),
  );
  const fsrsCard = (card: ReviewCard | undefined, now: number) =>
    card === undefined || card.state === CARD_STATE.new ? createEmptyCard(new Date(now)) : toFsrsCard(card);

  return {
    options: effective,
    preview(card, now) {
      const outcomes = engine.repeat(fsrsCard(card, now), new Date(now));
      return GRADES.map((grade) => {
        const next = fromFsrsCard(outcomes[grade].card);
        return { grade, card: next, intervalMs: next.due - now };
      });
    },
    grade(card, now, grade) {
      const next = fromFsrsCard(engine.next(fsrsCard(card, now), new Date(now), grade).card);
      return {
        card: next,
        previous: card,
        review: { at: now, grade, state: card?.state ?? CARD_STATE.new, due: next.due },
      };
    },
    retrievability(card, now) {
      if (card.state === CARD_STATE.new) return 0;
      return engine.get_retrievability(toFsrsCard(card), new Date(now), false);
    },
  };
}

/** The card table with `outcome` undone, or undefined when the card is no longer the one that grade produced. */
export function undoGrade(cards: CardTable, id: string, outcome: GradeOutcome): Map<string, ReviewCard> | undefined {
  const current = cards.get(id);
  if (current === undefined || !sameCard(current, outcome.card)) return undefined;
  const restored = new Map(cards);
  if (outcome.previous === undefined) restored.delete(id);
  else restored.set(id, outcome.previous);
  return restored;
}

function sameCard(a: ReviewCard, b: ReviewCard): boolean {
  return (Object.keys(a) as (keyof ReviewCard)[]).every((key) => a[key] === b[key]);
}

function effectiveOptions(options: SchedulerOptions): EffectiveSchedulerOptions {
  const defaults = DEFAULT_SCHEDULER_OPTIONS;
  const retention = options.retention;
  const maximumInterval = options.maximumInterval;
  return {
    retention:
      typeof retention === 'number' && Number.isFinite(retention)
        ? Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, retention))
        : defaults.retention,
    learningSteps: validSteps(options.learningSteps) ?? defaults.learningSteps,
    relearningSteps: validSteps(options.relearningSteps) ?? defaults.relearningSteps,
    maximumInterval:
      Number.isSafeInteger(maximumInterval) && (maximumInterval as number) >= 1
        ? (maximumInterval as number)
        : defaults.maximumInterval,
    enableFuzz: options.enableFuzz ?? defaults.enableFuzz,
  };
}

/** The steps when every one is a positive duration like `10m`, `1h`, `1d`; an empty list means "no steps". */
function validSteps(steps: readonly string[] | undefined): readonly string[] | undefined {
  if (!Array.isArray(steps)) return undefined;
  const valid = steps.every((step) => typeof step === 'string' && STEP.test(step) && parseFloat(step) > 0);
  return valid ? [...steps] : undefined;
}
