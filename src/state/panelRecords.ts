// Which question each practice panel showed last, in workspaceState. VS Code's own copy (the webview state it hands
// the serializer) is saved only now and then in a browser window, so after a quick reload it can name an earlier
// question; this record is written on every switch. Keyed by a panel key that never changes for a panel's life.
// The record also keeps the panel's Back/Forward history, so it survives a reload too.
import type * as vscode from 'vscode';
import { isVisitHistoryState, type VisitHistoryState } from '../core/visitHistory';

export const PANELS_KEY = 'dojo.practicePanels.v1';
/** Panels not seen for this long are forgotten (closed while the extension was not running, or lost). */
const FORGET_AFTER_MS = 30 * 24 * 3600 * 1000;
const MAX_PANELS = 50;

interface PanelRecord {
  /** The question shown last. */
  q: string;
  /** When (epoch ms). */
  t: number;
  /** The questions the panel showed, for Back and Forward. */
  h?: VisitHistoryState;
}

type PanelTable = Record<string, PanelRecord>;

export class PanelRecords {
  constructor(
    private readonly memento: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {}

  /** The question the panel showed last, if it was recorded. */
  questionOf(panelKey: string): string | undefined {
    return this.table()[panelKey]?.q;
  }

  /** The panel's Back/Forward history, if it was recorded. */
  historyOf(panelKey: string): VisitHistoryState | undefined {
    return this.table()[panelKey]?.h;
  }

  record(panelKey: string, questionId: string, history?: VisitHistoryState): Thenable<void> {
    const now = this.now();
    const kept = Object.entries(this.table())
      .filter(([key, record]) => key !== panelKey && now - record.t < FORGET_AFTER_MS)
      .sort(([, a], [, b]) => b.t - a.t)
      .slice(0, MAX_PANELS - 1);
    return this.memento.update(PANELS_KEY, Object.fromEntries([...kept, [panelKey, { q: questionId, t: now, ...(history ? { h: history } : {}) }]]));
  }

  /** The user closed the panel: nothing will restore it. */
  forget(panelKey: string): Thenable<void> {
    const { [panelKey]: _closed, ...others } = this.table();
    return this.memento.update(PANELS_KEY, others);
  }

  /** The stored table, without anything malformed (it is read back from disk). */
  private table(): PanelTable {
    const stored = this.memento.get<unknown>(PANELS_KEY);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    const valid = Object.entries(stored as Record<string, unknown>).filter(
      (entry): entry is [string, PanelRecord] => {
        const record = entry[1] as Partial<PanelRecord> | null;
        return (
          typeof record === 'object' &&
          record !== null &&
          typeof record.q === 'string' &&
          typeof record.t === 'number' &&
          (record.h === undefined || isVisitHistoryState(record.h))
        );
      },
    );
    return Object.fromEntries(valid);
  }
}
