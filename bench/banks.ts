// The banks the benchmark indexes: the bundled ones, and a synthetic large bank made from them.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BankSource } from '../src/core/indexer';

export function bundledBanks(contentDir: string): BankSource[] {
  return readdirSync(contentDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ file: `content/${name}`, bytes: readFileSync(path.join(contentDir, name)) }));
}

/**
 * `copies` copies of every bundled bank, each its own file, with every question title marked with the
 * copy's number (`### 7. (第12套) …`), so titles, ids and search entries all differ between copies.
 */
export function syntheticBank(bundled: readonly BankSource[], copies: number): BankSource[] {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const texts = bundled.map((source) => decoder.decode(source.bytes));
  const result: BankSource[] = [];
  for (let copy = 1; copy <= copies; copy++) {
    bundled.forEach((source, i) => {
      const file = `synthetic/${String(copy).padStart(3, '0')}-${path.basename(source.file)}`;
      result.push({ file, bytes: encoder.encode(markCopy(texts[i], copy)) });
    });
  }
  return result;
}

/** Question headings (`### 7.`), 面试题 headings, `**问题 N:**` items and numbered list items get the mark. */
function markCopy(text: string, copy: number): string {
  const mark = `(第${copy}套) `;
  return text
    .replace(/^(#{1,6}[ \t]+\d+[.、][ \t]*)/gm, `$1${mark}`)
    .replace(/^(#{1,6}[ \t]+\*\*面试题[:：]\*\*[ \t]*)/gm, `$1${mark}`)
    .replace(/^(\*\*问题[ \t]*\d+[ \t]*[:：][ \t]*)/gm, `$1${mark}`)
    .replace(/^(\d+\.[ \t]+\*\*)/gm, `$1${mark}`);
}

export function totalBytes(sources: readonly BankSource[]): number {
  return sources.reduce((sum, source) => sum + source.bytes.length, 0);
}
