// What a scratch file is called and how it starts: a filesystem-safe, readable name, the extension for the code's
// language, and the header comment that links the file back to its question. Pure: no `vscode`, no Node built-ins.

import { fnv1a32Utf16, fnv1a64 } from './fnv';

/**
 * Longest file name `safeFileName` lets through: in code points, and in UTF-8 bytes because filesystems count bytes
 * (Linux and macOS allow 255; four-byte characters would reach that well within the code-point cap).
 */
export const MAX_SCRATCH_NAME_LENGTH = 80;
export const MAX_SCRATCH_NAME_BYTES = 120;

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

/** How long each part of a scratch file name may be, and which hash tells questions apart. */
interface NameScheme {
  /** The bank slug as the name shows it. */
  bank: (slug: string) => string;
  titleChars: number;
  maxChars: number;
  maxBytes: number;
  hash: (questionId: string) => string;
}

// Short enough for an editor tab at its default width: a 12-character bank (cut after a whole word where one fits),
// a 32-character title.
const CURRENT_SCHEME: NameScheme = {
  bank: (slug) => wholeWords(slug, 12),
  titleChars: 32,
  maxChars: MAX_SCRATCH_NAME_LENGTH,
  maxBytes: MAX_SCRATCH_NAME_BYTES,
  hash: (questionId) => fnv1a64(questionId).slice(0, 8),
};

// Version 0.1.0's names (24-character bank, the rest of 80 code points for the title, no byte cap): users' files
// may still be called so, and are found by this name when the current one does not exist.
const LEGACY_SCHEME: NameScheme = {
  bank: (slug) => truncate(slug, 24, Infinity),
  titleChars: Infinity,
  maxChars: MAX_SCRATCH_NAME_LENGTH,
  maxBytes: Infinity,
  hash: fnv1a32Utf16,
};

/**
 * `<bank slug>--<title slug>--<id hash>[-<n>|-blank]<ext>`, safe on Windows, macOS and Linux, at most 12 + 32
 * characters of bank and title and at most `MAX_SCRATCH_NAME_BYTES` bytes.
 */
export function scratchFileName(input: ScratchNameInput): string {
  return nameIn(CURRENT_SCHEME, input);
}

/** The name version 0.1.0 gave the same file (its users' scratch files still have it). */
export function legacyScratchFileName(input: ScratchNameInput): string {
  return nameIn(LEGACY_SCHEME, input);
}

function nameIn(scheme: NameScheme, input: ScratchNameInput): string {
  const extension = languageFile(input.lang).extension;
  const index = input.codeIndex ?? 0;
  const suffix = input.blank ? BLANK_SUFFIX : index > 0 ? `-${index + 1}` : '';
  const tail = `--${scheme.hash(input.questionId)}${suffix}${extension}`;
  const bank = scheme.bank(slugify(input.bankSlug) || 'bank');
  const used = `${bank}--${tail}`;
  const chars = Math.min(scheme.titleChars, scheme.maxChars - codePoints(used));
  const title = truncate(slugify(input.title), chars, scheme.maxBytes - utf8Bytes(used)) || 'question';
  return safeFileName(`${bank}--${title}${tail}`, scheme);
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
 * no leading or trailing dots and spaces, bounded length in code points and in UTF-8 bytes. */
export function safeFileName(
  name: string,
  limits: { maxChars: number; maxBytes: number } = { maxChars: MAX_SCRATCH_NAME_LENGTH, maxBytes: MAX_SCRATCH_NAME_BYTES },
): string {
  let safe = name.normalize('NFC').replace(UNSAFE, '-').replace(/^[\s.]+|[\s.]+$/g, '');
  if (safe === '') safe = 'scratch';
  const stem = safe.split('.')[0] ?? '';
  if (RESERVED_STEM.test(stem.trim())) safe = `_${safe}`;
  if (codePoints(safe) > limits.maxChars || utf8Bytes(safe) > limits.maxBytes) {
    safe = truncate(safe, limits.maxChars, limits.maxBytes).replace(/[\s.]+$/, '');
  }
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

/** At most `maxChars` code points and `maxBytes` UTF-8 bytes of the text, never splitting a character. */
function truncate(text: string, maxChars: number, maxBytes: number): string {
  if (codePoints(text) <= maxChars && utf8Bytes(text) <= maxBytes) return text;
  let kept = '';
  let bytes = 0;
  let chars = 0;
  for (const point of text) {
    const size = utf8Bytes(point);
    if (chars + 1 > maxChars || bytes + size > maxBytes) break;
    kept += point;
    bytes += size;
    chars += 1;
  }
  return kept.replace(/-+$/, '');
}

/** At most `maxChars` code points of a slug, ending at a dash between words when one leaves at least half of it. */
function wholeWords(slug: string, maxChars: number): string {
  const cut = truncate(slug, maxChars, Infinity);
  if (cut === slug || slug[cut.length] === '-') return cut;
  const dash = cut.lastIndexOf('-');
  return dash >= maxChars / 2 ? cut.slice(0, dash) : cut;
}

function codePoints(text: string): number {
  return Array.from(text).length;
}

const UTF8 = new TextEncoder();

function utf8Bytes(text: string): number {
  return UTF8.encode(text).length;
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
