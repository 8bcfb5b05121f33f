// What a warm-start file (the cache, the outline) is keyed by: each bank file's size, modification time, content hash
// and slug, the parser version and what the classifier reads (the domain taxonomy and the term table); and the reading
// both files share. Small, so the host can check
// an outline without the cache's code.
import { fnv1a32Bytes } from './fnv';
import type { TermPair } from './check/termTable';
import type { Domain } from './model';
import { isCount, isObject } from './review/validation';

/** Bump whenever parsing, ids or classification change what a bank indexes to: every cached result is then stale. */
export const PARSER_VERSION = 4;

/** What a cached result depends on besides the parser version and the taxonomy (with the term table). */
export interface BankFileKey {
  file: string;
  slug: string;
  size: number;
  /** Modification time in milliseconds, as the host's file system reports it. */
  mtime: number;
  /** fnv1a32Bytes of the file's bytes. */
  hash: string;
}

const ENCODER = new TextEncoder();

/** What classification depends on besides the parser: the taxonomy, and the term table that adds to its aliases. */
export function taxonomyHash(domains: readonly Domain[], terms: readonly TermPair[]): string {
  return fnv1a32Bytes(ENCODER.encode(JSON.stringify({ domains, terms })));
}

export function sameKey(a: BankFileKey, b: BankFileKey): boolean {
  return a.file === b.file && a.slug === b.slug && a.size === b.size && a.mtime === b.mtime && a.hash === b.hash;
}

export function isBankFileKey(value: unknown): value is BankFileKey {
  return (
    isObject(value) &&
    typeof value.file === 'string' &&
    typeof value.slug === 'string' &&
    isCount(value.size) &&
    typeof value.mtime === 'number' &&
    Number.isFinite(value.mtime) &&
    typeof value.hash === 'string'
  );
}

/** A warm-start file read back: its banks by file, or why it is not used. */
export type WarmStartRead<T> =
  | { kind: 'usable'; banks: Map<string, T> }
  /** Written by another parser version or for another taxonomy or term table: rebuilt, nothing wrong with the file. */
  | { kind: 'stale'; reason: string }
  /** Not a file this code wrote: set aside and rebuilt. */
  | { kind: 'corrupt'; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The banks of a warm-start file (`{ format, parserVersion, domainsHash, banks }`), when it is a `format` file of this
 * parser version, taxonomy and term table whose every bank validates and no file is listed twice.
 */
export function readWarmStartFile<T extends { key: BankFileKey }>(
  bytes: Uint8Array,
  format: string,
  taxonomyHash: string,
  isBank: (value: unknown) => value is T,
): WarmStartRead<T> {
  let value: unknown;
  try {
    value = JSON.parse(UTF8.decode(bytes));
  } catch (error) {
    return { kind: 'corrupt', reason: `not UTF-8 JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(value) || value.format !== format) return { kind: 'corrupt', reason: `not a ${format} file` };
  if (value.parserVersion !== PARSER_VERSION) return { kind: 'stale', reason: `parser version ${String(value.parserVersion)}` };
  if (value.domainsHash !== taxonomyHash) return { kind: 'stale', reason: 'the domain taxonomy or the term table changed' };
  if (!Array.isArray(value.banks)) return { kind: 'corrupt', reason: 'no list of banks' };
  const banks = new Map<string, T>();
  for (const [i, bank] of value.banks.entries()) {
    if (!isBank(bank) || banks.has(bank.key.file)) return { kind: 'corrupt', reason: `bank ${i} does not validate` };
    banks.set(bank.key.file, bank);
  }
  return { kind: 'usable', banks };
}
