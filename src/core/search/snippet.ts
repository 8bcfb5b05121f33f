// The short excerpt shown under a search hit: about 40 characters around the match, on one line,
// without markdown markers.
import { stripMarkdownMarkers } from '../plainPreview';

const WIDTH = 40;
/** How much raw text to look at on each side before cleaning shortens it. */
const RAW_MARGIN = 80;

export function snippetAround(text: string, start: number, length: number): string {
  const before = stripMarkdownMarkers(text.slice(Math.max(0, start - RAW_MARGIN), start)).trimStart();
  const match = stripMarkdownMarkers(text.slice(start, start + length));
  const after = stripMarkdownMarkers(text.slice(start + length, start + length + RAW_MARGIN)).trimEnd();
  const room = Math.max(0, WIDTH - match.length);
  const keepBefore = Math.min(before.length, Math.max(Math.floor(room / 3), room - after.length));
  const keepAfter = Math.min(after.length, room - keepBefore);
  const head = before.slice(before.length - keepBefore);
  const tail = after.slice(0, keepAfter);
  const cutBefore = keepBefore < before.length || start > RAW_MARGIN;
  const cutAfter = keepAfter < after.length || start + length + RAW_MARGIN < text.length;
  return `${cutBefore ? '…' : ''}${head}${match}${tail}${cutAfter ? '…' : ''}`.trim();
}
