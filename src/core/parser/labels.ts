// What a heading's or paragraph's inline text says about the bank's structure: question starts and section labels.
// Each regex looks at one block's inline text only; the structure itself comes from markdown-it's tokens.
import { inlineText } from './questionShape';

/** The parts of a question a label introduces; `interview` (面试题) starts a new question. */
export type LabelKind = 'prompt' | 'answer' | 'example' | 'analysis' | 'interview';

const LABEL_WORDS: Record<LabelKind, string[]> = {
  prompt: ['题目', '问题', 'question'],
  answer: ['答案', '参考答案', '解答', 'answer', 'solution'],
  example: ['举例', '示例', '代码示例', '源代码实例', '代码', '示例代码', 'example', 'code'],
  analysis: ['解析', '分析', '答案解析', 'analysis', 'explanation'],
  interview: ['面试题'],
};

const KIND_OF_WORD = new Map<string, LabelKind>(
  Object.entries(LABEL_WORDS).flatMap(([kind, words]) => words.map((word) => [word, kind as LabelKind])),
);
// Longest first, so `答案解析` is not read as `答案` followed by text.
const WORDS = [...KIND_OF_WORD.keys()].sort((a, b) => b.length - a.length).join('|');
// Each optional part takes the blanks after it, so a run of blanks can be matched one way only: with a separate
// `[ \t]*` on each side of an optional part, a long run before a failing `**` is retried in every split (cubic time).
const PARENTHETICAL = String.raw`(?:[（(]([^）)\n]*)[）)][ \t]*)?`;
const COLON = String.raw`(?:([:：])[ \t]*)?`;
const BOLD_LABEL = new RegExp(String.raw`^\*\*[ \t]*(${WORDS})[ \t]*${PARENTHETICAL}${COLON}\*\*[ \t]*${COLON}\s*([\s\S]*)$`, 'i');
const HEADING_LABEL = new RegExp(String.raw`^(?:\*\*)?[ \t]*(${WORDS})[ \t]*${PARENTHETICAL}${COLON}(?:\*\*[ \t]*)?${COLON}\s*([\s\S]*)$`, 'i');

export interface Label {
  kind: LabelKind;
  /** Text in parentheses after the label word: `源代码实例（Python，使用 TensorFlow）` → `Python，使用 TensorFlow`. */
  parenthetical?: string;
  /** Markdown after the label in the same block. */
  rest: string;
}

/** A label in bold at the start of a paragraph: `**答案：** text`, `**答案**：text`, `**Answer:**`. */
export function paragraphLabel(text: string): Label | undefined {
  return label(BOLD_LABEL.exec(text));
}

/** A label heading: `#### 答案`, `#### 答案：…`, `#### **面试题：** …`. */
export function headingLabel(text: string): Label | undefined {
  return label(HEADING_LABEL.exec(text));
}

function label(match: RegExpExecArray | null): Label | undefined {
  if (!match) return undefined;
  const [, word, parenthetical, colonInside, colonOutside, rest] = match;
  // Without a colon the label must stand alone; `**代码** 很重要` is prose, not a label.
  if (!colonInside && !colonOutside && rest.trim() !== '') return undefined;
  const result: Label = { kind: KIND_OF_WORD.get(word.toLowerCase()) as LabelKind, rest: rest.trim() };
  if (parenthetical?.trim()) result.parenthetical = parenthetical.trim();
  return result;
}

export interface NumberedTitle {
  number: number;
  title: string;
}

// `1.1 title` is a sub-numbered heading, not question 1.
const NUMBERED_HEADING = /^(\d+)\s*[.、．](?!\d)\s*(\S[\s\S]*)$/;
const NAMED_NUMBER = /^(?:问题|Q|Question)\s*(\d+)\s*[:：.、．]\s*(\S[\s\S]*)$/i;

/** A question heading's number and title: `7. title`, `问题 7: title`, `Q7. title` (optionally in bold). */
export function numberedHeading(text: string): NumberedTitle | undefined {
  const inner = stripOuterBold(text);
  return numbered(NUMBERED_HEADING.exec(inner) ?? NAMED_NUMBER.exec(inner));
}

/** A paragraph that is only a bold numbered question: `**问题 1: AI 大模型的基本原理是什么？**`. */
export function numberedParagraph(text: string): NumberedTitle | undefined {
  if (!text.startsWith('**') || !text.endsWith('**') || text.includes('\n')) return undefined;
  return numbered(NAMED_NUMBER.exec(stripOuterBold(text)));
}

function numbered(match: RegExpExecArray | null): NumberedTitle | undefined {
  if (!match) return undefined;
  const title = cleanTitle(match[2]);
  return title ? { number: Number(match[1]), title } : undefined;
}

function stripOuterBold(text: string): string {
  // The lookbehind starts the match only where a run of blanks starts (a long run not before `**` costs linear time).
  return text.replace(/^\*\*\s*/, '').replace(/(?<!\s)\s*\*\*$/, '');
}

/** A one-line title: emphasis, code marks, links and HTML removed (`__init__` stays: it is Python, not bold). */
export function cleanTitle(text: string): string {
  return inlineText(text);
}

const INTRO_OR_CONCLUSION = /^(?:结论|总结|结语|小结|引言|概述|前言|简介|conclusions?|summary|introduction|overview)(?:与展望|和展望)?[:：。.]?$/i;

/** Introduction and conclusion sections are part of the bank's prose, not questions, even when numbered. */
export function isIntroOrConclusion(title: string): boolean {
  return INTRO_OR_CONCLUSION.test(cleanTitle(title));
}

const QUESTION_LIST_HEADING = /题库|面试题|问题|习题|练习|编程题|questions|exercises|problems/i;

/** A heading over a list of questions, like `#### 典型问题/面试题库` or `#### 算法编程题库`. */
export function isQuestionListHeading(text: string): boolean {
  return QUESTION_LIST_HEADING.test(text) && !isIntroOrConclusion(text);
}
