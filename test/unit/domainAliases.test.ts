import * as assert from 'node:assert/strict';
import { classifyDomain } from '../../src/core/domains';
import { DomainAliases } from '../../src/core/domainAliases';
import type { Domain } from '../../src/core/model';
import { SearchIndex } from '../../src/core/search';
import { makeQuestion } from './fixtures/question';

const DOMAINS: Domain[] = [
  { id: 'training', label: { en: 'Training', 'zh-cn': '训练' }, aliases: ['训练', 'training'] },
  { id: 'data', label: { en: 'Data', 'zh-cn': '数据' }, aliases: ['训练数据', 'dataset'] },
  { id: 'recsys', label: { en: 'Recommendation & Ads', 'zh-cn': '推荐与广告' }, aliases: ['推荐', 'recommendation'] },
];
const [TRAINING, DATA, RECSYS] = [0, 1, 2];

describe('DomainAliases: one alias matcher for classifying and for search', () => {
  const aliases = new DomainAliases(DOMAINS);

  it('finds English aliases as whole words, a plural s included', () => {
    assert.ok(aliases.mentions(RECSYS, 'recommendations for new users'));
    assert.ok(!aliases.mentions(RECSYS, 'recommendationsystem'));
    assert.ok(!aliases.mentions(TRAINING, 'pretrainings'));
  });

  it('reads a hyphen as a space, in the alias and in the text', () => {
    const aliases = new DomainAliases([
      { id: 'training', label: { en: 'T', 'zh-cn': 'T' }, aliases: ['fine-tuning', 'learning rate'] },
    ]);
    for (const text of ['fine-tuning a model', 'fine tuning a model', 'learning-rate warmup', 'learning rate warmup']) {
      assert.ok(aliases.mentions(0, text), text);
    }
    assert.ok(!aliases.mentions(0, 'finetuning'));
    assert.ok(!aliases.mentions(0, 'fine--tuning'));
  });

  it('takes a plural "es" but not other endings', () => {
    const aliases = new DomainAliases([{ id: 'vision', label: { en: 'V', 'zh-cn': 'V' }, aliases: ['box', 'class'] }]);
    assert.ok(aliases.mentions(0, 'bounding boxes'));
    assert.ok(aliases.mentions(0, 'imbalanced classes'));
    assert.ok(!aliases.mentions(0, 'boxer'));
    assert.ok(!aliases.mentions(0, 'classy'));
    assert.ok(!aliases.mentions(0, 'boxesx'));
  });

  it('gives an overlap to the longer alias', () => {
    assert.ok(aliases.mentions(DATA, '训练数据从哪里来'));
    assert.ok(!aliases.mentions(TRAINING, '训练数据从哪里来'));
    assert.deepEqual(aliases.find('训练数据与训练').map((hit) => [hit.entry.text, hit.at]), [['训练数据', 0], ['训练', 5]]);
  });

  it('agrees with the classifier on what a title names', () => {
    for (const title of ['recommendations for new users', '训练数据从哪里来', 'training on a dataset']) {
      const { domain } = classifyDomain({ title, prompt: '', answer: '', documentTitle: '' }, DOMAINS);
      assert.ok(aliases.mentions(DOMAINS.findIndex((d) => d.id === domain), title), title);
    }
  });
});

describe('SearchIndex: a title that names its domain', () => {
  it('counts a plural English alias, as the classifier does', () => {
    const index = new SearchIndex(
      [
        makeQuestion({ id: 'x/plain', title: 'How to warm up cold users?', domain: 'recsys' }),
        makeQuestion({ id: 'x/named', title: 'Recommendations for new users', domain: 'recsys' }),
      ],
      DOMAINS,
    );
    assert.deepEqual(index.search('推荐').map((hit) => hit.id), ['x/named', 'x/plain']);
  });

  it('does not count an alias inside a longer alias of another domain', () => {
    const index = new SearchIndex(
      [
        makeQuestion({ id: 'x/data', title: '训练数据从哪里来？', domain: 'training' }),
        makeQuestion({ id: 'x/named', title: '如何训练得更快？', domain: 'training' }),
      ],
      DOMAINS,
    );
    assert.deepEqual(index.search('training').map((hit) => hit.id), ['x/named', 'x/data']);
  });
});
