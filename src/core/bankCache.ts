// The warm-start cache: each bank file's indexing result, reused while the file, the parser and the domain taxonomy
// are what they were. Read without trust: anything that does not validate is reported, never used.
import type { IndexedBank } from './bankFile';
import { isBankFileKey, PARSER_VERSION, readWarmStartFile, type BankFileKey, type WarmStartRead } from './cacheKey';
import type { CodeBlock, Diagnostic, Question } from './model';
import { isCount, isObject } from './review/validation';

const FORMAT = 'interview-dojo/bank-cache';

export interface CachedBank {
  key: BankFileKey;
  bank: IndexedBank;
}

interface BankCacheFile {
  format: typeof FORMAT;
  parserVersion: number;
  domainsHash: string;
  banks: CachedBank[];
}

export type CacheRead = WarmStartRead<CachedBank>;

const ENCODER = new TextEncoder();

export function serialiseBankCache(banks: readonly CachedBank[], taxonomyHash: string): Uint8Array {
  const file: BankCacheFile = { format: FORMAT, parserVersion: PARSER_VERSION, domainsHash: taxonomyHash, banks: [...banks] };
  return ENCODER.encode(JSON.stringify(file));
}

/** The cached banks by file, when the bytes are a cache of this parser version and taxonomy whose every part validates. */
export function readBankCache(bytes: Uint8Array, taxonomyHash: string): CacheRead {
  return readWarmStartFile(bytes, FORMAT, taxonomyHash, isCachedBank);
}

function isCachedBank(value: unknown): value is CachedBank {
  if (!isObject(value) || !isBankFileKey(value.key) || !isObject(value.bank)) return false;
  const { key } = value;
  const { document, questions, diagnostics } = value.bank;
  return (
    isObject(document) &&
    document.file === key.file &&
    document.slug === key.slug &&
    typeof document.title === 'string' &&
    Array.isArray(questions) &&
    document.questionCount === questions.length &&
    questions.every((question) => isQuestion(question, key)) &&
    Array.isArray(diagnostics) &&
    diagnostics.every((diagnostic) => isDiagnostic(diagnostic, key.file))
  );
}


function isQuestion(value: unknown, key: BankFileKey): value is Question {
  if (!isObject(value)) return false;
  const prefix = `${key.slug}/`;
  return (
    typeof value.id === 'string' &&
    value.id.startsWith(prefix) &&
    value.document === key.file &&
    isCount(value.line) &&
    (value.number === undefined || isCount(value.number)) &&
    typeof value.title === 'string' &&
    typeof value.prompt === 'string' &&
    (value.section === undefined || typeof value.section === 'string') &&
    typeof value.domain === 'string' &&
    Array.isArray(value.tags) &&
    value.tags.every((tag) => typeof tag === 'string') &&
    typeof value.answer === 'string' &&
    typeof value.analysis === 'string' &&
    Array.isArray(value.code) &&
    value.code.every(isCodeBlock) &&
    typeof value.hasReference === 'boolean' &&
    (value.duplicateOf === undefined || (typeof value.duplicateOf === 'string' && value.duplicateOf.startsWith(prefix)))
  );
}

function isCodeBlock(value: unknown): value is CodeBlock {
  return (
    isObject(value) &&
    typeof value.lang === 'string' &&
    typeof value.source === 'string' &&
    (value.caption === undefined || typeof value.caption === 'string') &&
    (value.truncated === undefined || value.truncated === true)
  );
}

function isDiagnostic(value: unknown, file: string): value is Diagnostic {
  return (
    isObject(value) &&
    value.file === file &&
    isCount(value.line) &&
    (value.severity === 'error' || value.severity === 'warning' || value.severity === 'info') &&
    typeof value.message === 'string'
  );
}
