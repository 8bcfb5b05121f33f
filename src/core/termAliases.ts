// The taxonomy the classifier uses: content/domains.json's aliases plus names from the bilingual term table
// (content/terms.json), so that an English bank's "low-rank adaptation" counts where the Chinese banks' 低秩适配 or
// the taxonomy's "lora" does, and the reverse. Built once per index job (or buildIndex call), not per question.
//
// The rule, per pair of the table:
// - Its domain: the one domain whose alias is one of the pair's names (any language). When no name is an alias, the
//   one domain whose aliases its names contain (多头注意力 holds no alias, "multi-head attention" holds "attention"),
//   as the classifier itself would find them in the name. A pair pointing at no domain, or at two, adds nothing.
// - Its other names become aliases of that domain, except
//   - a name the taxonomy already lists (the taxonomy wins);
//   - a name that already counts for that domain through an alias inside it (泛化能力 holds 泛化, "adversarial
//     training" holds "training"): as a longer alias it would only outweigh its neighbours ("如何评估…泛化能力" is
//     about evaluation);
//   - a short name: a Chinese name under four characters or a one-word English name. Those are the generic words the
//     taxonomy leaves out on purpose (数据, 大模型, 策略, cost); a short alias the taxonomy wants, it lists.
import { aliasUnits, domainAliases } from './domainAliases';
import type { Domain } from './model';
import type { TermPair } from './check/termTable';

/** In alias units (a Chinese character 1, an English word 2): four Chinese characters or two English words. */
const MIN_TERM_UNITS = 4;

/** The extended taxonomy per taxonomy and table (their arrays): one build, and one alias matcher, for many indexes. */
const built = new WeakMap<readonly Domain[], WeakMap<readonly TermPair[], readonly Domain[]>>();

/** `domains` with each pair's names added to the aliases of the domain the pair points at; `domains` itself when none. */
export function withTermAliases(domains: readonly Domain[], pairs: readonly TermPair[]): readonly Domain[] {
  if (pairs.length === 0) return domains;
  let byPairs = built.get(domains);
  if (!byPairs) built.set(domains, (byPairs = new WeakMap()));
  let extended = byPairs.get(pairs);
  if (!extended) byPairs.set(pairs, (extended = extend(domains, pairs)));
  return extended;
}

function extend(domains: readonly Domain[], pairs: readonly TermPair[]): readonly Domain[] {
  const matcher = domainAliases(domains);
  const owners = new Map<string, number>();
  domains.forEach((domain, index) => {
    for (const alias of domain.aliases) owners.set(spelling(alias), index);
  });
  const counts = (name: string, domainIndex: number) => matcher.find(name).some((hit) => hit.entry.domainIndex === domainIndex);
  const added = domains.map((): string[] => []);
  for (const pair of pairs) {
    const names = [...pair.en, ...pair.zh].map((name) => name.toLowerCase());
    const exact = new Set(names.flatMap((name) => (owners.has(spelling(name)) ? [owners.get(spelling(name))!] : [])));
    const pointsAt = exact.size > 0 ? exact : new Set(names.flatMap((name) => matcher.find(name).map((hit) => hit.entry.domainIndex)));
    if (pointsAt.size !== 1) continue;
    const [domainIndex] = pointsAt;
    for (const name of names) {
      if (owners.has(spelling(name)) || aliasUnits(name) < MIN_TERM_UNITS || counts(name, domainIndex)) continue;
      owners.set(spelling(name), domainIndex);
      added[domainIndex].push(name);
    }
  }
  return domains.map((domain, index) => (added[index].length === 0 ? domain : { ...domain, aliases: [...domain.aliases, ...added[index]] }));
}

/** The matcher reads a hyphen as a space: "key-value cache" and "key value cache" are one alias. */
function spelling(alias: string): string {
  return alias.replace(/-/g, ' ');
}
