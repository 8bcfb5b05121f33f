// markdown-it's token stream reduced to the top-level blocks the bank parser walks, with their line ranges.
import MarkdownIt from 'markdown-it';

/**
 * Only the block structure is needed (inline markdown is rendered later, per question), so inline parsing is off.
 * HTML is on for tokenizing only, so that `<details>` blocks are seen; rendering is separate and stays safe.
 */
const md = new MarkdownIt({ html: true });
md.core.ruler.enableOnly(['normalize', 'block']);

export interface ListItem {
  /** 0-based line in the parsed text. */
  line: number;
  /** 0-based line after the item. */
  end: number;
  /** The item's number in an ordered list. */
  number?: number;
  /** The inline markdown of the item's first paragraph. */
  text: string;
  /** The items of lists nested directly in this item (sub-questions under a stem). */
  children?: ListItem[];
}

export interface TableRow {
  /** 0-based line in the parsed text. */
  line: number;
  /** Each cell's inline markdown. */
  cells: string[];
}

interface Lines {
  /** 0-based first line in the parsed text. */
  start: number;
  /** 0-based line after the block. */
  end: number;
}

export type Block =
  | (Lines & { kind: 'heading'; level: number; text: string })
  | (Lines & { kind: 'paragraph'; text: string })
  | (Lines & { kind: 'fence'; info: string; content: string })
  | (Lines & { kind: 'list'; items: ListItem[] })
  | (Lines & { kind: 'html'; text: string })
  | (Lines & { kind: 'table'; header: string[]; rows: TableRow[] })
  | (Lines & { kind: 'other' });

export function readBlocks(text: string): Block[] {
  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1 || !token.map) continue;
    const [start, end] = token.map;
    switch (token.type) {
      case 'heading_open':
        blocks.push({ kind: 'heading', start, end, level: Number(token.tag.slice(1)), text: tokens[i + 1].content });
        break;
      case 'paragraph_open':
        blocks.push({ kind: 'paragraph', start, end, text: tokens[i + 1].content });
        break;
      case 'fence':
        blocks.push({ kind: 'fence', start, end, info: token.info, content: token.content });
        break;
      case 'html_block':
        pushHtml(blocks, start, end, token.content);
        break;
      case 'table_open':
        blocks.push({ kind: 'table', start, end, ...tableCells(tokens, i) });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        blocks.push({ kind: 'list', start, end, items: listItems(tokens, i) });
        break;
      default:
        blocks.push({ kind: 'other', start, end });
    }
  }
  return blocks;
}

// `<h3 id="x">What is …?</h3>` on a line of its own: a blog exported to markdown writes its headings in HTML.
const HTML_HEADING = /^[ \t]*<h([1-6])(?:\s[^<>]*)?>(.*?)<\/h\1>[ \t]*$/i;

/**
 * An HTML block, with each line that is a whole `<hN>` element read as a heading of level N, so that a blog's HTML
 * headings structure the bank as markdown headings do; the lines between them stay HTML blocks.
 */
function pushHtml(blocks: Block[], start: number, end: number, content: string): void {
  if (!/<h[1-6]/i.test(content)) {
    blocks.push({ kind: 'html', start, end, text: content });
    return;
  }
  const lines = content.replace(/\n$/, '').split('\n');
  let pending = 0;
  const flush = (to: number) => {
    if (to > pending) blocks.push({ kind: 'html', start: start + pending, end: start + to, text: lines.slice(pending, to).join('\n') + '\n' });
  };
  lines.forEach((line, i) => {
    const heading = HTML_HEADING.exec(line);
    if (!heading) return;
    flush(i);
    blocks.push({ kind: 'heading', start: start + i, end: start + i + 1, level: Number(heading[1]), text: heading[2].trim() });
    pending = i + 1;
  });
  flush(lines.length);
}

/** The header cells and body rows of the table that opens at `open`, each cell's inline markdown. */
function tableCells(tokens: MarkdownIt.Token[], open: number): { header: string[]; rows: TableRow[] } {
  const header: string[] = [];
  const rows: TableRow[] = [];
  let row: string[] = header;
  let headerSeen = false;
  for (let i = open + 1; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const token = tokens[i];
    if (token.type === 'tr_open' && token.map) {
      if (headerSeen) {
        row = [];
        rows.push({ line: token.map[0], cells: row });
      }
      headerSeen = true;
    } else if (token.type === 'inline') row.push(token.content.trim());
  }
  return { header, rows };
}

/**
 * The direct items of the list that opens at `open`, each with the text of its first inline token, and the items of
 * lists nested one level down (sub-questions under a stem).
 */
function listItems(tokens: MarkdownIt.Token[], open: number): ListItem[] {
  const items: ListItem[] = [];
  let current: ListItem | undefined;
  let child: ListItem | undefined;
  const base = tokens[open].level;
  for (let i = open + 1; i < tokens.length && tokens[i].level > base; i++) {
    const token = tokens[i];
    if (token.type === 'list_item_open' && token.map) {
      if (token.level === base + 1) {
        current = { line: token.map[0], end: token.map[1], text: '' };
        child = undefined;
        if (token.info) current.number = Number(token.info);
        items.push(current);
      } else if (token.level === base + 3 && current) {
        child = { line: token.map[0], end: token.map[1], text: '' };
        if (token.info) child.number = Number(token.info);
        (current.children ??= []).push(child);
      }
    } else if (token.type === 'inline') {
      if (child && child.text === '' && token.level === base + 5) child.text = token.content;
      else if (current && !child && current.text === '') current.text = token.content;
    }
  }
  return items;
}
