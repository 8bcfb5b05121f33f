// Strings cut from a bank's text (a title, a one-line answer, a code block's source) may be views into the whole
// file's text and keep all of it alive for as long as the index lives. A parsed bank keeps only copies of what it
// uses, so a file's text is freed once the bank is read: at 100k questions that is most of the index's memory.
import type { CodeBlock } from '../model';
import type { RawQuestion } from './rawQuestion';

/** `text` as a string of its own: joining forces a fresh flat string, slicing off the joined space keeps a view of that. */
export function detached(text: string): string {
  return (' ' + text).slice(1);
}

export function detachedQuestion(question: RawQuestion): RawQuestion {
  const copy: RawQuestion = {
    ...question,
    title: detached(question.title),
    prompt: question.prompt === question.title ? '' : detached(question.prompt),
    answer: detached(question.answer),
    analysis: detached(question.analysis),
    code: question.code.map(detachedCode),
  };
  if (question.prompt === question.title) copy.prompt = copy.title;
  if (question.section !== undefined) copy.section = detached(question.section);
  return copy;
}

function detachedCode(block: CodeBlock): CodeBlock {
  const copy: CodeBlock = { ...block, lang: detached(block.lang), source: detached(block.source) };
  if (block.caption !== undefined) copy.caption = detached(block.caption);
  return copy;
}
