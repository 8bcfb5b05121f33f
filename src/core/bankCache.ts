// The warm-start cache: each bank file's indexing result, reused while the file, the parser and the domain taxonomy
// are what they were. Read without trust: anything that does not validate is reported, never used.
import type { IndexedBank } from './bankFile';
import { isBankFileKey, PARSER_VERSION, type BankFileKey } from './cacheKey';
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

export type CacheRead =
  | { kind: 'usable'; banks: Map<string, CachedBank> }
  /** Written by another parser version or for another taxonomy: rebuilt, nothing wrong with the file. */
  | { kind: 'stale'; reason: string }
  /** Not a cache this code wrote: set aside and rebuilt. */
  | { kind: 'corrupt'; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();

export function serialiseBankCache(banks: readonly CachedBank[], taxonomyHash: string): Uint8Array {
  const file: BankCacheFile = { format: FORMAT, parserVersion: PARSER_VERSION, domainsHash: taxonomyHash, banks: [...banks] };
  return ENCODER.encode(JSON.stringify(file));
}

/** The cached banks by file, when the bytes are a cache of this parser version and taxonomy whose every part validates. */
export function readBankCache(bytes: Uint8Array, taxonomyHash: string): CacheRead {
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(bytes));
  } catch (error) {
    return { kind: 'corrupt', reason: `not UTF-8 JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(value) || value.format !== FORMAT) return { kind: 'corrupt', reason: 'not a bank cache' };
  if (value.parserVersion !== PARSER_VERSION) return { kind: 'stale', reason: `parser version ${String(value.parserVersion)}` };
  if (value.domainsHash !== taxonomyHash) return { kind: 'stale', reason: 'the domain taxonomy changed' };
  if (!Array.isArray(value.banks)) return { kind: 'corrupt', reason: 'no list of banks' };
  const banks = new Map<string, CachedBank>();
  for (const [i, entry] of value.banks.entries()) {
    if (!isCachedBank(entry) || banks.has(entry.key.file)) return { kind: 'corrupt', reason: `bank ${i} does not validate` };
    banks.set(entry.key.file, entry);
  }
  return { kind: 'usable', banks };
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
