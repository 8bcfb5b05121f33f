// The evaluation corpus's rows (bench/parserQuality.ts): how many of the questions a person would practise the
// indexer finds in banks of other people's layouts, how many of its items are real questions, how many land in
// `general`, and what indexing those banks costs against a bare markdown-it parse of the same bytes.
import MarkdownIt from 'markdown-it';
import { buildIndex } from '../src/core/indexer';
import { generalShare, loadCorpusFiles, precision, recall, scoreCorpus, type Score } from './parserQuality';
import type { ResultRow, Spread } from './results';
import { compareSpreads } from './timing';
import { totalBytes } from './banks';
import { loadTaxonomy, loadTerms } from './corpus';

const QUALITY_TARGET_PERCENT = 95;
const GENERAL_TARGET_PERCENT = 5;
const INDEX_TARGET = 2.0;
const WARMUPS = 5;
const RUNS = 15;
/** The corpus is small: one timed run indexes it this many times, so that a run lasts long enough to time. */
const PASSES = 20;

export function corpusRows(root: string): { rows: ResultRow[]; notes: string[] } {
  const domains = loadTaxonomy(root);
  const terms = loadTerms(root).pairs;
  const files = loadCorpusFiles(root);
  const score = scoreCorpus(files, domains, terms);
  const rows: ResultRow[] = [
    figure('corpus/recall', `Recall on the evaluation corpus, ${score.overall.expected} expected questions`, recall(score.overall), { kind: 'minimum', value: QUALITY_TARGET_PERCENT }),
    figure('corpus/precision', `Precision on the evaluation corpus, ${score.overall.items} practice items`, precision(score.overall), { kind: 'minimum', value: QUALITY_TARGET_PERCENT }),
    ...[...score.byLayout].flatMap(([layout, layoutScore]) => layoutRows(layout, layoutScore)),
    figure('corpus/general', `Practice items of the evaluation corpus in \`general\``, generalShare(score.overall), { kind: 'absolute', value: GENERAL_TARGET_PERCENT }),
  ];

  const sources = files.map((file) => file.source);
  const decoder = new TextDecoder();
  const texts = sources.map((source) => decoder.decode(source.bytes));
  const timed = compareSpreads(
    () => {
      for (let pass = 0; pass < PASSES; pass++) buildIndex(sources, domains, terms);
    },
    () => {
      const md = new MarkdownIt();
      for (let pass = 0; pass < PASSES; pass++) for (const text of texts) md.parse(text, {});
    },
    WARMUPS,
    RUNS,
  );
  const ratio = timed.ours.median / timed.baseline.median;
  rows.push({
    id: 'corpus/index',
    what: `\`buildIndex\` of the evaluation corpus, ${files.length} files, ${PASSES} times`,
    unit: 'ms',
    ours: timed.ours,
    baseline: { what: 'markdown-it parse', spread: timed.baseline },
    ratio,
    target: { kind: 'ratio', value: INDEX_TARGET, met: ratio <= INDEX_TARGET },
  });
  return {
    rows,
    notes: [
      `Evaluation corpus: ${files.length} banks written for the project in the layouts of docs/bank-format.md (test/fixtures/corpus, ${(totalBytes(sources) / 1024).toFixed(0)} KiB), each with the questions a person would practise listed beside it; 13 of them were written blind and scored before the parser was changed for them (see the corpus README). A practice item matches an expected question when their titles normalise alike (as ids do); recall is matched / expected, precision matched / practice items, per layout and overall, one deterministic run. Indexing: \`buildIndex\` of all the corpus files against \`new MarkdownIt().parse\` of the same decoded texts, alternately, each run ${PASSES} passes over the corpus, ${WARMUPS} warm-up runs and ${RUNS} timed runs of each, a full GC before each.`,
    ],
  };
}

function layoutRows(layout: string, score: Score): ResultRow[] {
  return [
    figure(`corpus/recall/${layout}`, `Recall, layout ${layout}: ${score.matched} of ${score.expected} expected`, recall(score)),
    figure(`corpus/precision/${layout}`, `Precision, layout ${layout}: ${score.matched} of ${score.items} items`, precision(score)),
  ];
}

/** A share as a percentage, from one deterministic run. */
function figure(id: string, what: string, share: number, target?: { kind: 'minimum' | 'absolute'; value: number }): ResultRow {
  const percent = share * 100;
  const ours: Spread = { median: percent, min: percent, max: percent, runs: 1 };
  const row: ResultRow = { id, what, unit: '%', ours };
  if (target) row.target = { ...target, met: target.kind === 'minimum' ? percent >= target.value : percent <= target.value };
  return row;
}
