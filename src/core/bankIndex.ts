// The cross-file part of indexing, cheap enough for any thread and free of the parser: slugs independent of reading
// order, the assembly of banks indexed one by one (bankFile.ts), and what the index is read for.
import type { BankSource, IndexedBank } from './bankFile';
import { bankSlug } from './ids';
import type { BankIndex, Question } from './model';

/** A bank's slug, and the name it wanted when another bank had it first. */
export interface BankSlug {
  slug: string;
  named: string;
}

/** Each source's slug (same order), made unique across the sources. */
export function bankSlugs(sources: readonly Pick<BankSource, 'file' | 'relativePath' | 'bundled'>[]): BankSlug[] {
  const named = sources.map((source) => bankSlug(source.file, source.relativePath));
  const slugs = uniqueSlugs(named, sources);
  return slugs.map((slug, i) => ({ slug, named: named[i] }));
}

/** The index of banks indexed one by one (in source order), with a note on each bank whose name was taken. */
export function assembleIndex(banks: readonly { slug: BankSlug; bank: IndexedBank }[]): BankIndex {
  const index: BankIndex = { documents: [], questions: [], diagnostics: [] };
  for (const { slug, bank } of banks) {
    if (slug.slug !== slug.named) {
      index.diagnostics.push({
        file: bank.document.file,
        line: 1,
        severity: 'info',
        message: `Another bank is also named '${slug.named}'; this bank's question ids start with '${slug.slug}/'.`,
      });
    }
    index.documents.push(bank.document);
    for (const question of bank.questions) index.questions.push(question);
    for (const diagnostic of bank.diagnostics) index.diagnostics.push(diagnostic);
  }
  return index;
}

/** The questions to practise: every question except repeats of an earlier one. */
export function practiceItems(index: BankIndex): Question[] {
  return index.questions.filter((question) => question.duplicateOf === undefined);
}

/** The question with `id` and its repeats, first one first; [] when no question has that id. */
export function variantsOf(index: BankIndex, id: string): Question[] {
  const question = index.questions.find((candidate) => candidate.id === id);
  if (!question) return [];
  const first = question.duplicateOf ?? question.id;
  return index.questions.filter((candidate) => candidate.id === first || candidate.duplicateOf === first);
}

/**
 * The sources' slugs, made unique. Banks whose slugs coincide (the same path below two configured folders) are ranked by
 * something of their own, not by reading order: bundled first, then by `file`. The first keeps the slug; the others
 * get `-2`, `-3`, ... So reordering the sources never moves an id.
 */
function uniqueSlugs(named: readonly string[], sources: readonly Pick<BankSource, 'file' | 'bundled'>[]): string[] {
  const slugs = [...named];
  const taken = new Set(slugs);
  const groups = new Map<string, number[]>();
  slugs.forEach((slug, i) => {
    const group = groups.get(slug);
    if (group) group.push(i);
    else groups.set(slug, [i]);
  });
  const rank = (i: number, j: number) =>
    Number(!sources[i].bundled) - Number(!sources[j].bundled) || compare(sources[i].file, sources[j].file) || i - j;
  for (const slug of [...groups.keys()].sort(compare)) {
    const [, ...others] = (groups.get(slug) as number[]).sort(rank);
    let n = 2;
    for (const i of others) {
      while (taken.has(`${slug}-${n}`)) n++;
      slugs[i] = `${slug}-${n}`;
      taken.add(slugs[i]);
    }
  }
  return slugs;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
