// The key points of a reference answer (markdown): its list items, numbered or bulleted (a nested item belongs to
// the item above it; a bold lead such as `**多模态融合**：…` is the point's lead), or, when it has no list, its
// sentences. Code blocks, math and markdown markers are not part of any point.

export interface KeyPoint {
  /** The point as plain text (markers removed, one line). */
  text: string;
  /** The bold lead the item starts with (`多模态融合`), if any. */
  lead?: string;
}

const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)、])\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const LEAD = /^\*\*([^*]+?)\*\*\s*[:：]?/;
/** A sentence ends at Chinese end punctuation, or at `.!?;` followed by a space or the end. */
const SENTENCE_END = /(?<=[。！？；])|(?<=[.!?;])(?=\s|$)/u;
/** Shorter "sentences" (`例如：`, `1.`) carry no point. */
const MIN_SENTENCE = 6;

export function keyPoints(markdown: string): KeyPoint[] {
  const lines = proseLines(markdown);
  const items: { indent: number; lines: string[] }[] = [];
  const prose: string[] = [];
  let topIndent = Infinity;
  for (const line of lines) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      const indent = item[1].replace(/\t/g, '    ').length;
      if (items.length === 0 || indent <= topIndent) {
        topIndent = Math.min(topIndent, indent);
        items.push({ indent, lines: [item[2]] });
      } else {
        items[items.length - 1].lines.push(item[2]);
      }
    } else if (items.length > 0 && /^\s+\S/.test(line)) {
      items[items.length - 1].lines.push(line.trim());
    } else if (line.trim() !== '') {
      prose.push(line.trim());
    }
  }
  if (items.length > 0) return items.map((item) => itemPoint(item.lines)).filter((point) => point.text !== '');
  return prose
    .join(' ')
    .split(SENTENCE_END)
    .map((sentence) => plainText(sentence))
    .filter((sentence) => sentence.length >= MIN_SENTENCE)
    .map((text) => ({ text }));
}

function itemPoint(lines: string[]): KeyPoint {
  const lead = LEAD.exec(lines[0]);
  const text = plainText(lines.join(' '));
  return lead ? { text, lead: plainText(lead[1]) } : { text };
}

/** The lines outside fenced code blocks and display math. */
function proseLines(markdown: string): string[] {
  const kept: string[] = [];
  let fence: string | undefined;
  let math = false;
  for (const line of markdown.split(/\r?\n/)) {
    const opens = FENCE.exec(line);
    if (fence !== undefined) {
      if (opens && opens[1] === fence) fence = undefined;
      continue;
    }
    if (opens) {
      fence = opens[1];
      continue;
    }
    const dollars = (line.match(/\$\$/g) ?? []).length;
    if (math) {
      if (dollars % 2 === 1) math = false;
      continue;
    }
    if (dollars % 2 === 1) {
      math = true;
      continue;
    }
    kept.push(line);
  }
  return kept;
}

/** One line of plain text: inline math and code spans' markers, emphasis, links and HTML tags removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\$\$[^$]*\$\$|\$[^$\n]+\$/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
