// The attempts the practice webviews have delivered but not stored yet. The webview sends every change at once, so
// the latest text is always here; storing it is debounced and forced on panel close, question switch and deactivate.
// No `vscode` import: the store and the timer are passed in.

/** Stores one attempt text (`ReviewStore.setDraft`, which keeps it in memory before it resolves). */
export type StoreAttempt = (questionId: string, text: string) => Promise<void>;

/** Runs `run` after `delayMs`; returns what cancels it. */
export type Schedule = (run: () => void, delayMs: number) => () => void;

const scheduleWithTimer: Schedule = (run, delayMs) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

export interface AttemptBufferOptions {
  store: StoreAttempt;
  /** Told after `text` was stored for a question (the webview then clears its unsaved mark). */
  stored(questionId: string, text: string): void;
  /** Told when a write failed; the text stays pending and the next flush tries again. */
  failed(questionId: string, error: unknown): void;
  /** How long typing must pause before the latest text is stored. */
  delayMs?: number;
  schedule?: Schedule;
}

export class AttemptBuffer {
  private readonly pendingTexts = new Map<string, string>();
  private readonly writes = new Set<Promise<void>>();
  private cancelTimer: (() => void) | undefined;

  constructor(private readonly options: AttemptBufferOptions) {}

  /** Keeps `text` as the question's latest attempt and stores it once the typing pauses. */
  set(questionId: string, text: string): void {
    this.pendingTexts.set(questionId, text);
    this.cancelTimer?.();
    const schedule = this.options.schedule ?? scheduleWithTimer;
    this.cancelTimer = schedule(() => {
      this.cancelTimer = undefined;
      void this.flush();
    }, this.options.delayMs ?? 500);
  }

  /** The latest text not stored yet, if any: newer than what the review store holds. */
  pending(questionId: string): string | undefined {
    return this.pendingTexts.get(questionId);
  }

  /**
   * Stores what is pending (for one question, or all) now. The store starts synchronously, so a caller that cannot
   * wait (a dispose) loses nothing; the promise resolves when every write started so far has finished (it never
   * rejects: failures go to `failed`).
   */
  flush(questionId?: string): Promise<void> {
    const ids = questionId === undefined ? [...this.pendingTexts.keys()] : [questionId];
    for (const id of ids) {
      const text = this.pendingTexts.get(id);
      if (text === undefined) continue;
      this.pendingTexts.delete(id);
      const write: Promise<void> = this.options
        .store(id, text)
        .then(
          () => this.options.stored(id, text),
          // Back in the buffer unless newer text arrived meanwhile: the next flush tries again.
          (error: unknown) => {
            if (!this.pendingTexts.has(id)) this.pendingTexts.set(id, text);
            this.options.failed(id, error);
          },
        )
        .finally(() => this.writes.delete(write));
      this.writes.add(write);
    }
    if (this.pendingTexts.size === 0) {
      this.cancelTimer?.();
      this.cancelTimer = undefined;
    }
    return Promise.all(this.writes).then(() => undefined);
  }

  /** Stores everything pending (started synchronously) and stops the timer. */
  dispose(): void {
    void this.flush();
    this.cancelTimer?.();
    this.cancelTimer = undefined;
  }
}
