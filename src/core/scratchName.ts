// What a scratch file is called and how it starts: a filesystem-safe, readable name, the extension for the code's
// language, and the header comment that links the file back to its question. Pure: no `vscode`, no Node built-ins.

/** Longest file name we produce, in code points (CJK stays well under the 255-byte limit of common filesystems). */
export const MAX_SCRATCH_NAME_LENGTH = 80;

interface LanguageFile {
  extension: string;
  /** Line-comment syntax; `end` closes the comment when the language has only block comments. */
  comment: { start: string; end?: string };
}

const HASH = { start: '#' };
const SLASHES = { start: '//' };
const DASHES = { start: '--' };
const MARKUP = { start: '<!--', end: '-->' };

// Fence info words (lower-case) as the banks write them, to the file a person would create for them.
const LANGUAGES: Record<string, LanguageFile> = {
  python: { extension: '.py', comment: HASH },
  py: { extension: '.py', comment: HASH },
  javascript: { extension: '.js', comment: SLASHES },
  js: { extension: '.js', comment: SLASHES },
  typescript: { extension: '.ts', comment: SLASHES },
  ts: { extension: '.ts', comment: SLASHES },
  bash: { extension: '.sh', comment: HASH },
  sh: { extension: '.sh', comment: HASH },
  shell: { extension: '.sh', comment: HASH },
  // JSON has no comments; JSON with Comments does, so the header stays valid.
  json: { extension: '.jsonc', comment: SLASHES },
  java: { extension: '.java', comment: SLASHES },
  c: { extension: '.c', comment: SLASHES },
  cpp: { extension: '.cpp', comment: SLASHES },
  'c++': { extension: '.cpp', comment: SLASHES },
  go: { extension: '.go', comment: SLASHES },
  rust: { extension: '.rs', comment: SLASHES },
  sql: { extension: '.sql', comment: DASHES },
  r: { extension: '.r', comment: HASH },
  yaml: { extension: '.yaml', comment: HASH },
  yml: { extension: '.yaml', comment: HASH },
  html: { extension: '.html', comment: MARKUP },
  xml: { extension: '.xml', comment: MARKUP },
  markdown: { extension: '.md', comment: MARKUP },
  md: { extension: '.md', comment: MARKUP },
};

// Plain text has no comment syntax; `#` lines read naturally and keep the header parseable.
const PLAIN_TEXT: LanguageFile = { extension: '.txt', comment: HASH };

/** The file extension and comment syntax for a fence language (`''` or unknown → plain text). */
export function languageFile(lang: string): LanguageFile {
  return LANGUAGES[lang.trim().toLowerCase()] ?? PLAIN_TEXT;
}

export interface ScratchNameInput {
  /** The bank's slug (`BankDocument.slug`). */
  bankSlug: string;
  title: string;
  questionId: string;
  /** The code block's fence language; decides the extension. */
  lang: string;
  /** Which code block (0-based); blocks after the first get `-2`, `-3`, … */
  codeIndex?: number;
  /** A blank file of the user's own rather than a copy of reference code. */
  blank?: boolean;
}

/** `<bank slug>--<title slug>--<id hash>[-<n>|-blank]<ext>`, safe on Windows, macOS and Linux, at most 80 code points. */
export function scratchFileName(input: ScratchNameInput): string {
  const extension = languageFile(input.lang).extension;
  const index = input.codeIndex ?? 0;
  const suffix = input.blank ? BLANK_SUFFIX : index > 0 ? `-${index + 1}` : '';
  const tail = `--${shortHash(input.questionId)}${suffix}${extension}`;
  const bank = truncate(slugify(input.bankSlug) || 'bank', 24);
  const room = MAX_SCRATCH_NAME_LENGTH - codePoints(tail) - codePoints(bank) - 2;
  const title = truncate(slugify(input.title), room) || 'question';
  return safeFileName(`${bank}--${title}${tail}`);
}

const BLANK_SUFFIX = '-blank';

/** Whether a file name is a blank scratch file's (the user's own code) rather than a copy of reference code. */
export function isBlankScratchName(fileName: string): boolean {
  return new RegExp(`--[0-9a-f]{8}${BLANK_SUFFIX}\\.[^.]+$`).test(fileName);
}

// Windows refuses these as a file's stem, whatever the extension.
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Path separators, characters Windows forbids, and control characters.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;

/** Makes any proposed file name safe to create: no separators or forbidden characters, no reserved names,
 * no leading or trailing dots and spaces, bounded length. */
export function safeFileName(name: string): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '') safe = 'scratch';
  const stem = safe.split('.')[0] ?? '';
  if (RESERVED_STEM.test(stem.trim())) safe = `_${safe}`;
  if (codePoints(safe) > MAX_SCRATCH_NAME_LENGTH) safe = truncate(safe, MAX_SCRATCH_NAME_LENGTH).replace(/[\s.]+$/, '');
  return safe;
}

/** Letters and digits of any script kept (so Chinese titles stay readable), everything else folded into `-`. */
function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const points = Array.from(text);
  if (points.length <= max) return text;
  return points.slice(0, max).join('').replace(/-+$/, '');
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

/** 8 hex digits of FNV-1a over the id's UTF-16 code units: short, stable, and distinct for distinct ids in practice. */
function shortHash(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

const QUESTION_MARKER = 'dojo-question:';

/** The comment lines a scratch file starts with: the question's title, then its id for the "Open question" CodeLens. */
export function scratchHeader(question: { id: string; title: string }, lang: string): string {
  const { start, end } = languageFile(lang).comment;
  const line = (text: string) => (end ? `${start} ${text} ${end}` : `${start} ${text}`);
  // A title is one line already; collapsing whitespace guards against a stray newline ending the comment early.
  const title = question.title.replace(/\s+/g, ' ').trim();
  return `${line(`Interview Dojo: ${title}`)}\n${line(`${QUESTION_MARKER} ${question.id}`)}\n\n`;
}

/** Where the header names its question: the id and its 0-based line, searched in the first lines only. */
export function findScratchQuestion(text: string): { id: string; line: number } | undefined {
  const lines = text.split(/\r?\n/, 5);
  for (let line = 0; line < lines.length; line++) {
    const match = /dojo-question:\s*([^\s]+?)\s*(?:-->)?\s*$/.exec(lines[line] ?? '');
    if (match?.[1]) return { id: match[1], line };
  }
  return undefined;
}
