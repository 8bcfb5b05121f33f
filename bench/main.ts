// `npm run bench`: what users pay for the core at about 1k, 10k and 100k practice items — building the index and the
// search index against a bare markdown-it parse, search latency against fuse.js over the same full text, peak memory
// against markdown-it's — the review queue and grade write against JSON round trips, and the evaluation corpus's
// recall, precision and indexing time. Writes bench/results.json; with `--write` (or `npm run bench:report`, which
// measures nothing) also renders BENCHMARKS.md. `--corpus` measures only the corpus rows and prints them, `--check`
// only the self-check's rows (bench/checkRows.ts).
import Fuse from 'fuse.js';
import MarkdownIt from 'markdown-it';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildIndex, practiceItems } from '../src/core/indexer';
import type { Domain, Question } from '../src/core/model';
import { SearchIndex } from '../src/core/search';
import { loadCorpus, loadTerms, SIZES, type Corpus } from './corpus';
import { checkRows } from './checkRows';
import { corpusRows } from './corpusRows';
import { measureMemoryInChild, peakRssMiB, type MemoryWork } from './memory';
import { benchmarksMarkdown, machineNote } from './report';
import type { BenchResults, ResultRow, Spread } from './results';
import { reviewRows } from './review';
import { totalBytes } from './banks';
import { collectGarbage, percentile, spreadOf, timeMs } from './timing';

const BUILD_TARGET = 2.0;
const SEARCH_P95_TARGET_MS = 16;
const MEMORY_TARGET = 3.0;

/** A fixed mix of what people type: Chinese phrases, code identifiers, English domain words, typos. */
const QUERIES = [
  '风险控制', '差分隐私', '召回率', '自动驾驶', '模型压缩', '推荐系统', '过拟合', '知识图谱',
  'RandomForest', 'Wav2Vec2', 'TensorFlow', 'train_test_split', 'Conv2D', 'DataLoader',
  'finance', 'speech recognition', 'autonomous driving', 'healthcare', 'recommendation',
  'tranformer', 'recomendation', 'reinforcment', 'classifer', 'optimzer',
];

/** Per size: timed build runs (after one warm-up at 1k and 10k), search rounds, fuse.js queries, memory runs. */
const PLAN = {
  '1k': { builds: 7, warmups: 2, rounds: 10, fuseQueries: QUERIES.length, memoryRuns: 3 },
  '10k': { builds: 5, warmups: 1, rounds: 10, fuseQueries: 6, memoryRuns: 3 },
  '100k': { builds: 3, warmups: 0, rounds: 5, fuseQueries: 2, memoryRuns: 2 },
} as const;

