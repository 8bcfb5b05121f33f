import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { termKey } from '../../src/core/check/latinKey';
import { loadTermTable } from '../../src/core/check/termTable';

const CONTENT = path.join(__dirname, '../../content');
const json: unknown = JSON.parse(readFileSync(path.join(CONTENT, 'terms.json'), 'utf8'));
const banks = readdirSync(CONTENT)
  .filter((name) => name.endsWith('.md'))
  .map((name) => readFileSync(path.join(CONTENT, name), 'utf8'))
  .join('\n');

describe('the bundled term table (content/terms.json)', () => {
  const { table, problems } = loadTermTable(json);

  it('loads without a problem and has at least 150 pairs', () => {
    assert.deepEqual(problems, []);
    assert.ok(table.pairs.length >= 150, `${table.pairs.length} pairs`);
  });

  it('names each concept once: no name twice, in any pair or side', () => {
    const keys = table.pairs.flatMap((pair) => [...pair.en, ...pair.zh].map(termKey));
    const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
    assert.deepEqual(repeated, []);
  });

  it('has English on one side and Chinese on the other', () => {
    for (const pair of table.pairs) {
      assert.ok(pair.zh.every((name) => /\p{Script=Han}/u.test(name)), JSON.stringify(pair));
      assert.ok(pair.en.every((name) => !/\p{Script=Han}/u.test(name)), JSON.stringify(pair));
    }
  });

  it('is drawn from the bundled banks: at least 90% of the pairs have a Chinese name that occurs in them', () => {
    const occurring = table.pairs.filter((pair) => pair.zh.some((name) => banks.includes(name)));
    const share = occurring.length / table.pairs.length;
    // The rest are terms the issue names (RLHF, LoRA, KV cache, …) and those the English evaluation cases need.
    assert.ok(share >= 0.9, `${occurring.length} of ${table.pairs.length}`);
  });

  it('has the pairs the issue names', () => {
    for (const [en, zh] of [
      ['fine-tuning', '微调'],
      ['knowledge distillation', '知识蒸馏'],
      ['differential privacy', '差分隐私'],
      ['federated learning', '联邦学习'],
      ['reinforcement learning', '强化学习'],
      ['RLHF', '基于人类反馈的强化学习'],
      ['attention', '注意力机制'],
      ['overfitting', '过拟合'],
      ['LoRA', '低秩适配'],
      ['KV cache', '键值缓存'],
    ]) {
      assert.ok(table.namesOf(en).includes(zh), `${en} ↔ ${zh}`);
    }
  });
});
