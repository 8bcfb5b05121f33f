// Lint messages that need more than one block to say: what was tried when a file gave no questions.

export const LAYOUTS_TRIED =
  'numbered headings, dotted section numbers, question headings, Q:/A: prefixes, <details> blocks, bold questions, question lists, question tables, numbered paragraphs';

/** The "no questions found" warning: the layouts tried, the first headings seen, and the front matter that helps. */
export function noQuestionsMessage(headings: readonly { line: number; text: string }[]): string {
  const seen =
    headings.length === 0
      ? 'no headings'
      : `headings seen: ${headings.map((heading) => `line ${heading.line} ${JSON.stringify(heading.text)}`).join(', ')}`;
  return (
    `No questions found. Layouts tried: ${LAYOUTS_TRIED}; ${seen}. ` +
    'If headings of one level are the questions, add front matter `dojo: { questionHeading: N }` (see the bank format).'
  );
}
