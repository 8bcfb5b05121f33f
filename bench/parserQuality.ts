// How well the indexer reads banks written in other people's layouts: the evaluation corpus (test/fixtures/corpus/,
// one bank `name.md` per layout with the questions a person would practise listed in `name.expected.json`), indexed
// with the real indexer and taxonomy, scored by recall and precision of practice items against the expected titles.
// Shared by `npm run bench` (its corpus rows) and test/unit/corpus.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TermPair } from '../src/core/check/termTable';
import { normaliseTitle } from '../src/core/ids';
import { buildIndex, practiceItems, type BankSource } from '../src/core/indexer';
import { GENERAL_DOMAIN, type Domain } from '../src/core/model';

export interface ExpectedQuestion {
  title: string;
  section?: string;
  hasReference: boolean;
}

export interface CorpusFile {
  source: BankSource;
  /** The layout the file exercises (`dotted-sections`, `details`, …): figures are also given per layout. */
  layout: string;
  expected: ExpectedQuestion[];
}

export interface Score {
  /** Expected questions found among the practice items. */
  matched: number;
  expected: number;
  /** Practice items indexed. */
  items: number;
  /** Practice items in the `general` domain. */
  general: number;
}

export interface FileScore extends Score {
  file: string;
  layout: string;
  /** Expected titles no practice item matched. */
  missed: string[];
  /** Practice items' titles that match no expected question. */
  extra: string[];
}

export interface CorpusScore {
  files: FileScore[];
  byLayout: Map<string, Score>;
  overall: Score;
}

export const CORPUS_DIR = 'test/fixtures/corpus';

/** Every `name.md` beside a `name.expected.json` in `root/test/fixtures/corpus`, by name. */
export function loadCorpusFiles(root: string): CorpusFile[] {
  const dir = path.join(root, CORPUS_DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()
    .map((name) => {
      const bank = name.replace(/\.expected\.json$/, '.md');
      const { layout, questions } = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { layout: string; questions: ExpectedQuestion[] };
      return { source: { file: `${CORPUS_DIR}/${bank}`, bytes: readFileSync(path.join(dir, bank)) }, layout, expected: questions };
    });
}

/**
 * Indexes the corpus as one set of banks, classified as the extension does (taxonomy and term table), and scores each
 * file; titles are compared as ids compare them.
 */
export function scoreCorpus(files: readonly CorpusFile[], domains: Domain[], terms: readonly TermPair[]): CorpusScore {
  const items = practiceItems(buildIndex(files.map((file) => file.source), domains, terms));
  const scores = files.map((file) =>
    scoreFile(
      file,
      items.filter((item) => item.document === file.source.file),
    ),
  );
  const byLayout = new Map<string, Score>();
  for (const score of scores) byLayout.set(score.layout, addScores(byLayout.get(score.layout), score));
  return { files: scores, byLayout, overall: scores.reduce<Score>((sum, score) => addScores(sum, score), emptyScore()) };
}

export function recall(score: Score): number {
  return score.expected === 0 ? (score.items === 0 ? 1 : 0) : score.matched / score.expected;
}

export function precision(score: Score): number {
  return score.items === 0 ? (score.expected === 0 ? 1 : 0) : score.matched / score.items;
}

export function generalShare(score: Score): number {
  return score.items === 0 ? 0 : score.general / score.items;
}

/** One line per file: its figures, then what it missed and what it took that is not a question. */
export function describeScores(score: CorpusScore): string {
  const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
  return score.files
    .map((file) =>
      [
        `${file.file} [${file.layout}]: recall ${percent(recall(file))} (${file.matched}/${file.expected}), precision ${percent(precision(file))} (${file.items} items), general ${file.general}`,
        ...file.missed.map((title) => `    missed: ${title}`),
        ...file.extra.map((title) => `    extra:  ${title}`),
      ].join('\n'),
    )
    .join('\n');
}

function scoreFile(file: CorpusFile, items: readonly { title: string; domain: string }[]): FileScore {
  // A multiset: a title expected twice must be found twice.
  const wanted = new Map<string, number>();
  for (const question of file.expected) {
    const key = normaliseTitle(question.title);
    wanted.set(key, (wanted.get(key) ?? 0) + 1);
  }
  const extra: string[] = [];
  for (const item of items) {
    const key = normaliseTitle(item.title);
    const left = wanted.get(key) ?? 0;
    if (left > 0) wanted.set(key, left - 1);
    else extra.push(item.title);
  }
  const missed = file.expected.filter((question) => {
    const key = normaliseTitle(question.title);
    const left = wanted.get(key) ?? 0;
    if (left > 0) wanted.set(key, left - 1);
    return left > 0;
  });
  return {
    file: file.source.file,
    layout: file.layout,
    matched: items.length - extra.length,
    expected: file.expected.length,
    items: items.length,
    general: items.filter((item) => item.domain === GENERAL_DOMAIN).length,
    missed: missed.map((question) => question.title),
    extra,
  };
}

function emptyScore(): Score {
  return { matched: 0, expected: 0, items: 0, general: 0 };
}

function addScores(sum: Score | undefined, score: Score): Score {
  const base = sum ?? emptyScore();
  return {
    matched: base.matched + score.matched,
    expected: base.expected + score.expected,
    items: base.items + score.items,
    general: base.general + score.general,
  };
}
