import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadDomains } from '../../src/core/domains';
import { buildIndex, practiceItems } from '../../src/core/indexer';
import type { Question } from '../../src/core/model';
import { SearchIndex, type SearchHit } from '../../src/core/search';
import { normaliseQuery, normaliseText } from '../../src/core/search/normalise';

const CONTENT = path.join(__dirname, '../../content');
const domains = loadDomains(JSON.parse(readFileSync(path.join(CONTENT, 'domains.json'), 'utf8')));
const sources = readdirSync(CONTENT)
  .filter((name) => name.endsWith('.md'))
  .map((name) => ({ file: `content/${name}`, bytes: readFileSync(path.join(CONTENT, name)) }));
const bundled = practiceItems(buildIndex(sources, domains));

/** `copies` copies of the bundled items, each with its own id and a title marked with its copy. */
function copiesOf(items: Question[], copies: number): Question[] {
  return Array.from({ length: copies }, (_, copy) =>
    items.map((item) => ({ ...item, id: `${item.id}~${copy}`, title: `(${copy}) ${item.title}` })),
  ).flat();
}

const QUERIES = [
  '风险控制', '差分隐私', '召回率', '模', '模型', '大模型 应用', 'TensorFlow', 'tensorflow', 'Conv2D', 'DataLoader',
  'train_test_split', 'finance', 'speech recognition', 'tranformer', 'optimzer', 't', 'tr', 'c++', 'GPU 显存',
  'import torch', 'ＲａｎｄｏｍＦｏｒｅｓｔ', 'a b',
];

const fields = (item: Question) => [item.title, item.prompt, item.answer, item.analysis, item.code.map((block) => block.source).join('\n')];

describe('SearchIndex over many questions', function () {
  this.timeout(60_000);
  const items = copiesOf(bundled, 8);
  const index = new SearchIndex(items, domains);

  it('returns the same best hits with a small limit as the head of all hits', () => {
    for (const query of QUERIES) {
      const all = index.search(query, 1_000_000);
      for (const limit of [1, 7, 50]) assert.deepEqual(index.search(query, limit), all.slice(0, limit), `${query}, limit ${limit}`);
    }
  });

  it('finds exactly the questions whose normalised text contains a one-word query', () => {
    for (const query of QUERIES.filter((query) => !query.includes(' ') && query !== 'tranformer' && query !== 'optimzer')) {
      const needle = normaliseQuery(query);
      const expected = items.filter((item) => fields(item).some((text) => normaliseText(text).includes(needle))).map((item) => item.id);
      const found = index
        .search(query, 1_000_000)
        .filter((hit) => hit.field !== 'domain')
        .map((hit) => hit.id);
      assert.deepEqual(new Set(found), new Set(expected), query);
    }
  });

  it('reports each text hit in the first field that contains the query', () => {
    const byId = new Map(items.map((item) => [item.id, item]));
    const order = ['title', 'prompt', 'answer', 'analysis', 'code'];
    for (const query of ['TensorFlow', '召回率', 'DataLoader']) {
      const needle = normaliseQuery(query);
      for (const hit of index.search(query, 1_000_000).filter((hit) => hit.field !== 'domain')) {
        const first = fields(byId.get(hit.id)!).findIndex((text) => normaliseText(text).includes(needle));
        assert.equal(hit.field, order[first], `${query}: ${hit.title}`);
      }
    }
  });
});

describe('SearchIndex.build', function () {
  this.timeout(60_000);
  const items = copiesOf(bundled, 10);
  const ids = (hits: SearchHit[]) => hits.map((hit) => `${hit.id} ${hit.field} ${hit.score} ${hit.snippet}`);

  it('gives exactly the index the constructor gives', async () => {
    const built = await SearchIndex.build(items, domains, () => new Promise((resolve) => setImmediate(resolve)));
    const constructed = new SearchIndex(items, domains);
    for (const query of QUERIES) assert.deepEqual(ids(built.search(query, 500)), ids(constructed.search(query, 500)), query);
  });

  it('lets other work run between its slices while it indexes a large bank', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 0);
    let pauses = 0;
    try {
      await SearchIndex.build(items, domains, () => {
        pauses++;
        return new Promise((resolve) => setTimeout(resolve, 1));
      });
    } finally {
      clearInterval(ticker);
    }
    // 1,590 questions take far more than one slice on any machine; each pause lets timers run.
    assert.ok(pauses >= 3, `${pauses} pauses`);
    assert.ok(ticks >= 2, `${ticks} ticks`);
  });

  it('builds an empty index for no questions', async () => {
    const built = await SearchIndex.build([], domains, () => Promise.resolve());
    assert.deepEqual(built.search('finance'), []);
  });
});
