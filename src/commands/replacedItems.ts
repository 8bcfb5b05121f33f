// Which accepts of a quick pick whose items the extension replaces are ambiguous. The extension host maps the item the
// workbench accepted back by its index in the *current* list (VS Code 1.100's ExtHostQuickPick), so an Enter pressed
// on a row of the list shown just before a replacement lands on whatever now sits at that index: typing a title and
// pressing Enter before the results arrived opened the question below it. Such an accept is refused (the pick stays
// open on the new list, where Enter opens what it shows). An item of the earlier list counts only if the workbench
// could have shown it for the query typed (its own filter keeps the rows whose label matches).
// No `vscode` import: items are compared by a key.

/** How long after a replacement a row of the previous list may still be what the user pressed Enter on. */
export const REPLACED_WINDOW_MS = 1500;

export interface ReplacedItem {
  /** Undefined for rows Enter does nothing on (separators, messages). */
  id?: string;
  label: string;
}

export class ReplacedItems {
  private lists: { at: number; items: readonly ReplacedItem[] }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether `next` differs from `current` (the caller then calls `replaced(current)` and sets it). */
  differs(current: readonly ReplacedItem[], next: readonly ReplacedItem[]): boolean {
    return current.length !== next.length || current.some((item, i) => key(item) !== key(next[i]!));
  }

  /** `previous` was just replaced. */
  replaced(previous: readonly ReplacedItem[]): void {
    const at = this.now();
    this.lists = [...this.lists.filter((list) => at - list.at < REPLACED_WINDOW_MS), { at, items: previous }];
  }

  /** Whether accepting `current[index]` for `query` may have been meant for another item shown there a moment ago. */
  ambiguous(current: readonly ReplacedItem[], index: number, query: string): boolean {
    const now = this.now();
    const accepted = current[index];
    return this.lists.some((list) => {
      const earlier = list.items[index];
      return now - list.at < REPLACED_WINDOW_MS && earlier?.id !== undefined && earlier.id !== accepted?.id && mayShow(earlier.label, query);
    });
  }
}

function key(item: ReplacedItem): string {
  return `${item.id ?? ''}\u0000${item.label}`;
}

/** Whether the workbench's filter may keep `label` for `query`: every character of the query in order (a superset). */
function mayShow(label: string, query: string): boolean {
  const text = label.toLowerCase();
  let at = 0;
  for (const char of query.toLowerCase().replace(/\s+/g, '')) {
    at = text.indexOf(char, at);
    if (at < 0) return false;
    at += char.length;
  }
  return true;
}
