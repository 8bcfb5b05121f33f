// The globalState keys Settings Sync carries between machines. `setKeysForSync` replaces the whole set, so it is
// called once, with every key (by the progress store, which is built first).

/** Seen timestamps and stars (src/state/progressStore.ts). */
export const MARKS_KEY = 'dojo.marks.v1';
/** FSRS cards, compact (src/state/reviewStore.ts). */
export const CARDS_KEY = 'dojo.cards.v1';

export const SYNCED_KEYS: readonly string[] = [MARKS_KEY, CARDS_KEY];
