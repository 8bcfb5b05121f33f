// Which question the journey practises, chosen with the real core over the bundled banks (as the extension
// indexes them): the first domain group, in tree order, that has a question with reference code near its top,
// so the row is on screen once the group is expanded.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { loadTermTable } from '../../src/core/check/termTable';
import { domainLabel } from '../../src/core/domains';
import { groupQuestions } from '../../src/core/grouping';
import { buildIndex, practiceItems } from '../../src/core/indexer';
import type { BankIndex, Domain } from '../../src/core/model';
import { repoRoot } from '../host/paths';

export interface PracticeTarget {
  /** The domain's tree label in the English UI. */
  domainLabel: string;
  questionTitle: string;
  questionId: string;
  /** The first non-blank line of the question's first reference code block. */
  firstCodeLine: string;
}

/** Rows below the expanded group that are surely rendered in a 900 px high window. */
const visibleRows = 10;

/** The bundled banks indexed by the real core, as the extension indexes them, with the taxonomy and the term table. */
export function bundledIndex(): { index: BankIndex; domains: Domain[] } {
  const contentDir = path.join(repoRoot, 'content');
  const domains = JSON.parse(readFileSync(path.join(contentDir, 'domains.json'), 'utf8')) as Domain[];
  const sources = readdirSync(contentDir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => ({ file: path.join(contentDir, file), bytes: readFileSync(path.join(contentDir, file)) }));
  const terms = loadTermTable(JSON.parse(readFileSync(path.join(contentDir, 'terms.json'), 'utf8'))).table.pairs;
  return { index: buildIndex(sources, domains, terms), domains };
}

export function practiceTarget(): PracticeTarget {
  const { index, domains } = bundledIndex();
  for (const group of groupQuestions(practiceItems(index), 'domain', { domains, documents: index.documents })) {
    const question = group.questions.slice(0, visibleRows).find((candidate) => candidate.code.length > 0);
    if (question) {
      return {
        domainLabel: domainLabel(domains.find((domain) => domain.id === group.key), 'en'),
        questionTitle: question.title,
        questionId: question.id,
        firstCodeLine: question.code[0].source.split('\n').find((line) => line.trim() !== '')!.trim(),
      };
    }
  }
  throw new Error(`No domain group has a question with reference code among its first ${visibleRows} rows`);
}