function main(): void {
  const root = path.resolve(process.argv[2] ?? '.');
  const args = process.argv.slice(3);
  if (args[0] === '--memory') return measureMemoryInChild(root, args[1] as MemoryWork, Number(args[2]));
  const resultsFile = path.join(root, 'bench/results.json');
  if (args.includes('--report')) return writeReport(root, JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchResults);
  if (args.includes('--corpus')) return printRows(corpusRows(root).rows);
  if (args.includes('--check')) return printRows(checkRows(root).rows);

  const loadAtStart = os.loadavg()[0];
  const rows: ResultRow[] = [];
  const notes: string[] = [];
  for (const size of SIZES) {
    const plan = PLAN[size.id];
    const corpus = loadCorpus(root, size.items);
    const built = buildRows(size.id, corpus, plan.builds, plan.warmups);
    rows.push(...built.rows);
    rows.push(...searchRows(root, size.id, built.items, corpus.domains, plan.rounds, plan.fuseQueries));
    rows.push(...memoryRows(root, size.id, size.items, built.items.length, plan.memoryRuns));
    notes.push(
      `${size.id}: ${corpus.sources.length} files (${(totalBytes(corpus.sources) / 2 ** 20).toFixed(1)} MiB), ${corpus.copies} copies of the bundled banks with each question title marked with its copy, ${built.items.length.toLocaleString('en')} practice items.`,
    );
    process.stderr.write(`bench: ${size.id} done\n`);
  }
  const review = reviewRows();
  rows.push(...review.rows);
  const corpus = corpusRows(root);
  rows.push(...corpus.rows);
  const check = checkRows(root);
  rows.push(...check.rows);
  notes.push(
    `Build: one run of ours is \`buildIndex\` (decode, parse, ids, domains) followed by \`new SearchIndex(practiceItems)\` — what the extension pays before search works; the baseline is \`new MarkdownIt().parse(text, {})\` of the same files with the text decoded beforehand (it does not pay for decoding). Ours and the baseline run alternately, a full GC before each run, after warm-up runs at 1k and 10k (${Object.entries(PLAN).map(([id, plan]) => `${id}: ${plan.builds} runs`).join(', ')}). The rows for \`buildIndex\` and the search index alone are the two parts of the same runs, each against the same baseline runs.`,
    `Search: ${QUERIES.length} queries (${QUERIES.map((query) => `\`${query}\``).join(', ')}), limit 50, one untimed round, then rounds of all of them (${Object.entries(PLAN).map(([id, plan]) => `${id}: ${plan.rounds}`).join(', ')}); ours is the median over rounds of each round's p50 or p95, with the min–max over rounds. Baseline: fuse.js 7 (default options) over the same full text (keys title, prompt, answer, analysis, code), one run of the first queries only, because it takes hundreds of milliseconds to seconds per query at 10k and 100k (${Object.entries(PLAN).map(([id, plan]) => `${id}: ${plan.fuseQueries} queries`).join(', ')}); its figure is the p50 or p95 of those queries, with their min–max.`,
    `Memory: peak RSS (\`process.resourceUsage().maxRSS\`) of a fresh child process per measurement (${Object.entries(PLAN).map(([id, plan]) => `${id}: ${plan.memoryRuns} runs of each`).join(', ')}, alternating), which builds the synthetic bank's bytes and then either runs \`buildIndex\` + \`new SearchIndex\` (ours), \`buildIndex\` alone, or the bare markdown-it parse of every file (baseline). Both hold the files' bytes.`,
    ...review.notes,
    ...corpus.notes,
    ...check.notes,
  );
  const results: BenchResults = {
    measuredAt: new Date().toISOString(),
    machine: machineNote(loadAtStart),
    command: 'npm run bench',
    rows,
    notes,
  };
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  printRows(rows);
  if (args.includes('--write')) writeReport(root, results);
}

function printRows(rows: readonly ResultRow[]): void {
  process.stdout.write(`${JSON.stringify(rows.map((row) => [row.id, row.ours.median, row.ratio, row.target?.met]), null, 0)}\n`);
}

function writeReport(root: string, core: BenchResults): void {
  const hostFile = path.join(root, 'bench/host-results.json');
  const host = existsSync(hostFile) ? (JSON.parse(readFileSync(hostFile, 'utf8')) as BenchResults) : undefined;
  writeFileSync(path.join(root, 'BENCHMARKS.md'), benchmarksMarkdown(core, host));
}

function row(id: string, what: string, unit: ResultRow['unit'], ours: Spread, baseline: { what: string; spread: Spread }, target?: { kind: 'ratio' | 'absolute'; value: number }): ResultRow {
  const ratio = ours.median / baseline.spread.median;
  const result: ResultRow = { id, what, unit, ours, baseline, ratio };
  if (target) result.target = { ...target, met: (target.kind === 'ratio' ? ratio : ours.median) <= target.value };
  return result;
}

