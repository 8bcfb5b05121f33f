// Unsaved attempt text in the webview: which text to show when a question arrives, and the local copy kept in
// localStorage until the extension confirms it stored the text. Pure decisions plus a storage wrapper whose storage is
// passed in: no DOM, so it is tested under Node.
//
// VS Code saves the webview state (setState) with the window's state, which a browser window does only now and then,
// so the state can miss what was typed in the last second before a reload; localStorage is written at once.
import { fnv1a32Utf16 } from '../../core/fnv';

/** Enough for a burst of typing between two stored texts; older deliveries have been stored or overtaken. */
export const MAX_SENT_HASHES = 500;

/** The unsaved text of a question, the stored text it was typed on top of, and hashes of what was delivered since. */
export interface UnsavedCopy {
  text: string;
  base: string | undefined;
  sent: number[];
  /** How many attempts were filed when `base` was stored (absent in copies made by 0.2.0). */
  filed?: number;
}

/** Recognises a text the extension may have stored without keeping a copy of it. */
export function textHash(text: string): number {
  return parseInt(fnv1a32Utf16(text), 16);
}

/** The hashes after one more delivery of `text`, the oldest dropped beyond MAX_SENT_HASHES. */
export function withSent(sent: readonly number[], text: string): number[] {
  return [...sent, textHash(text)].slice(-MAX_SENT_HASHES);
}

/** The extension stored `text`: deliveries up to it are done; those after it may still be on their way. */
export function sentAfterStored(sent: readonly number[], text: string): number[] {
  return sent.slice(sent.lastIndexOf(textHash(text)) + 1);
}

/**
 * The text to show for a question the extension sent with its stored attempt `stored` and `filed` attempts filed: a
 * local copy of unsaved edits wins (it is newer), but only a copy of the edits that led to what is stored now (the
 * extension has their start, or part of them) with no attempt filed since. A copy left from before the extension
 * stored other text, or filed the attempt, is stale and must not overwrite what it has now.
 * `fresh` says the attempt was just filed (graded, or set aside by "Practise again"): a new one starts.
 */
export function attemptToShow(
  stored: { text: string; filed: number },
  fresh: boolean,
  copies: readonly (UnsavedCopy | undefined)[],
): { text: string; local: boolean } {
  if (fresh) return { text: stored.text, local: false };
  const storedHash = textHash(stored.text);
  const local = copies.find(
    (copy) =>
      copy !== undefined &&
      copy.text !== stored.text &&
      (copy.filed === undefined || copy.filed === stored.filed) &&
      (copy.base === stored.text || copy.sent.includes(storedHash)),
  );
  return local ? { text: local.text, local: true } : { text: stored.text, local: false };
}

/** The part of the Web Storage API the copies use. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Unsaved copies by question, in a store that may be full, unavailable or hold something else under our keys. */
export class LocalCopies {
  /** @param store Called on each use: merely reaching `localStorage` throws where storage is disabled. */
  constructor(private readonly store: () => KeyValueStore) {}

  get(questionId: string): UnsavedCopy | undefined {
    try {
      const copy: unknown = JSON.parse(this.store().getItem(key(questionId)) ?? 'null');
      if (!isCopy(copy)) return undefined;
      const { text, base, sent, filed } = copy;
      return filed === undefined ? { text, base, sent } : { text, base, sent, filed };
    } catch {
      return undefined; // unavailable or not our copy: the webview state still carries the text across most reloads
    }
  }

  remember(questionId: string, copy: UnsavedCopy): void {
    if (copy.base === undefined) return;
    try {
      this.store().setItem(key(questionId), JSON.stringify(copy));
    } catch {
      // Full or unavailable: the extension already has the text, and the webview state carries it too.
    }
  }

  /** Removes the copy whose text is `text` (newer typing stays), or any copy when no text is given. */
  forget(questionId: string, text?: string): void {
    if (text !== undefined && this.get(questionId)?.text !== text) return;
    try {
      this.store().removeItem(key(questionId));
    } catch {
      // Nothing to clean up then.
    }
  }
}

function key(questionId: string): string {
  return `dojo.unsavedAttempt.${questionId}`;
}

function isCopy(value: unknown): value is { text: string; base: string; sent: number[]; filed?: number } {
  if (typeof value !== 'object' || value === null) return false;
  const copy = value as Record<string, unknown>;
  const sent = copy['sent'];
  return (
    typeof copy['text'] === 'string' &&
    typeof copy['base'] === 'string' &&
    Array.isArray(sent) &&
    sent.length <= MAX_SENT_HASHES &&
    sent.every((hash) => Number.isInteger(hash)) &&
    (copy['filed'] === undefined || Number.isSafeInteger(copy['filed']))
  );
}
