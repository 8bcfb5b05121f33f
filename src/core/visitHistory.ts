// Back and Forward through the questions a panel actually showed, like a browser's history: whatever moved the panel
// (tree, search, random, next), Back returns to the question before it. Pure data, serialisable for the webview state.

/** The history as stored: visited ids, oldest first, and the index of the one on screen. */
export interface VisitHistoryState {
  ids: string[];
  at: number;
}

/** Enough for a long session; older entries fall off the back. */
export const MAX_VISITS = 100;

export class VisitHistory {
  private ids: string[];
  private at: number;

  constructor(state?: VisitHistoryState) {
    const valid = state !== undefined && isVisitHistoryState(state);
    this.ids = valid ? state.ids.slice(-MAX_VISITS) : [];
    const dropped = valid ? state.ids.length - this.ids.length : 0;
    this.at = valid ? Math.max(0, Math.min(this.ids.length - 1, state.at - dropped)) : -1;
  }

  get current(): string | undefined {
    return this.ids[this.at];
  }

  /** Records that `id` is now shown. Showing another question drops the forward entries, as a browser does. */
  visit(id: string): void {
    if (this.current === id) return;
    this.ids = [...this.ids.slice(0, this.at + 1), id].slice(-MAX_VISITS);
    this.at = this.ids.length - 1;
  }

  /** The nearest earlier question that `exists` accepts, moving there; undefined (and no move) when there is none. */
  back(exists: (id: string) => boolean = () => true): string | undefined {
    return this.move(-1, exists);
  }

  forward(exists: (id: string) => boolean = () => true): string | undefined {
    return this.move(1, exists);
  }

  canGoBack(exists: (id: string) => boolean = () => true): boolean {
    return this.find(-1, exists) >= 0;
  }

  canGoForward(exists: (id: string) => boolean = () => true): boolean {
    return this.find(1, exists) >= 0;
  }

  toState(): VisitHistoryState {
    return { ids: [...this.ids], at: this.at };
  }

  private move(step: 1 | -1, exists: (id: string) => boolean): string | undefined {
    const index = this.find(step, exists);
    if (index < 0) return undefined;
    this.at = index;
    return this.ids[index];
  }

  /** Skips questions that are gone (a bank was removed) and the one on screen repeated further away. */
  private find(step: 1 | -1, exists: (id: string) => boolean): number {
    const current = this.current;
    for (let i = this.at + step; i >= 0 && i < this.ids.length; i += step) {
      if (this.ids[i] !== current && exists(this.ids[i])) return i;
    }
    return -1;
  }
}

/** Checks a history read back from webview state (untrusted) before use. */
export function isVisitHistoryState(value: unknown): value is VisitHistoryState {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, at } = value as Record<string, unknown>;
  return (
    Array.isArray(ids) &&
    ids.length <= 10 * MAX_VISITS &&
    ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 300) &&
    typeof at === 'number' &&
    Number.isInteger(at) &&
    at >= -1 &&
    at < Math.max(ids.length, 1)
  );
}
