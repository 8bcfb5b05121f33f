// FNV-1a, the project's one non-cryptographic hash: question ids and scratch file names are built from it.
// Pure: no `vscode`, no Node built-ins.

const OFFSET_BASIS_64 = 0xcbf29ce484222325n;
const PRIME_64 = 0x100000001b3n;
const UTF8 = new TextEncoder();

/** 64-bit FNV-1a of the text's UTF-8, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hash = OFFSET_BASIS_64;
  for (const byte of UTF8.encode(text)) {
    hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * PRIME_64);
  }
  return hash.toString(16).padStart(16, '0');
}

const OFFSET_BASIS_32 = 0x811c9dc5;
const PRIME_32 = 0x01000193;

/**
 * 32-bit FNV-1a over the text's UTF-16 code units, as 8 hex digits. Scratch file names of version 0.1.0 used it;
 * it is kept only to find those files again.
 */
export function fnv1a32Utf16(text: string): string {
  let hash = OFFSET_BASIS_32;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, PRIME_32);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * 32-bit FNV-1a over bytes, as 8 hex digits: a fast content hash for the warm-start cache (with the file's size and
 * modification time beside it), never for ids.
 */
export function fnv1a32Bytes(bytes: Uint8Array): string {
  let hash = OFFSET_BASIS_32;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, PRIME_32);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
