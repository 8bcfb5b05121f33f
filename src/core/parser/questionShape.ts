// Whether a heading, bold paragraph or list item reads as a question, and its text cleaned into a one-line title:
// numbering, `Q:`-style prefixes, emphasis, links and inline HTML removed. Used by the layouts beyond the bundled ones.

// A question word, then either inversion or a verb (`Why does…`, `What causes…`); a noun clause (`Why this file
// exists`, `How the cache works`) is a section's name, not a question.
const WH_QUESTION = /^(?:what|how|why|when|where|which|who)\b(?!\s+(?:the|this|that|these|those|a|an|we|i|you|it|they|our|my|your)\b)\s*\S/i;
const AUX_QUESTION = /^(?:is|are|can|could|does|do|did|should|would|will)\s+\S/i;
// An imperative that asks for an answer, with something to act on (`List of resources` is a name, `Explain` alone a label).
// Explain/Describe/Define need only one word to act on (`Explain Function.prototype.bind`); the others, which also
// start names (`List comprehensions`), need two.
const IMPERATIVE = /^(?:(?:explain|describe|define)\s+\S|(?:compare|name|list|give|tell)\s+(?!of\b)\S+\s+\S|(?:walk|talk|take)\s+(?:me|us)\s+through\s+\S|(?:derive|prove)\s+\S+\s+\S)/i;
// `Difference between X and Y`: how front-end and backend banks title a comparison question.
const DIFFERENCE = /^(?:the\s+)?differences?\s+between\s+\S/i;
const CHINESE_QUESTION = /^(?:什么|如何|为什么|为何|怎么|怎样|哪些|哪个|是否|能否)/;
// `说明`, `介绍` or `请注意` alone name a section; followed by what to explain they ask a question.
const CHINESE_IMPERATIVE = /^(?:请\s*)?(?:简述|简要|介绍|解释|比较|说明|谈谈|列举|描述|阐述|分析)\s*\S{2}/;
// Spoken or task-like asks (`说说…`, `对比…`, `推导…`, `手撕…`) also head answer sub-sections (`推导过程`): they need a
// longer object (four characters) to read as a question.
const CHINESE_TASK = /^(?:请\s*)?(?:对比|说说|讲讲|讲一下|聊聊|推导|证明|手写|手撕|写出|画出)\s*\S[^\n]{3}/;

/** A cleaned title reads as a question when it ends with a question mark or starts the way questions start. */
export function readsAsQuestion(title: string): boolean {
  return (
    endsWithQuestionMark(title) ||
    WH_QUESTION.test(title) ||
    AUX_QUESTION.test(title) ||
    IMPERATIVE.test(title) ||
    DIFFERENCE.test(title) ||
    CHINESE_QUESTION.test(title) ||
    CHINESE_IMPERATIVE.test(title) ||
    CHINESE_TASK.test(title)
  );
}

export function endsWithQuestionMark(title: string): boolean {
  return /[?？]$/.test(title);
}

// `7.`, `7、`, `3.1.1`, `1.2.`, `(3)`, `（3）`: a number that is followed by text.
const DOTTED_NUMBER = /^(\d+(?:\.\d+)*)(?:\s*[.、．:：)）]\s*|\s+)(?=\S)/;
const PAREN_NUMBER = /^[(（](\d+)[)）]\s*(?=\S)/;
// `Q7.`, `Q7:`, `Question 7:`, `问题 7:`, and the bare prefixes `Q:`, `Question:`, `问：`, `问题：`.
const QUESTION_PREFIX = /^(?:Q|Question|问题|问)\s*(\d*)\s*[:：.、．]\s*/i;
// `Ans.` too (Java banks write `Q1.` / `Ans.`); a bare `A.` is a multiple-choice option, not an answer.
const ANSWER_PREFIX = /^(?:\*\*)?[ \t]*(?:(?:A|Ans|Answer|答|答案|参考答案)[ \t]*[:：]|Ans\.)(?:[ \t]*\*\*)?[ \t]*/i;
/** A line of a `Q:` paragraph where its answer starts. */
export const ANSWER_LINE = /\n(?=(?:\*\*)?[ \t]*(?:(?:A|Ans|Answer|答|答案|参考答案)[ \t]*[:：]|Ans\.))/i;
// `[E]`, `[M]`, `[H]` (or spelled out): a difficulty tag before the question, not part of it.
const DIFFICULTY_TAG = /^\[(?:E|M|H|Easy|Medium|Hard)\]\s*/i;

