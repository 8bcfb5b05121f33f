// What a warm-start file (the cache, the outline) is keyed by: each bank file's size, modification time, content hash
// and slug, the parser version and the domain taxonomy. Small, so the host can check an outline without the cache's code.
import { fnv1a32Bytes } from './fnv';
import type { Domain } from './model';
import { isCount, isObject } from './review/validation';

/** Bump whenever parsing, ids or classification change what a bank indexes to: every cached result is then stale. */
export const PARSER_VERSION = 2;

/** What a cached result depends on besides the parser version and the taxonomy. */
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

export function domainsHash(domains: readonly Domain[]): string {
  return fnv1a32Bytes(ENCODER.encode(JSON.stringify(domains)));
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
