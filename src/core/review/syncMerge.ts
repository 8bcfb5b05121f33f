// Settings Sync replaces the whole synced card table when another machine's copy arrives. Merged per question by
// the latest review, so a grade given on either machine is never undone by an older value from the other.
//
// API for adapters: `mergeCardTables(local, synced)` → `{ cards, localWins }`. Keep `cards`; when `localWins` is not
// empty, write `cards` back to the synced key (the other machine then gets those questions); when it is empty,
// do not write, so two machines never bounce the same value back and forth.
// `newerCard(a, b)` is the rule: later `lastReview` wins, then more reps, then `a`.
import type { CardTable, ReviewCard } from './card';

export function newerCard(a: ReviewCard, b: ReviewCard): ReviewCard {
  if (a.lastReview !== b.lastReview) return a.lastReview > b.lastReview ? a : b;
  return b.reps > a.reps ? b : a;
}

export function mergeCardTables(local: CardTable, synced: CardTable): { cards: Map<string, ReviewCard>; localWins: string[] } {
  const cards = new Map(synced);
  const localWins: string[] = [];
  for (const [id, mine] of local) {
    const theirs = synced.get(id);
    const kept = theirs === undefined ? mine : newerCard(theirs, mine);
    if (kept !== theirs) {
      cards.set(id, kept);
      localWins.push(id);
    }
  }
  return { cards, localWins };
}
