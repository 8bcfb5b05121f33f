import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeScores,
  generalShare,
  loadCorpusFiles,
  precision,
  recall,
  scoreCorpus,
  type CorpusFile,
} from '../../bench/parserQuality';
import { loadTermTable } from '../../src/core/check/termTable';
import { loadDomains } from '../../src/core/domains';

const ROOT = join(__dirname, '..', '..');
const domains = loadDomains(JSON.parse(readFileSync(join(ROOT, 'content', 'domains.json'), 'utf8')));
const terms = loadTermTable(JSON.parse(readFileSync(join(ROOT, 'content', 'terms.json'), 'utf8'))).table.pairs;

describe('the evaluation corpus (test/fixtures/corpus)', () => {
  const files = loadCorpusFiles(ROOT);
  const score = scoreCorpus(files, domains, terms);

  it('has a bank for every layout of the bank format, each with its expected questions', () => {
    const layouts = new Set(files.map((file) => file.layout));
    for (const layout of ['dotted-sections', 'numbered-parents', 'question-headings', 'details', 'bold-questions', 'prefixes', 'question-lists', 'mixed', 'prose', 'front-matter']) {
      assert.ok(layouts.has(layout), `no corpus file for ${layout}`);
    }
    for (const file of files.filter((candidate) => candidate.layout !== 'prose')) {
      assert.ok(file.expected.length >= 10, `${file.source.file}: ${file.expected.length} expected questions`);
    }
  });

  it('indexes at least 95% of the expected questions, with at least 95% of practice items real questions, and under 5% in general', () => {
    const figures = `overall: recall ${recall(score.overall).toFixed(3)}, precision ${precision(score.overall).toFixed(3)}, general ${generalShare(score.overall).toFixed(3)}\n${describeScores(score)}`;
    assert.ok(recall(score.overall) >= 0.95, figures);
    assert.ok(precision(score.overall) >= 0.95, figures);
    assert.ok(generalShare(score.overall) < 0.05, figures);
  });
});

describe('scoreCorpus', () => {
  const bank = (name: string, text: string, layout: string, titles: string[]): CorpusFile => ({
    source: { file: name, bytes: new TextEncoder().encode(text) },
    layout,
    expected: titles.map((title) => ({ title, hasReference: true })),
  });

  it('matches practice items to expected titles as ids compare them, per file and per layout', () => {
    const score = scoreCorpus(
      [
        bank('a.md', '### 1. 什么是**过拟合**？\n\n训练误差低。\n\n### 2. 金融风控\n\n答案。\n', 'numbered', ['什么是过拟合？', '什么是欠拟合？']),
        bank('b.md', '### 1. 如何部署模型？\n\n答案。\n', 'numbered', ['如何部署模型']),
      ],
      domains,
      terms,
    );
    assert.deepEqual(
      score.files.map(({ file, matched, expected, items, missed, extra }) => ({ file, matched, expected, items, missed, extra })),
      [
        { file: 'a.md', matched: 1, expected: 2, items: 2, missed: ['什么是欠拟合？'], extra: ['金融风控'] },
        { file: 'b.md', matched: 1, expected: 1, items: 1, missed: [], extra: [] },
      ],
    );
    assert.deepEqual(score.byLayout.get('numbered'), { matched: 2, expected: 3, items: 3, general: 0 });
    assert.equal(recall(score.overall), 2 / 3);
    assert.equal(precision(score.overall), 2 / 3);
  });

  it('scores a prose file that yields nothing as perfect, and one that yields items as zero precision', () => {
    const empty = scoreCorpus([bank('p.md', '# Notes\n\nJust prose.\n', 'prose', [])], domains, terms);
    assert.deepEqual([recall(empty.overall), precision(empty.overall)], [1, 1]);
    const wrong = scoreCorpus([bank('p.md', '### 1. Notes\n\nJust prose.\n', 'prose', [])], domains, terms);
    assert.deepEqual([recall(wrong.overall), precision(wrong.overall)], [0, 0]);
  });
});
