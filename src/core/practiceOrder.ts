// Which question comes next: previous/next in the tree's order, and a random pick with preferences (due, unseen).
import type { Question } from './model';

/** A source of numbers in [0, 1), like Math.random; injected so tests are deterministic. */
export type RandomSource = () => number;

export type Direction = 'next' | 'previous';

/**
 * The neighbour of `currentId` in `ordered`, wrapping around, skipping questions `accept` rejects.
 * Without a current question (or one that is no longer listed), `next` starts at the first and `previous` at the last.
 * Returns undefined when no other question is acceptable.
 */
export function stepFrom(
  ordered: readonly Question[],
  currentId: string | undefined,
  direction: Direction,
  accept: (question: Question) => boolean = () => true,
): Question | undefined {
  const count = ordered.length;
  if (count === 0) return undefined;
  const delta = direction === 'next' ? 1 : -1;
  const at = currentId === undefined ? -1 : ordered.findIndex((q) => q.id === currentId);
  const start = at >= 0 ? at : direction === 'next' ? -1 : count;
  for (let offset = 1; offset <= count; offset++) {
    const candidate = ordered[(((start + delta * offset) % count) + count) % count];
    if (candidate.id !== currentId && accept(candidate)) return candidate;
  }
  return undefined;
}

/**
 * A random question from the first preferred kind that has any (e.g. due, then unseen), avoiding the one on screen.
 * Falls back to any other question when no preference matches, and to the current one when it is the only one.
 */
export function pickRandom(
  items: readonly Question[],
  preferences: readonly ((question: Question) => boolean)[],
  random: RandomSource,
  currentId?: string,
): Question | undefined {
  const others = items.filter((q) => q.id !== currentId);
  const preferred = preferences.map((accept) => others.filter(accept)).find((pool) => pool.length > 0);
  const pool = preferred ?? (others.length > 0 ? others : items);
  if (pool.length === 0) return undefined;
  const index = Math.min(pool.length - 1, Math.floor(random() * pool.length));
  return pool[index];
}

/**
 * The questions practised most recently, latest first, at most `limit`: those `practisedAt` gives a time for.
 * Equal times keep the given order.
 */
export function mostRecent(
  items: readonly Question[],
  practisedAt: (question: Question) => number | undefined,
  limit: number,
): Question[] {
  return items
    .map((question) => ({ question, at: practisedAt(question) }))
    .filter((entry): entry is { question: Question; at: number } => entry.at !== undefined)
    .sort((a, b) => b.at - a.at)
    .slice(0, Math.max(0, limit))
    .map((entry) => entry.question);
}
