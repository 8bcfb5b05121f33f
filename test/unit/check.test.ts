import * as assert from 'node:assert/strict';
import { checkAttempt, planCheck, scoreAttempt, suggestGrade, type CheckContext } from '../../src/core/check/checkAttempt';
import { keyPoints } from '../../src/core/check/keyPoints';
import { termKey } from '../../src/core/check/latinKey';
import { MatchText } from '../../src/core/check/matchText';
import { TermStats } from '../../src/core/check/termStats';
import { EMPTY_TERM_TABLE, loadTermTable } from '../../src/core/check/termTable';
import { GRADE } from '../../src/core/review/grades';

const TABLE = loadTermTable({
  pairs: [
    { en: ['differential privacy'], zh: ['差分隐私'] },
    { en: ['fine-tuning', 'finetuning'], zh: ['微调'] },
    { en: ['KV cache', 'key-value cache'], zh: ['键值缓存'] },
    { en: ['noise'], zh: ['噪声'] },
  ],
}).table;

/** Generic words in every text, the technical ones in one each. */
const BANK = [
  '大模型可以提高效果，模型方法很多。差分隐私在训练中加入噪声。',
  '大模型可以提高效果，模型方法很多。LoRA 用低秩矩阵微调。',
  '大模型可以提高效果，模型方法很多。KV Cache 缓存注意力的键和值。',
  '大模型可以提高效果，模型方法很多。',
  '大模型可以提高效果，模型方法很多。',
];
const context: CheckContext = { stats: TermStats.build(BANK), table: TABLE };

describe('key points of a reference answer', () => {
  it('takes the list items, with a bold lead, nested items folded into their parent, code and math left out', () => {
    const points = keyPoints(
      [
        '常用方法包括：',
        '',
        '1. **多模态融合**：将文本和图像融合为统一表示。',
        '   - 早期融合',
        '   - 晚期融合',
        '2. **差分隐私**：训练时加入噪声 $\\epsilon$。',
        '',
        '```python',
        '- not a point',
        '```',
        '$$',
        '- nor this',
        '$$',
      ].join('\n'),
    );
    assert.deepEqual(points, [
      { text: '多模态融合：将文本和图像融合为统一表示。 早期融合 晚期融合', lead: '多模态融合' },
      { text: '差分隐私：训练时加入噪声 。', lead: '差分隐私' },
    ]);
  });

  it('takes the sentences (Chinese and English ends) when there is no list', () => {
    assert.deepEqual(
      keyPoints('利用生成对抗网络生成高质量的图像。预训练模型可以加快收敛！ LoRA adds low-rank updates. It is cheap to train.').map((point) => point.text),
      ['利用生成对抗网络生成高质量的图像。', '预训练模型可以加快收敛！', 'LoRA adds low-rank updates.', 'It is cheap to train.'],
    );
  });
});

describe('matching a term in an attempt', () => {
  it('finds Latin terms case-insensitively across hyphens, spacing, plurals and joined spelling', () => {
    const text = new MatchText('We use Low Rank adapters and fine tuning with KV-Caches.');
    assert.ok(text.find('low-rank adapter'));
    assert.ok(text.find('finetuning'));
    assert.ok(text.find('KV cache'));
    assert.equal(text.find('rank adaptation'), undefined);
  });

  it('finds Chinese terms by substring, and by character bigrams when the wording differs', () => {
    const text = new MatchText('用差分的隐私保护数据，再做知识的蒸馏');
    assert.equal(text.find('隐私保护')?.credit, 1);
    const bigrams = text.find('差分隐私');
    assert.ok(bigrams && bigrams.credit > 0.6 && bigrams.credit < 1, JSON.stringify(bigrams));
    assert.equal(text.find('联邦学习'), undefined);
  });

  it('keys table names alike however they are spelt', () => {
    assert.equal(termKey('Low-Rank  Adapters'), termKey('low rank adapter'));
    assert.equal(termKey('KV Cache'), 'kv cache');
  });
});

describe('rarity weights', () => {
  it('weighs generic words little and technical terms a lot', () => {
    const { stats } = context;
    assert.ok(stats.weight('模型') <= 0.1, `模型 ${stats.weight('模型')}`);
    assert.ok(stats.weight('提高') <= 0.1);
    assert.ok(stats.weight('差分隐私') > 0.5);
    assert.ok(stats.weight('lora') > 0.5);
    assert.ok(stats.weight('kv') > 0.5);
  });
});

