// The request the optional AI review sends: one user message (the chat API has no system role) with the question,
// the reference answer, its key points and the learner's attempt, asking for a short structured review in the UI
// language. Pure: the adapter (src/ai/) sends it through the host's language-model API.

/** The languages the review is asked for: those the extension's UI is translated into. */
export type ReviewLanguage = 'en' | 'zh-cn';

/** A reply is cut off at this many characters (a model that never stops must not fill the panel's memory). */
export const MAX_REVIEW_LENGTH = 50_000;

/** What the review is about. */
export interface ReviewMaterial {
  /** The question's title. */
  title: string;
  /** The question's text (markdown); may repeat the title. */
  prompt: string;
  /** The reference answer (markdown); '' when the bank has none. */
  reference: string;
  keyPoints: readonly string[];
  attempt: string;
}

/** The review's language for VS Code's UI language (`vscode.env.language`): Chinese for any `zh`, else English. */
export function reviewLanguage(uiLanguage: string): ReviewLanguage {
  return /^zh\b/i.test(uiLanguage) ? 'zh-cn' : 'en';
}

interface Wording {
  intro: string;
  question: string;
  reference: string;
  noReference: string;
  keyPoints: string;
  attempt: string;
  format: string[];
}

const WORDING: Record<ReviewLanguage, Wording> = {
  en: {
    intro:
      'You are reviewing a learner\'s answer to an interview question. Compare the attempt with the reference answer ' +
      'and its key points. Be brief, concrete and kind. Reply in English, in Markdown, with exactly these three sections:',
    question: 'Question',
    reference: 'Reference answer',
    noReference: '(The question bank gives no reference answer: judge the attempt on its own merits.)',
    keyPoints: 'Key points of the reference answer',
    attempt: 'The learner\'s attempt',
    format: [
      '**What is right**: the points the attempt gets right (a short list).',
      '**What is missing or wrong**: key points it misses and statements that are wrong (a short list).',
      '**One suggestion**: the single most useful thing to improve.',
    ],
  },
  'zh-cn': {
    intro:
      '你在点评一位学习者对一道面试题的作答。请把作答与参考答案及其要点对照。简明、具体、友善。' +
      '请用简体中文、Markdown 格式回复，只包含以下三个部分：',
    question: '题目',
    reference: '参考答案',
    noReference: '（题库没有参考答案：请就作答本身评判。）',
    keyPoints: '参考答案的要点',
    attempt: '学习者的作答',
    format: [
      '**答对的地方**：作答中正确的要点（简短列表）。',
      '**遗漏或错误**：遗漏的要点和错误的说法（简短列表）。',
      '**一条建议**：最值得改进的一点。',
    ],
  },
};

/** The one user message of the review request. Each part is fenced off so that none reads as an instruction. */
export function reviewRequest(material: ReviewMaterial, language: ReviewLanguage): string {
  const w = WORDING[language];
  const question = material.prompt.includes(material.title) ? material.prompt : `${material.title}\n\n${material.prompt}`;
  const keyPoints = material.keyPoints.map((point) => `- ${point}`).join('\n');
  const parts = [
    w.intro,
    w.format.map((line, i) => `${i + 1}. ${line}`).join('\n'),
    section(w.question, question.trim()),
    material.reference.trim() === '' ? `## ${w.reference}\n\n${w.noReference}` : section(w.reference, material.reference.trim()),
  ];
  if (keyPoints !== '') parts.push(section(w.keyPoints, keyPoints));
  parts.push(section(w.attempt, material.attempt.trim()));
  return parts.join('\n\n');
}

/** A heading and its text between tildes, longer than any run of tildes inside. */
function section(heading: string, text: string): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/~+/g), (m) => m[0].length));
  const fence = '~'.repeat(longest + 1);
  return `## ${heading}\n\n${fence}\n${text}\n${fence}`;
}