export interface Numbering {
  /** `3.1.1` → [3, 1, 1]. */
  path: number[];
  rest: string;
}

/** The dotted number at the start of a heading's text: `3.1 梯度下降` → [3, 1]. */
export function leadingNumber(text: string): Numbering | undefined {
  const match = DOTTED_NUMBER.exec(text) ?? PAREN_NUMBER.exec(text);
  if (!match) return undefined;
  return { path: match[1].split('.').map(Number), rest: text.slice(match[0].length) };
}

export interface Prefixed {
  number?: number;
  rest: string;
}

/** `Q:`, `**Q1:**`, `Question 2.`, `问：` at the start of a block. */
export function questionPrefix(text: string): Prefixed | undefined {
  const bold = text.startsWith('**');
  const inner = bold ? text.slice(2).trimStart() : text;
  const match = QUESTION_PREFIX.exec(inner);
  if (!match) return undefined;
  let rest = inner.slice(match[0].length);
  // `**Q:** text` closes the bold after the prefix; `**Q: text**` around the whole question.
  if (bold) rest = rest.startsWith('**') ? rest.replace(/^\*\*\s*/, '') : rest.replace(/\*\*$/, '');
  const result: Prefixed = { rest };
  if (match[1]) result.number = Number(match[1]);
  return result;
}

/** `A:`, `**Answer:**`, `答：`, `答案：`, `参考答案：` at the start of a block: the text after it. */
export function answerPrefix(text: string): string | undefined {
  const match = ANSWER_PREFIX.exec(text);
  return match ? text.slice(match[0].length) : undefined;
}

/** A paragraph that is only bold text: its inner text. */
export function boldOnly(text: string): string | undefined {
  if (!text.startsWith('**') || !text.endsWith('**') || text.length < 5 || text.includes('\n')) return undefined;
  const inner = text.slice(2, -2);
  return inner.includes('**') ? undefined : inner;
}

/**
 * A one-line title from inline markdown: numbering and prefixes removed, emphasis, code marks, links and HTML tags
 * removed (their text kept). `__init__` stays: underscores inside a word are not emphasis.
 */
export function titleText(markdown: string): string {
  let text = inlineText(markdown);
  const prefix = questionPrefix(text);
  if (prefix) text = prefix.rest.trim();
  const numbering = leadingNumber(text);
  if (numbering) text = numbering.rest.trim();
  if (text.startsWith('[')) text = text.replace(DIFFICULTY_TAG, '');
  return text;
}

const MARKUP = /[<[`*_]/;

/** Inline markdown as one line of plain text: emphasis, code marks, links and HTML tags removed, their text kept. */
export function inlineText(markdown: string): string {
  // Most text has no markup at all: it only needs its blanks collapsed (every heading and list item comes here).
  if (!MARKUP.test(markdown)) return markdown.replace(/\s+/g, ' ').trim();
  // Code spans keep their text as written (`__init__`); emphasis is only read outside them.
  return markdown
    .replace(/<[^<>\n]{0,500}>/g, '')
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '')
    .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .split(/(`+[^`\n]*`+)/)
    .map((piece, i) => (i % 2 === 1 ? piece.replace(/`/g, '') : withoutEmphasis(piece)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `**x**`, `*x*`, `__x__`, `_x_` → x; a lower-case identifier between underscores (`__init__`) is not emphasis. */
function withoutEmphasis(text: string): string {
  const unlessIdentifier = (whole: string, before: string, inner: string) => (/^[a-z0-9_]+$/.test(inner) ? whole : before + inner);
  return text
    .replace(/\*\*/g, '')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]{0,300}?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])__(?=\S)([^\n]{0,300}?\S)__(?!\w)/g, unlessIdentifier)
    .replace(/(^|[^\w])_(?=\S)([^_\n]{0,300}?\S)_(?!\w)/g, unlessIdentifier);
}
