// Banks' bytes -> the index every feature reads (the CLI, the tests and the benchmark call it): each bank indexed
// on its own (bankFile.ts), then assembled with slugs independent of reading order (bankIndex.ts). The extension
// runs the same parts off its host thread (src/banks/).
import { indexBankFile, type BankSource } from './bankFile';
import { assembleIndex, bankSlugs } from './bankIndex';
import type { BankIndex, Domain } from './model';

export type { BankSource, IndexedBank } from './bankFile';
export { assembleIndex, bankSlugs, practiceItems, variantsOf, type BankSlug } from './bankIndex';

/** Never throws: a bank that fails in an unexpected way is reported as an error diagnostic and indexed as empty. */
export function buildIndex(sources: readonly BankSource[], domains: Domain[]): BankIndex {
  const slugs = bankSlugs(sources);
  return assembleIndex(sources.map((source, i) => ({ slug: slugs[i], bank: indexBankFile(source, slugs[i].slug, domains) })));
}
