// The reference answer's top-level list items, as plain lines: the key points the AI review names until the offline
// checker supplies its own. Pure and regex-based (the extension host loads no markdown parser).

/** A list item: at most three spaces of indentation, then `-`, `*`, `+`, `1.` or `1)`, a space and its text. */
const LIST_ITEM = /^( {0,3})((?:[-*+]|\d{1,9}[.)])[ \t]+)(\S.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Each top-level list item's first line, trimmed, outside fenced code; [] when the answer has no list. */
export function answerListItems(markdown: string): string[] {
  const items: string[] = [];
  let fence: string | undefined;
  /** Where the text of the current top-level item starts: an item indented that far is nested in it. */
  let nestedFrom = Infinity;
  for (const line of markdown.split(/\r?\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const item = LIST_ITEM.exec(line);
    if (!item) {
      // A paragraph at the margin ends the list; nothing after it is nested.
      if (/^\S/.test(line)) nestedFrom = Infinity;
      continue;
    }
    const [, indent = '', bullet = ''] = item;
    if (indent.length >= nestedFrom) continue;
    nestedFrom = indent.length + bullet.length;
    items.push(item[3]!.trim());
  }
  return items;
}
