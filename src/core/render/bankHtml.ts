// HTML written in bank markdown. Banks use a few tags (collapsible answers, bold, keys, sub/superscripts, images,
// and the paragraphs, lists, preformatted code, headings and tables of banks exported from a blog); those pass
// through js-xss with an allow-list (attributes only where listed), every other tag is escaped and shown as text, and nothing from a bank
// reaches the page unfiltered: the renderer writes an HTML token only after the rule below has filtered it.
// Unbalanced tags are closed where their part ends (a paragraph, an HTML block, the document), so an unclosed
// `<details>` or `<b>` cannot swallow what the page shows after the bank's text.
import type MarkdownIt from 'markdown-it';
import { FilterXSS, friendlyAttrValue, parseAttr } from 'xss';
import { escapeHtml } from './escapeHtml';
import { DEFAULT_IMAGE_SETTINGS, imageSource, refusedImageHtml, remoteImageHtml, type ImageSettings } from './images';
import type { ImageEnv } from './links';

/** The tags a bank may use and their attributes (no `style`: the panel's CSP forbids inline styles anyway). */
const ALLOWED_TAGS: Readonly<Record<string, string[]>> = {
  details: ['open'],
  summary: [],
  b: [],
  i: [],
  em: [],
  strong: [],
  code: [],
  br: [],
  sub: [],
  sup: [],
  kbd: [],
  img: ['src', 'alt', 'title', 'width', 'height'],
  ...Object.fromEntries(
    ['p', 'blockquote', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'].map((tag) => [tag, []]),
  ),
};
const VOID_TAGS = new Set(['br', 'img', 'hr']);
/**
 * The tags that start an HTML block (a collapsible spans paragraphs; a blog's block elements end at a blank line). Any
 * other tag stays inside its paragraph, where markdown around it still renders, as it did before banks could use HTML.
 */
const BLOCK_START = /^<\/?(?:details|summary|p|blockquote|pre|ul|ol|li|h[1-6]|hr|table|thead|tbody|tr|th|td)(?=[\s/>]|$)/i;
/** Tags that may stay open after the HTML block that opened them: a collapsible's answer follows as markdown. */
const SPANS_BLOCKS = new Set(['details']);
/** A tag in the filter's output; attribute values there have `<`, `>` and `"` escaped. */
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;
const TEXT_ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Dimensions as plain numbers or percentages (anything else could be CSS). */
const DIMENSION = /^\d{1,5}%?$/;

/** Marks the HTML tokens the filter rule has filtered; the renderer escapes any other. */
const FILTERED = Symbol('filtered');
type FilteredMeta = { [FILTERED]?: true };

export function bankHtml(md: MarkdownIt.MarkdownIt): void {
  // markdown-it's own HTML block ends only where its tag's kind says (a `<script>` block at `</script>`, possibly the
  // end of the document); collapsibles are the one kind banks need.
  md.disable('html_block');
  md.block.ruler.before('html_block', 'bank_html_block', collapsibleBlock, { alt: ['paragraph', 'reference', 'blockquote'] });
  md.core.ruler.push('bank_html_filter', filterHtmlTokens);
  const write: MarkdownIt.RendererRule = (tokens, index) => {
    const token = tokens[index];
    return (token.meta as FilteredMeta | null)?.[FILTERED] ? token.content : escapeHtml(token.content);
  };
  md.renderer.rules.html_block = write;
  md.renderer.rules.html_inline = write;
}

/** A line starting with a `details` or `summary` tag, and the lines after it up to a blank line (CommonMark's rule 6). */
function collapsibleBlock(state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (!BLOCK_START.test(state.src.slice(start, state.eMarks[startLine]))) return false;
  if (silent) return true;
  let next = startLine + 1;
  while (next < endLine && state.sCount[next] >= state.blkIndent && !state.isEmpty(next)) next++;
  state.line = next;
  const token = state.push('html_block', '', 0);
  token.map = [startLine, next];
  token.content = state.getLines(startLine, next, state.blkIndent, true);
  return true;
}

/** Filters every HTML token of the document and closes what bank HTML left open. */
function filterHtmlTokens(state: MarkdownIt.StateCore): void {
  let filter: FilterXSS | undefined;
  const clean = (html: string) => (filter ??= htmlFilter((state.env as ImageEnv | undefined)?.images ?? DEFAULT_IMAGE_SETTINGS)).process(withoutComments(html));
  /** Tags opened by HTML blocks and still open: closed at the end of the document. */
  const documentOpen: string[] = [];
  for (const token of state.tokens) {
    if (token.type === 'html_block') {
      const opened = documentOpen.length;
      let html = balance(clean(token.content), documentOpen);
      // What the block opened, except a collapsible, ends with the block.
      const keep = documentOpen.findIndex((tag, i) => i >= opened && !SPANS_BLOCKS.has(tag));
      if (keep >= 0) html += closeTags(documentOpen.splice(keep));
      markFiltered(token, html);
    } else if (token.type === 'inline' && token.children) {
      const inlineOpen: string[] = [];
      for (const child of token.children) {
        if (child.type === 'html_inline') markFiltered(child, balance(clean(child.content), inlineOpen, documentOpen));
      }
      if (inlineOpen.length > 0) token.children.push(filteredToken(state, 'html_inline', closeTags(inlineOpen)));
    }
  }
  if (documentOpen.length > 0) state.tokens.push(filteredToken(state, 'html_block', closeTags(documentOpen)));
}

/** The allow-list filter, with images resolved as markdown images are (images.ts). */
function htmlFilter(images: ImageSettings): FilterXSS {
  return new FilterXSS({
    whiteList: ALLOWED_TAGS,
    // Tags off the list stay, escaped, with whatever they held.
    stripIgnoreTagBody: false,
    css: false,
    // Text between tags: `"` too, so that no text can look like an attribute (ContentHtml renames `style="`); `&`
    // stays, so the bank's entities show as characters.
    escapeHtml: (text) => text.replace(/[<>"]/g, (c) => TEXT_ENTITIES[c]),
    onTag: (tag, html, info) => (tag === 'img' && !info.isClosing ? imageHtml(html, images) : undefined),
  });
}

function imageHtml(tagHtml: string, images: ImageSettings): string {
  const attributes = new Map<string, string>();
  parseAttr(tagHtml.replace(/^<img/i, '').replace(/\/?>$/, ''), (name, value) => {
    if (!attributes.has(name)) attributes.set(name, friendlyAttrValue(value));
    return '';
  });
  const src = attributes.get('src') ?? '';
  const alt = attributes.get('alt') ?? '';
  const source = imageSource(src, images);
  if (source.kind === 'remote') return remoteImageHtml(source.url, alt, images.linkLabel, false);
  if (source.kind === 'refused') return refusedImageHtml(src, alt, images.refusedLabel);
  let html = `<img src="${escapeHtml(source.url)}" alt="${escapeHtml(alt)}"`;
  const title = attributes.get('title');
  if (title !== undefined) html += ` title="${escapeHtml(title)}"`;
  for (const name of ['width', 'height']) {
    const value = attributes.get(name)?.trim();
    if (value !== undefined && DIMENSION.test(value)) html += ` ${name}="${value}"`;
  }
  return `${html}>`;
}

/**
 * Comments are the author's, not content: a closed one is dropped. An unclosed `<!--` is shown as text (the filter
 * would drop everything after it).
 */
function withoutComments(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!--/g, '&lt;!--');
}

/**
 * Tracks the tags of filtered HTML on `open`. A closing tag closes what was opened after its opener too; one that
 * closes nothing open here (or, for a collapsible, in `outer`) is shown as text.
 */
function balance(html: string, open: string[], outer?: string[]): string {
  return html.replace(TAG, (tagHtml, closing: string, name: string) => {
    const tag = name.toLowerCase();
    if (VOID_TAGS.has(tag)) return tagHtml;
    if (!closing) {
      open.push(tag);
      return tagHtml;
    }
    const stack = open.includes(tag) ? open : outer && SPANS_BLOCKS.has(tag) && outer.includes(tag) ? outer : undefined;
    if (!stack) return escapeHtml(tagHtml);
    return closeTags(stack.splice(stack.lastIndexOf(tag)));
  });
}

/** Closing tags for `tags`, innermost (last) first. */
function closeTags(tags: readonly string[]): string {
  return tags.map((tag) => `</${tag}>`).reverse().join('');
}

function markFiltered(token: MarkdownIt.Token, html: string): void {
  token.content = html;
  token.meta = { [FILTERED]: true } satisfies FilteredMeta;
}

function filteredToken(state: MarkdownIt.StateCore, type: 'html_block' | 'html_inline', html: string): MarkdownIt.Token {
  const token = new state.Token(type, '', 0);
  markFiltered(token, html);
  return token;
}