describe('term rarity counted in slices', () => {
  it('weighs every term as the one-go count does, pausing between slices', async () => {
    const texts = Array.from({ length: 400 }, (_, i) => `${BANK[i % BANK.length]} 第${i}条：${i % 7 === 0 ? '联邦学习' : '迁移学习'} term${i % 13}`);
    let pauses = 0;
    const sliced = await TermStats.buildInSlices(texts, async () => void pauses++, 0);
    const whole = TermStats.build(texts);
    assert.ok(pauses > 0, 'it paused');
    for (const key of ['联邦学习', '迁移学习', '大模型', 'term3', 'lora', '没见过']) assert.equal(sliced.weight(key), whole.weight(key), key);
  });
});

describe('checkAttempt', () => {
  const reference = ['1. **差分隐私**：训练时加入噪声，保护用户数据。', '2. **KV Cache**：缓存注意力的键和值，避免重复计算。'].join('\n');

  it('marks each point covered, partly or missed, with its terms, and suggests a grade', () => {
    const result = checkAttempt(reference, '差分隐私就是训练时加入噪声来保护用户数据。', context);
    assert.equal(result.hasReference, true);
    assert.deepEqual(result.points.map((point) => point.status), ['covered', 'missed']);
    assert.equal(result.points[0].coverage, 1);
    const cache = result.points[1].terms.find((term) => term.term === 'KV Cache');
    assert.ok(cache && !cache.found && cache.weight > 0.5, JSON.stringify(result.points[1].terms));
    assert.ok(result.coverage > 0.4 && result.coverage < 0.7, String(result.coverage));
    assert.equal(result.suggestedGrade, GRADE.hard);
  });

  it('counts an English attempt for a Chinese reference through the term table', () => {
    const english = checkAttempt(reference, 'Differential privacy adds noise during training. A KV cache stores keys.', context);
    const without = checkAttempt(reference, 'Differential privacy adds noise during training. A KV cache stores keys.', { ...context, table: EMPTY_TERM_TABLE });
    const privacy = english.points[0].terms.find((term) => term.term === '差分隐私');
    assert.deepEqual(privacy && privacy.found, true);
    assert.ok(english.points[0].coverage > without.points[0].coverage);
  });

  it('returns the matched spans of the attempt, merged and in order', () => {
    const attempt = '加入噪声，差分隐私';
    const { spans } = checkAttempt(reference, attempt, context);
    assert.deepEqual(
      spans.map((span) => attempt.slice(span.start, span.end)),
      ['加入噪声', '差分隐私'],
    );
  });

  it('says so when the question has no reference answer', () => {
    assert.deepEqual(checkAttempt('', 'anything', context), { hasReference: false, coverage: 0, points: [], spans: [], suggestedGrade: undefined });
    assert.equal(checkAttempt('```python\nprint(1)\n```', 'anything', context).hasReference, false);
  });

  it('plans once and scores any attempt against the plan as checkAttempt does (what the panel runs apart)', () => {
    const plan = planCheck(reference, context);
    assert.deepEqual(plan.points.map((point) => point.lead), ['差分隐私', 'KV Cache']);
    // What the webview receives is JSON: the plan survives the trip.
    const sent = JSON.parse(JSON.stringify(plan));
    for (const attempt of ['', '差分隐私就是训练时加入噪声来保护用户数据。', 'Differential privacy; a KV cache stores keys.']) {
      assert.deepEqual(scoreAttempt(sent, attempt), checkAttempt(reference, attempt, context));
    }
    assert.deepEqual(planCheck('', context), { points: [] });
  });

  it('suggests Again, Hard or Good, never Easy', () => {
    assert.equal(suggestGrade(0.1), GRADE.again);
    assert.equal(suggestGrade(0.45), GRADE.hard);
    assert.equal(suggestGrade(1), GRADE.good);
  });
});

describe('loading the term table', () => {
  it('lists the names a text may hold, longest first, without reading every name of the table', () => {
    const names = TABLE.candidatesIn('用差分隐私做 Fine tuning，KV-Cache 与噪声').map((name) => name.name);
    assert.deepEqual(names, ['fine-tuning', 'KV cache', '差分隐私', '噪声']);
  });

  it('reports bad entries and keeps the good ones, never throws', () => {
    const { table, problems } = loadTermTable({
      pairs: [{ en: ['overfitting'], zh: ['过拟合'] }, { en: [], zh: ['欠拟合'] }, { en: ['Overfitting'], zh: ['过度拟合'] }, 'x', { en: ['a', 3], zh: ['b'] }],
    });
    assert.equal(table.pairs.length, 1);
    assert.deepEqual(table.namesOf('OVERFITTING'), ['overfitting', '过拟合']);
    assert.equal(problems.length, 4);
    assert.match(problems[1], /pair 2: "overfitting" is already in pair 0/);
    assert.deepEqual(loadTermTable(null).problems, ['terms.json: expected an object with a "pairs" array']);
    assert.deepEqual(loadTermTable([1]).table.pairs, []);
  });
});
