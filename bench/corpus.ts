// The data every core benchmark runs on: the bundled banks copied into synthetic banks of about 1k, 10k and 100k
// practice items (bench/banks.ts), the taxonomy and the term table.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadTermTable, type TermPair, type TermTable } from '../src/core/check/termTable';
import { loadDomains } from '../src/core/domains';
import { buildIndex, practiceItems, type BankSource } from '../src/core/indexer';
import type { Domain } from '../src/core/model';
import { bundledBanks, syntheticBank } from './banks';

export const SIZES = [
  { id: '1k', items: 1_000 },
  { id: '10k', items: 10_000 },
  { id: '100k', items: 100_000 },
] as const;

export type SizeId = (typeof SIZES)[number]['id'];

export interface Corpus {
  domains: Domain[];
  /** The term table's pairs, which the classifier reads as the extension's index job does. */
  terms: readonly TermPair[];
  sources: BankSource[];
  copies: number;
}

/** The bundled taxonomy, content/domains.json. */
export function loadTaxonomy(root: string): Domain[] {
  return loadDomains(JSON.parse(readFileSync(path.join(root, 'content', 'domains.json'), 'utf8')));
}

/** The bundled term table, content/terms.json (what the extension's search and the self-check use). */
export function loadTerms(root: string): TermTable {
  const { table, problems } = loadTermTable(JSON.parse(readFileSync(path.join(root, 'content', 'terms.json'), 'utf8')));
  if (problems.length > 0) throw new Error(`content/terms.json: ${problems.join('; ')}`);
  return table;
}

export function loadCorpus(root: string, items: number): Corpus {
  const domains = loadTaxonomy(root);
  const terms = loadTerms(root).pairs;
  const bundled = bundledBanks(path.join(root, 'content'));
  const perCopy = practiceItems(buildIndex(bundled, domains, terms)).length;
  const copies = Math.ceil(items / perCopy);
  return { domains, terms, sources: syntheticBank(bundled, copies), copies };
}
