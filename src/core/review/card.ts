// The scheduling state of one question (an FSRS card), compact enough to sync through Settings Sync.
//
// API for adapters:
// - `ReviewCard`: the card as the rest of the code sees it (times in epoch ms; `lastReview` 0 = never graded).
// - `CardState`, `CARD_STATE`: New 0, Learning 1, Review 2, Relearning 3 (for the tree's state icons).
// - `encodeCardTable(cards)` → a JSON-ready `{ [id]: EncodedCard }` for the synced globalState key;
//   `decodeCardTable(raw)` → `{ cards, invalid }` (valid cards kept, ids of invalid entries listed).
// - `encodeCard` / `decodeCard` for one card; `decodeCard` returns undefined for anything invalid.
// - `resetCard(now)`: what "Reset Progress" stores instead of deleting the card, so that the reset carries through
//   Settings Sync (a later review on another machine still wins; see syncMerge.ts). The queue treats it as new.
// - `toFsrsCard` / `fromFsrsCard`: conversion to and from ts-fsrs, used by the scheduler only.
//
// A stored card is `[dueMs, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReviewMs|0]`,
// about 55 characters of JSON against about 200 for ts-fsrs' object. Stability and difficulty are kept to 4
// decimals (FSRS' own precision is far coarser); `fromFsrsCard` rounds, so every card the scheduler returns survives
// encode → decode unchanged.
import { State, type Card } from 'ts-fsrs';
import { isCount, isFiniteInRange, isObject, isQuestionId, isTime } from './validation';

export type CardState = 0 | 1 | 2 | 3;
export const CARD_STATE = { new: 0, learning: 1, review: 2, relearning: 3 } as const satisfies Record<string, CardState>;

export interface ReviewCard {
  /** When the question is next due (epoch ms). */
  readonly due: number;
  readonly stability: number;
  /** 1–10 once graded; 0 on a new card. */
  readonly difficulty: number;
  readonly scheduledDays: number;
  /** Index of the current (re)learning step. */
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly state: CardState;
  /** The last grade (epoch ms), 0 when never graded. The key of the Settings Sync merge. */
  readonly lastReview: number;
}

export type EncodedCard = [number, number, number, number, number, number, number, number, number];

/** Highest difficulty FSRS produces. */
const MAX_DIFFICULTY = 10;
const DECIMALS = 1e4;

export type CardTable = ReadonlyMap<string, ReviewCard>;

export function encodeCard(card: ReviewCard): EncodedCard {
  return [
    card.due,
    round(card.stability),
    round(card.difficulty),
    card.scheduledDays,
    card.learningSteps,
    card.reps,
    card.lapses,
    card.state,
    card.lastReview,
  ];
}

/** The card, or undefined unless `raw` is an `EncodedCard` with every field in range. */
export function decodeCard(raw: unknown): ReviewCard | undefined {
  if (!Array.isArray(raw) || raw.length !== 9) return undefined;
  const [due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview] = raw as unknown[];
  const valid =
    isTime(due) &&
    isFiniteInRange(stability, 0, Number.MAX_VALUE) &&
    isFiniteInRange(difficulty, 0, MAX_DIFFICULTY) &&
    isCount(scheduledDays) &&
    isCount(learningSteps) &&
    isCount(reps) &&
    isCount(lapses) &&
    isCardState(state) &&
    isTime(lastReview);
  if (!valid) return undefined;
  return { due, stability, difficulty, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

export function isCardState(value: unknown): value is CardState {
  return value === 0 || value === 1 || value === 2 || value === 3;
}

export function encodeCardTable(cards: CardTable): Record<string, EncodedCard> {
  // fromEntries defines own properties, so an id like `__proto__` stays data.
  return Object.fromEntries([...cards].map(([id, card]) => [id, encodeCard(card)]));
}

/** Every valid card of a stored table; `invalid` lists the ids whose entries were not cards (or the whole value). */
export function decodeCardTable(raw: unknown): { cards: Map<string, ReviewCard>; invalid: string[] } {
  const cards = new Map<string, ReviewCard>();
  const invalid: string[] = [];
  if (raw === undefined) return { cards, invalid };
  if (!isObject(raw)) return { cards, invalid: ['*'] };
  for (const [id, value] of Object.entries(raw)) {
    const card = isQuestionId(id) ? decodeCard(value) : undefined;
    if (card) cards.set(id, card);
    else invalid.push(id);
  }
  return { cards, invalid };
}

/** A card that says "progress reset at `now`": new again, but newer than every review before it. */
export function resetCard(now: number): ReviewCard {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: CARD_STATE.new,
    lastReview: now,
  };
}

export function toFsrsCard(card: ReviewCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5; it computes elapsed time from last_review
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as State,
    last_review: card.lastReview === 0 ? undefined : new Date(card.lastReview),
  };
}

export function fromFsrsCard(card: Card): ReviewCard {
  return {
    due: card.due.getTime(),
    stability: round(card.stability),
    difficulty: round(card.difficulty),
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardState,
    lastReview: card.last_review ? card.last_review.getTime() : 0,
  };
}

function round(value: number): number {
  return Math.round(value * DECIMALS) / DECIMALS;
}
