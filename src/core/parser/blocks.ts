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
        blocks.push({ kind: 'html', start, end, text: token.content });
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
