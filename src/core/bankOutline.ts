// The warm-start outline: for each cached bank, its key, its document and its practice items' rows (no texts), in a
// file a few percent the size of the cache. The host parses it on its own thread and lists the questions while the
// full cache is still being read by the index job. Read without trust, like the cache: whatever does not validate, or
// does not match every walked file's size and modification time, is not shown.
import type { CachedBank } from './bankCache';
import { isBankFileKey, PARSER_VERSION, readWarmStartFile, type BankFileKey, type WarmStartRead } from './cacheKey';
import type { IndexJobFile } from './indexJobProtocol';
import type { BankDocument, ListedQuestion } from './model';
import { isCount, isObject } from './review/validation';

const FORMAT = 'interview-dojo/bank-outline';

/** A practice item's row: id, line, title, domain, and its code blocks' languages. */
type OutlineRow = [id: string, line: number, title: string, domain: string, code: string[]];

interface OutlinedBank {
  key: BankFileKey;
  title: string;
  questionCount: number;
  rows: OutlineRow[];
}

interface BankOutlineFile {
  format: typeof FORMAT;
  parserVersion: number;
  domainsHash: string;
  banks: OutlinedBank[];
}

/** What the tree can list before the full index: every bank's document and practice items, in file order. */
export interface Outline {
  documents: BankDocument[];
  practiceItems: ListedQuestion[];
}

export type OutlineRead =
  | { kind: 'usable'; outline: Outline }
  /** Another parser version or taxonomy, or the files are not the ones outlined: nothing wrong with the file. */
  | { kind: 'stale'; reason: string }
  /** Not an outline this code wrote: set aside. */
  | { kind: 'corrupt'; reason: string };

export type ParsedOutline = WarmStartRead<OutlinedBank>;

/** Most questions have no code: they share one empty list. */
const NO_CODE: ListedQuestion['code'] = Object.freeze([]);
const ENCODER = new TextEncoder();

export function serialiseOutline(banks: readonly CachedBank[], taxonomyHash: string): Uint8Array {
  const file: BankOutlineFile = {
    format: FORMAT,
    parserVersion: PARSER_VERSION,
    domainsHash: taxonomyHash,
    banks: banks.map(({ key, bank }) => ({
      key,
      title: bank.document.title,
      questionCount: bank.document.questionCount,
      rows: bank.questions
        .filter((question) => question.duplicateOf === undefined)
        .map((q): OutlineRow => [q.id, q.line, q.title, q.domain, q.code.map((block) => block.lang)]),
    })),
  };
  return ENCODER.encode(JSON.stringify(file));
}

/**
 * The outline of `files` (the walk's, in its order) when `bytes` outline exactly these files, each with the same slug,
 * size and modification time, for this parser version and taxonomy.
 */
/**
 * The stored outline decoded and validated against this parser and taxonomy: the costly part, done while the folders
 * are still being walked.
 */
export function parseOutline(bytes: Uint8Array, taxonomyHash: string): ParsedOutline {
  return readWarmStartFile(bytes, FORMAT, taxonomyHash, isOutlinedBank);
}

/** A parsed outline's rows, when it outlines exactly the files the walk found, each with its key unchanged. */
export function matchOutline(parsed: ParsedOutline, files: readonly IndexJobFile[]): OutlineRead {
  if (parsed.kind !== 'usable') return parsed;
  const byFile = parsed.banks;
  if (byFile.size !== files.length) return { kind: 'stale', reason: `${byFile.size} banks outlined, ${files.length} found` };
  const outline: Outline = { documents: [], practiceItems: [] };
  for (const file of files) {
    const bank = byFile.get(file.file);
    if (!bank || bank.key.slug !== file.slug || bank.key.size !== file.size || bank.key.mtime !== file.mtime) {
      return { kind: 'stale', reason: `${file.file} changed` };
    }
    outline.documents.push({ file: file.file, slug: file.slug, title: bank.title, questionCount: bank.questionCount });
    for (const [id, line, title, domain, code] of bank.rows) {
      outline.practiceItems.push({ id, document: file.file, line, title, domain, code: code.length === 0 ? NO_CODE : code.map((lang) => ({ lang })) });
    }
  }
  return { kind: 'usable', outline };
}

function isOutlinedBank(value: unknown): value is OutlinedBank {
  if (!isObject(value) || !isBankFileKey(value.key) || !Array.isArray(value.rows)) return false;
  const prefix = `${value.key.slug}/`;
  return (
    typeof value.title === 'string' &&
    isCount(value.questionCount) &&
    value.rows.length <= value.questionCount &&
    value.rows.every((row) => isRow(row, prefix))
  );
}

function isRow(value: unknown, prefix: string): value is OutlineRow {
  return (
    Array.isArray(value) &&
    value.length === 5 &&
    typeof value[0] === 'string' &&
    value[0].startsWith(prefix) &&
    isCount(value[1]) &&
    typeof value[2] === 'string' &&
    typeof value[3] === 'string' &&
    Array.isArray(value[4]) &&
    value[4].every((lang) => typeof lang === 'string')
  );
}