function buildRows(size: string, corpus: Corpus, runs: number, warmups: number): { rows: ResultRow[]; items: Question[] } {
  const decoder = new TextDecoder();
  const texts = corpus.sources.map((source) => decoder.decode(source.bytes));
  let items: Question[] = [];
  const ours = () => {
    const started = performance.now();
    const index = buildIndex(corpus.sources, corpus.domains, corpus.terms);
    const indexed = performance.now();
    items = practiceItems(index);
    new SearchIndex(items, corpus.domains);
    return { index: indexed - started, search: performance.now() - indexed };
  };
  const markdown = () => {
    const md = new MarkdownIt();
    for (const text of texts) md.parse(text, {});
  };
  for (let i = 0; i < warmups; i++) {
    ours();
    markdown();
  }
  const index: number[] = [];
  const search: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const times = ours();
    index.push(times.index);
    search.push(times.search);
    collectGarbage();
    baseline.push(timeMs(markdown));
  }
  const both = index.map((time, i) => time + search[i]);
  const md = { what: 'markdown-it parse', spread: spreadOf(baseline) };
  const count = `${items.length.toLocaleString('en')} items`;
  const target = size === '1k' ? undefined : { kind: 'ratio' as const, value: BUILD_TARGET };
  return {
    items,
    rows: [
      row(`build/index+search/${size}`, `Index + search index, ${count}`, 'ms', spreadOf(both), md, target),
      row(`build/index/${size}`, `\`buildIndex\` alone (part of the row above), ${count}`, 'ms', spreadOf(index), md),
      row(`build/search/${size}`, `Search index alone (part of the row above), ${count}`, 'ms', spreadOf(search), md),
    ],
  };
}

function searchRows(root: string, size: string, items: Question[], domains: Domain[], rounds: number, fuseQueries: number): ResultRow[] {
  // With the term table, as the extension searches: a query the table names also looks for its other names.
  const search = new SearchIndex(items, domains, loadTerms(root));
  QUERIES.forEach((query) => search.search(query));
  const p50: number[] = [];
  const p95: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const samples = QUERIES.map((query) => timeMs(() => search.search(query)));
    p50.push(percentile(samples, 50));
    p95.push(percentile(samples, 95));
  }
  const fuse = new Fuse(items, { keys: ['title', 'prompt', 'answer', 'analysis', 'code.source'] });
  const fuseSamples = QUERIES.slice(0, fuseQueries).map((query) => timeMs(() => fuse.search(query, { limit: 50 })));
  const fuseSpread = (p: number): Spread => ({ ...spreadOf(fuseSamples), median: percentile(fuseSamples, p) });
  const baseline = (p: number) => ({ what: `fuse.js full text, ${fuseQueries} queries`, spread: fuseSpread(p) });
  const count = `${items.length.toLocaleString('en')} items, full text`;
  return [
    row(`search/p50/${size}`, `Search p50, ${count}`, 'ms', spreadOf(p50), baseline(50)),
    row(`search/p95/${size}`, `Search p95, ${count}`, 'ms', spreadOf(p95), baseline(95), size === '100k' || size === '10k' ? { kind: 'absolute', value: SEARCH_P95_TARGET_MS } : undefined),
  ];
}

function memoryRows(root: string, size: string, items: number, count: number, runs: number): ResultRow[] {
  const samples: Record<MemoryWork, number[]> = { markdown: [], index: [], 'index+search': [] };
  for (let i = 0; i < runs; i++) {
    for (const work of ['index+search', 'markdown', 'index'] as const) samples[work].push(peakRssMiB(root, work, items));
  }
  const md = { what: 'markdown-it parse, peak RSS', spread: spreadOf(samples.markdown) };
  const label = `${count.toLocaleString('en')} items`;
  return [
    row(`memory/index+search/${size}`, `Peak RSS, index + search index, ${label}`, 'MiB', spreadOf(samples['index+search']), md, size === '100k' ? { kind: 'ratio', value: MEMORY_TARGET } : undefined),
    row(`memory/index/${size}`, `Peak RSS, \`buildIndex\` alone, ${label}`, 'MiB', spreadOf(samples.index), md),
  ];
}

main();
