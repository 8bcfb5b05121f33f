// A mock interview's summary as a Markdown document (what "Export as Markdown" saves): totals, then per question the
// time spent, the self-check's coverage, the grade, the attempt and the reference answer. The labels come from the
// adapter in the UI language; the attempt is fenced so that nothing in it is read as Markdown.
import type { Grade } from '../review/grades';
import type { MockSession } from './mockSession';

export interface MockMarkdownLabels {
  title: string;
  /** Formatted lines under the title ("Answered: 3 of 5"). */
  totals: string[];
  attempt: string;
  reference: string;
  noAttempt: string;
  noReference: string;
  /** "4 min 10 s · coverage 62% · Good", per question. */
  meta(index: number, spentMs: number, coverage: number | undefined, grade: Grade | undefined, skipped: boolean): string;
}

export interface MockQuestionText {
  title: string;
  /** The reference answer (markdown), '' when there is none. */
  answer: string;
}

export function mockMarkdown(session: MockSession, question: (id: string) => MockQuestionText, labels: MockMarkdownLabels): string {
  const lines = [`# ${labels.title}`, '', ...labels.totals.map((line) => `- ${line}`), ''];
  session.items.forEach((item, index) => {
    const { title, answer } = question(item.id);
    lines.push(`## ${index + 1}. ${oneLine(title)}`, '', labels.meta(index, item.spentMs, item.coverage, item.grade, item.skipped), '');
    lines.push(`### ${labels.attempt}`, '');
    const attempt = item.attempt?.trim() ? item.attempt : undefined;
    lines.push(...(attempt ? fenced(attempt) : [`_${labels.noAttempt}_`]), '');
    lines.push(`### ${labels.reference}`, '', answer.trim() ? answer.trim() : `_${labels.noReference}_`, '');
  });
  return lines.join('\n');
}

/** A fence longer than any run of backticks or tildes in the text. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+|~+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, text, fence];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
