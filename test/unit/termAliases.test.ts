import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { taxonomyHash } from '../../src/core/cacheKey';
import { loadTermTable, type TermPair } from '../../src/core/check/termTable';
import { loadDomains } from '../../src/core/domains';
import { buildIndex } from '../../src/core/indexer';
import type { Domain } from '../../src/core/model';
import { withTermAliases } from '../../src/core/termAliases';

const ROOT = join(__dirname, '..', '..');
const DOMAINS = loadDomains(JSON.parse(readFileSync(join(ROOT, 'content', 'domains.json'), 'utf8')));
const TERMS = loadTermTable(JSON.parse(readFileSync(join(ROOT, 'content', 'terms.json'), 'utf8'))).table.pairs;

const SMALL: Domain[] = [
  { id: 'fundamentals', label: { en: 'F', 'zh-cn': 'F' }, aliases: ['强化学习', 'attention', 'reinforcement learning'] },
  { id: 'training', label: { en: 'T', 'zh-cn': 'T' }, aliases: ['rlhf', 'lora', '泛化', 'training'] },
  { id: 'evaluation', label: { en: 'E', 'zh-cn': 'E' }, aliases: ['验证集'] },
  { id: 'data', label: { en: 'D', 'zh-cn': 'D' }, aliases: ['data', 'validation set'] },
];

const added = (domains: readonly Domain[]) => Object.fromEntries(domains.map((domain, i) => [domain.id, domain.aliases.slice(SMALL[i].aliases.length)]));

function domainsOf(file: string, terms: readonly TermPair[]): [string, string][] {
  const bank = join(ROOT, 'test', 'fixtures', 'terms', file);
  return buildIndex([{ file: bank, bytes: readFileSync(bank) }], DOMAINS, terms).questions.map((q) => [q.title, q.domain]);
}

describe('the classifier’s taxonomy with the term table’s names (withTermAliases)', () => {
  it("adds a pair's other names to the domain one of its names is an alias of, lower-cased", () => {
    const pairs: TermPair[] = [
      { en: ['RLHF', 'reinforcement learning from human feedback'], zh: ['基于人类反馈的强化学习'] },
      { en: ['LoRA', 'low-rank adaptation'], zh: ['低秩适配'] },
    ];
    assert.deepEqual(added(withTermAliases(SMALL, pairs)), {
      fundamentals: [],
      training: ['reinforcement learning from human feedback', '基于人类反馈的强化学习', 'low-rank adaptation', '低秩适配'],
      evaluation: [],
      data: [],
    });
  });

  it('when no name is an alias, uses the one domain whose aliases its names contain', () => {
    const pairs: TermPair[] = [{ en: ['multi-head attention'], zh: ['多头注意力'] }];
    assert.deepEqual(added(withTermAliases(SMALL, pairs)).fundamentals, ['多头注意力']);
  });

  it('adds nothing for a pair that points at two domains or at none', () => {
    const pairs: TermPair[] = [
      { en: ['validation set', 'held-out set'], zh: ['验证集', '留出验证集合'] },
      { en: ['random forest'], zh: ['随机森林算法'] },
    ];
    assert.deepEqual(withTermAliases(SMALL, pairs), SMALL);
  });

  it('leaves out short names, names the taxonomy lists, and names that already count for the domain', () => {
    const pairs: TermPair[] = [
      // 数据 and "dataset": one Chinese word under four characters, one English word.
      { en: ['data', 'dataset'], zh: ['数据'] },
      // 泛化能力 holds 泛化 and "adversarial training" holds "training": as aliases they would only weigh more.
      { en: ['generalization ability'], zh: ['泛化', '泛化能力'] },
      { en: ['adversarial training'], zh: ['对抗训练方法'] },
    ];
    assert.deepEqual(added(withTermAliases(SMALL, pairs)), {
      fundamentals: [],
      training: ['generalization ability', '对抗训练方法'],
      evaluation: [],
      data: [],
    });
  });

  it('is the taxonomy itself without a term table', () => {
    assert.equal(withTermAliases(SMALL, []), SMALL);
  });

  it('puts the questions of an English bank that are in general or elsewhere without the table in their domain', () => {
    const without = domainsOf('english-ml.md', []);
    const withTable = domainsOf('english-ml.md', TERMS);
    assert.deepEqual(
      without.map(([, domain]) => domain),
      ['fundamentals', 'general', 'general', 'general', 'general', 'inference', 'data'],
      'without the table: reinforcement learning counts for fundamentals, the rest names no alias',
    );
    assert.deepEqual(withTable, [
      ['How does reinforcement learning from human feedback align a chat model?', 'training'],
      ['Why is low-rank adaptation cheaper than updating every weight?', 'training'],
      ['What does a key-value cache store while decoding?', 'inference'],
      ['When would you reach for principal component analysis?', 'data'],
      ['How does path planning handle moving obstacles?', 'mobility'],
      ['How does knowledge distillation transfer what a teacher knows?', 'inference'],
      ['What does federated learning keep on the device?', 'data'],
    ]);
  });

  it('puts the questions of a Chinese bank whose terms the taxonomy names only in English in their domain', () => {
    assert.deepEqual(
      domainsOf('chinese-ml.md', []).map(([, domain]) => domain),
      ['general', 'general', 'general'],
    );
    assert.deepEqual(
      domainsOf('chinese-ml.md', TERMS).map(([, domain]) => domain),
      ['inference', 'data', 'engineering'],
    );
  });
});

describe('the warm-start key of the classification (taxonomyHash)', () => {
  it('changes when the term table changes, and not for the same content', () => {
    const changed = TERMS.map((pair, i) => (i === 0 ? { en: [...pair.en, 'finetune'], zh: pair.zh } : pair));
    assert.notEqual(taxonomyHash(DOMAINS, changed), taxonomyHash(DOMAINS, TERMS));
    assert.notEqual(taxonomyHash(DOMAINS, TERMS.slice(1)), taxonomyHash(DOMAINS, TERMS));
    assert.notEqual(taxonomyHash(DOMAINS, []), taxonomyHash(DOMAINS, TERMS));
    assert.notEqual(taxonomyHash(DOMAINS.slice(1), TERMS), taxonomyHash(DOMAINS, TERMS));
    assert.equal(taxonomyHash(structuredClone(DOMAINS), structuredClone([...TERMS])), taxonomyHash(DOMAINS, TERMS));
  });
});
