// The data model shared by every part of the product. Pure data: no behaviour, no `vscode`.

export type Severity = 'error' | 'warning' | 'info';

/** A problem found in a bank. `line` is 1-based in the original file. */
export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  message: string;
}

/** A fenced code block of a question's reference material. */
export interface CodeBlock {
  /** The fence's info string's first word, lower-case (`python`), or '' when none. */
  lang: string;
  source: string;
  /** Prose that introduced the example in the bank (e.g. "使用大模型进行信贷风险评估："), if any. */
  caption?: string;
  /** Set when the bank never closed the block's fence: its source is likely cut off (the parser also warns). */
  truncated?: true;
}

/** One bank file as indexed. `file` is the path (or label) the bank was read from. */
export interface BankDocument {
  file: string;
  /** A short stable name derived from the file name (used in ids and scratch file names). */
  slug: string;
  /** The document's first heading, or the file name when it has none. */
  title: string;
  /** How many questions were indexed from it (repeats included). */
  questionCount: number;
}

export interface Question {
  /** Stable across edits of other questions: `<bank slug>/<hash of the normalised title>`. */
  id: string;
  /** The `file` of its document. */
  document: string;
  /** 1-based line of the question's heading (or list item) in the original file. */
  line: number;
  /** The number the bank gave it (`### 7.` → 7), if any. */
  number?: number;
  /** The question as a one-line title, markdown markers removed. */
  title: string;
  /** The question text (markdown); the title when the bank gives no separate prompt. */
  prompt: string;
  /** The section heading the question sits under, when it adds context (003's layout). */
  section?: string;
  /** Primary domain id from `content/domains.json`, or `general` when none fits. */
  domain: string;
  /** Other domain ids that also apply. */
  tags: string[];
  /** Reference answer (markdown), '' when none. */
  answer: string;
  /** Analysis / explanation (markdown), '' when none. */
  analysis: string;
  code: CodeBlock[];
  /** False for practice items the bank lists without any answer (exercises). */
  hasReference: boolean;
  /** Set on a repeat: the id of the first question with the same normalised title in the same bank. */
  duplicateOf?: string;
}

/**
 * What a list of questions shows (the tree, its counts, the review queue): a practice item's identity and row, without
 * its texts. A warm start knows these from the outline (bankOutline.ts) before the full index has loaded.
 */
export type ListedQuestion = Pick<Question, 'id' | 'document' | 'line' | 'title' | 'domain'> & {
  readonly code: readonly Pick<CodeBlock, 'lang'>[];
};

export interface BankIndex {
  documents: BankDocument[];
  questions: Question[];
  diagnostics: Diagnostic[];
}

/** One entry of the domain taxonomy (`content/domains.json`). */
export interface Domain {
  id: string;
  label: { en: string; 'zh-cn': string };
  /** Lower-case keywords and phrases, in both languages, that signal the domain. */
  aliases: string[];
}

/** The id of the catch-all for questions that fit no specific domain. */
export const GENERAL_DOMAIN = 'general';
