// Banks' bytes -> the index every feature reads (the CLI, the tests and the benchmark call it): each bank indexed
// on its own (bankFile.ts), then assembled with slugs independent of reading order (bankIndex.ts). The extension
// runs the same parts off its host thread (src/banks/).
import { indexBankFile, type BankSource } from './bankFile';
import { assembleIndex, bankSlugs } from './bankIndex';
import type { TermPair } from './check/termTable';
import type { BankIndex, Domain } from './model';
import { withTermAliases } from './termAliases';

export type { BankSource, IndexedBank } from './bankFile';
export { assembleIndex, bankSlugs, practiceItems, variantsOf, type BankSlug } from './bankIndex';

/**
 * Never throws: a bank that fails in an unexpected way is reported as an error diagnostic and indexed as empty. `terms`
 * (the term table's pairs) add to the taxonomy's aliases as in the extension; without them only the taxonomy counts.
 */
export function buildIndex(sources: readonly BankSource[], domains: readonly Domain[], terms: readonly TermPair[] = []): BankIndex {
  const slugs = bankSlugs(sources);
  const classifying = withTermAliases(domains, terms);
  return assembleIndex(sources.map((source, i) => ({ slug: slugs[i], bank: indexBankFile(source, slugs[i].slug, classifying) })));
}
