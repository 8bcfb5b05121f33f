// Optional YAML front matter at the very start of a bank file: the bank's title and `dojo:` overrides of layout
// detection. Validated key by key: a bad value is a diagnostic and is ignored, never a crash; the rest still applies.
import { parseDocument } from 'yaml';
import type { Diagnostic } from '../model';

export interface BankOverrides {
  title?: string;
  /** Every heading of exactly this level is a question. */
  questionHeading?: number;
  question?: RegExp;
  answer?: RegExp;
  domain?: string;
  /** The 1-based file line of `dojo.domain`, where a domain id that does not exist is reported. */
  domainLine?: number;
}

export interface FrontMatter {
  overrides: BankOverrides;
  /** 0-based line after the closing `---`; 0 when the file has no front matter. */
  end: number;
  /** What `--explain` prints for the front matter: `dojo.questionHeading = 3`. */
  settings: string[];
  diagnostics: Diagnostic[];
}

/** Front matter longer than this is not front matter but a file that happens to start with `---`. */
const MAX_LINES = 1000;
/** Bigger front matter is refused unread: a bank's settings take a few lines, and YAML costs more than markdown. */
const MAX_CHARACTERS = 64 * 1024;
/** Patterns only ever see the start of a block's first line, so a slow pattern stays cheap. */
export const PATTERN_INPUT_LIMIT = 200;
const DOJO_KEYS = ['questionHeading', 'question', 'answer', 'domain'];
// A quantified group that itself contains a quantifier: `(a+)+`, `(\w*)*`, `(.+){2,}` backtrack exponentially.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,?\d*\})/;

export function readFrontMatter(file: string, lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { overrides: {}, end: 0, settings: [], diagnostics: [] };
  if (lines[0]?.trimEnd() !== '---') return none;
  let close = -1;
  for (let i = 1; i < Math.min(lines.length, MAX_LINES); i++) {
    if (/^(?:---|\.\.\.)\s*$/.test(lines[i])) {
      close = i;
      break;
    }
  }
  if (close < 0) return none;
  const result: FrontMatter = { ...none, end: close + 1 };
  const report = (line: number, severity: Diagnostic['severity'], message: string) =>
    result.diagnostics.push({ file, line, severity, message });
  const yaml = lines.slice(1, close).join('\n');
  if (yaml.length > MAX_CHARACTERS) {
    report(1, 'error', `Front matter is longer than ${MAX_CHARACTERS / 1024} KB; it was ignored.`);
    return result;
  }
  const document = parseDocument(yaml, { uniqueKeys: false, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    const line = (error.linePos?.[0].line ?? 1) + 1;
    report(line, 'error', `Front matter is not valid YAML (line ${line}): ${error.message.split('\n')[0]}; it was ignored.`);
    return result;
  }
  /** The 1-based file line where the value at `path` starts (the front matter's first line when there is none). */
  const lineOf = (...path: string[]): number => {
    const offset = (document.getIn(path, true) as { range?: [number, number, number] } | undefined)?.range?.[0];
    return offset === undefined ? 1 : 2 + (yaml.slice(0, offset).match(/\n/g)?.length ?? 0);
  };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 10 });
  } catch (error) {
    report(1, 'error', `Front matter could not be read: ${error instanceof Error ? error.message : String(error)}; it was ignored.`);
    return result;
  }
  if (data === null || data === undefined) return result;
  if (!isMapping(data)) {
    report(1, 'error', 'Front matter must be a mapping of keys to values; it was ignored.');
    return result;
  }
  if (data.title !== undefined) {
    if (typeof data.title === 'string' && data.title.trim()) {
      result.overrides.title = data.title.trim();
      result.settings.push(`title = ${JSON.stringify(result.overrides.title)}`);
    } else report(lineOf('title'), 'error', 'Front matter `title` must be a non-empty string; it was ignored.');
  }
  if (data.dojo === undefined) return result;
  if (!isMapping(data.dojo)) {
    report(lineOf('dojo'), 'error', 'Front matter `dojo` must be a mapping (like `dojo: { questionHeading: 3 }`); it was ignored.');
    return result;
  }
  const dojo = data.dojo;
  for (const key of Object.keys(dojo)) {
    if (!DOJO_KEYS.includes(key)) report(lineOf('dojo', key), 'warning', `Unknown front matter key \`dojo.${key}\` was ignored (known keys: ${DOJO_KEYS.join(', ')}).`);
  }
  if (dojo.questionHeading !== undefined) {
    const level = dojo.questionHeading;
    if (typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6) {
      result.overrides.questionHeading = level;
      result.settings.push(`dojo.questionHeading = ${level}`);
    } else report(lineOf('dojo', 'questionHeading'), 'error', '`dojo.questionHeading` must be a whole number from 1 to 6; it was ignored.');
  }
  for (const key of ['question', 'answer'] as const) {
    if (dojo[key] === undefined) continue;
    const pattern = readPattern(dojo[key]);
    if (typeof pattern === 'string') report(lineOf('dojo', key), 'error', `\`dojo.${key}\` ${pattern}; it was ignored.`);
    else {
      result.overrides[key] = pattern;
      result.settings.push(`dojo.${key} = /${pattern.source}/`);
    }
  }
  if (dojo.domain !== undefined) {
    if (typeof dojo.domain === 'string' && dojo.domain.trim()) {
      result.overrides.domain = dojo.domain.trim();
      result.overrides.domainLine = lineOf('dojo', 'domain');
      result.settings.push(`dojo.domain = ${result.overrides.domain}`);
    } else report(lineOf('dojo', 'domain'), 'error', '`dojo.domain` must be a domain id (a string); it was ignored.');
  }
  return result;
}

/** The compiled pattern, or what is wrong with it. */
function readPattern(value: unknown): RegExp | string {
  if (typeof value !== 'string' || value === '') return 'must be a regular expression written as a non-empty string';
  if (value.length > PATTERN_INPUT_LIMIT) return `is longer than ${PATTERN_INPUT_LIMIT} characters`;
  if (NESTED_QUANTIFIER.test(value)) return `has a quantifier inside a quantified group and may take exponential time`;
  try {
    return new RegExp(value, 'u');
  } catch (error) {
    return `is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Where the pattern matches the start of a block's first line, or undefined. */
export function matchPattern(pattern: RegExp, text: string): RegExpExecArray | null {
  const firstLine = text.slice(0, PATTERN_INPUT_LIMIT).split('\n', 1)[0];
  return pattern.exec(firstLine);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}
