// What "Dojo: Start Review" works through now, and the counts the status bar, badge and summary show.
//
// API for adapters:
// - `buildReviewQueue(input)` → `ReviewQueue`. Call it again after every grade (and when the clock passes
//   `nextDue`, or the day rolls over): it is cheap (one pass over cards and log; a sort of the due ones).
//   - `due`: questions due now, lowest retrievability first (most likely forgotten first). Review cards are capped
//     at `reviewsPerDay` minus the reviews already done today; cards in a learning or relearning step are never
//     capped, so a question is not stranded halfway through its steps.
//   - `fresh`: never-graded candidates in practice order, up to `newPerDay` minus those introduced today.
//     A reset card (see `resetCard`) counts as never graded.
//   - `today`: what was graded today (`graded`, `introduced`, `reviewed`; see `DayCounts`).
//   - `dueTomorrow`: questions that will be due by the end of tomorrow and are not in `due` now.
//   - `nextDue`: the earliest due time among the candidates not due now (tooltip "next due"), or undefined.
//   - `dueCount`: all candidates due now, before the cap (the badge and status bar show it).
// - The day starts at local midnight: `startOfDay(ms)` is injected (the adapter passes one built on `Date`), and
//   tomorrow is found as `startOfDay(today + 36 h)`, which is right across daylight-saving changes.
// Only candidates count: a card of a question no longer in any bank is ignored, not deleted.
import { CARD_STATE, type CardTable, type ReviewCard } from './card';
import { countDay, type DayCounts, type ReviewLogEntry } from './reviewLog';

export interface ReviewQueueInput {
  cards: CardTable;
  /** Practice items, in practice order. */
  candidates: readonly string[];
  now: number;
  /** Local midnight at or before `ms`. */
  startOfDay: (ms: number) => number;
  /** Scheduler.retrievability. */
  retrievability: (card: ReviewCard, now: number) => number;
  /** At least today's entries; older ones are skipped. */
  log: readonly ReviewLogEntry[];
  newPerDay?: number;
  reviewsPerDay?: number;
}

export interface ReviewQueue {
  due: string[];
  fresh: string[];
  dueCount: number;
  today: DayCounts;
  dueTomorrow: number;
  nextDue: number | undefined;
}

export const DEFAULT_NEW_PER_DAY = 10;
export const DEFAULT_REVIEWS_PER_DAY = 200;
/** From any instant of a day, 36 h on is inside the next day even when that day has 23 or 25 hours. */
const INTO_NEXT_DAY_MS = 36 * 3_600_000;

export function buildReviewQueue(input: ReviewQueueInput): ReviewQueue {
  const { cards, candidates, now, startOfDay, retrievability, log } = input;
  const newPerDay = limit(input.newPerDay, DEFAULT_NEW_PER_DAY);
  const reviewsPerDay = limit(input.reviewsPerDay, DEFAULT_REVIEWS_PER_DAY);
  const todayStart = startOfDay(now);
  const tomorrowStart = startOfDay(todayStart + INTO_NEXT_DAY_MS);
  const tomorrowEnd = startOfDay(tomorrowStart + INTO_NEXT_DAY_MS);
  const today = countDay(log, todayStart, tomorrowStart);

  const learning: { id: string; r: number; order: number }[] = [];
  const reviews: { id: string; r: number; order: number }[] = [];
  const fresh: string[] = [];
  let freshLeft = Math.max(0, newPerDay - today.introduced);
  let dueTomorrow = 0;
  let nextDue: number | undefined;
  const seen = new Set<string>();
  candidates.forEach((id, order) => {
    if (seen.has(id)) return;
    seen.add(id);
    const card = cards.get(id);
    if (card === undefined || card.state === CARD_STATE.new) {
      if (freshLeft > 0) {
        fresh.push(id);
        freshLeft--;
      }
      return;
    }
    if (card.due <= now) {
      const entry = { id, r: retrievability(card, now), order };
      (card.state === CARD_STATE.review ? reviews : learning).push(entry);
      return;
    }
    if (card.due < tomorrowEnd) dueTomorrow++;
    if (nextDue === undefined || card.due < nextDue) nextDue = card.due;
  });

  const byRetrievability = (a: { r: number; order: number }, b: { r: number; order: number }) =>
    a.r - b.r || a.order - b.order;
  const reviewsLeft = Math.max(0, reviewsPerDay - today.reviewed);
  const due = [...learning, ...reviews.sort(byRetrievability).slice(0, reviewsLeft)]
    .sort(byRetrievability)
    .map((entry) => entry.id);
  return { due, fresh, dueCount: learning.length + reviews.length, today, dueTomorrow, nextDue };
}

function limit(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}
