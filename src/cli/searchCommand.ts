// `dojo search <query> [paths…] [--json]`: the same ranking the extension's search shows, over practice items, with
// the same term table (an English query finds Chinese questions and the reverse).
import { domainLabel } from '../core/domains';
import { practiceItems } from '../core/indexer';
import { SearchIndex } from '../core/search';
import { loadIndex, readTaxonomy } from './bankFiles';
import type { Output } from './output';

export function searchCommand(query: string, paths: readonly string[], json: boolean, limit: number, output: Output): number {
  const taxonomy = readTaxonomy(output.err);
  const { domains } = taxonomy;
  const items = practiceItems(loadIndex(paths, taxonomy));
  const hits = new SearchIndex(items, domains, taxonomy.terms).search(query, limit);
  if (json) {
    output.out(JSON.stringify(hits.map(({ id, title, score }) => ({ id, title, score })), null, 2));
    return 0;
  }
  if (hits.length === 0) output.err(`No questions match "${query}".`);
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const hit of hits) {
    const domain = domains.find((candidate) => candidate.id === byId.get(hit.id)?.domain);
    output.out(`${hit.title}  [${domainLabel(domain, 'zh-cn')} ${domainLabel(domain, 'en')}]  ${hit.snippet}`);
  }
  return 0;
}
