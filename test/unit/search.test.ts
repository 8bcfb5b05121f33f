import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadDomains } from '../../src/core/domains';
import { buildIndex, practiceItems } from '../../src/core/indexer';
import type { Domain, Question } from '../../src/core/model';
import { loadTermTable } from '../../src/core/check/termTable';
import { SearchIndex, type SearchHit } from '../../src/core/search';
import { makeQuestion } from './fixtures/question';

const CONTENT = path.join(__dirname, '../../content');

const DOMAINS: Domain[] = [
  { id: 'finance', label: { en: 'Finance', 'zh-cn': '金融' }, aliases: ['金融', '风控', 'finance', 'fraud', 'risk control'] },
  { id: 'speech', label: { en: 'Speech', 'zh-cn': '语音' }, aliases: ['语音', '语音识别', 'speech recognition', 'asr'] },
  {
    id: 'mobility',
    label: { en: 'Autonomous Driving & Mobility', 'zh-cn': '自动驾驶与交通' },
    aliases: ['自动驾驶', 'autonomous driving', 'self-driving'],
  },
  { id: 'recsys', label: { en: 'Recommendation & Ads', 'zh-cn': '推荐与广告' }, aliases: ['推荐', 'recommendation'] },
];

const question = (id: string, title: string, fields: Partial<Question> = {}) => makeQuestion({ id, title, ...fields });

const QUESTIONS: Question[] = [
  question('bank/risk', '如何在金融领域应用大模型进行风险控制？', {
    domain: 'finance',
    answer: '1. **信贷风险评估**：利用大模型进行客户信用评分。',
  }),
  question('bank/privacy', '如何保护用户数据？', { prompt: '请说明`差分隐私`在训练中的作用。' }),
  question('bank/metrics', '如何评估大模型的效果？', { analysis: '**召回率（Recall）**：实际为正类的样本中，被预测为正类的比例。' }),
  question('bank/forest', '如何训练一个分类器？', {
    code: [{ lang: 'python', source: 'from sklearn.ensemble import RandomForestClassifier\nclf = RandomForestClassifier()' }],
  }),
  question('bank/asr', '大模型在语音识别中的应用', {
    domain: 'speech',
    code: [{ lang: 'python', source: 'from transformers import Wav2Vec2Processor, Wav2Vec2Model' }],
  }),
  question('bank/car', '车辆如何感知环境？', { domain: 'mobility', answer: '通过激光雷达和摄像头。' }),
  question('bank/attention', 'Transformer 的注意力机制是什么？'),
  question('bank/recsys', '如何做好冷启动？', { domain: 'general', tags: ['recsys'] }),
];

const index = new SearchIndex(QUESTIONS, DOMAINS);
const ids = (hits: SearchHit[]) => hits.map((hit) => hit.id);

describe('SearchIndex over hand-built questions', () => {
  it('finds a Chinese substring in the title', () => {
    const [hit] = index.search('风险控制');
    assert.equal(hit.id, 'bank/risk');
    assert.equal(hit.field, 'title');
  });

  it('finds a Chinese substring in the prompt, the answer, the analysis and the code', () => {
    assert.deepEqual(
      ['差分隐私', '信贷风险', '召回率', '激光雷达'].map((query) => {
        const [hit] = index.search(query);
        return [hit.id, hit.field];
      }),
      [
        ['bank/privacy', 'prompt'],
        ['bank/risk', 'answer'],
        ['bank/metrics', 'analysis'],
        ['bank/car', 'answer'],
      ],
    );
    assert.equal(new SearchIndex([question('x/1', '无关', { code: [{ lang: 'python', source: '# 计算召回率\n' }] })], []).search('召回率')[0].field, 'code');
  });

  it('finds a single Chinese character', () => {
    assert.deepEqual(ids(index.search('控')), ['bank/risk']);
  });

  it('finds part of a code identifier whatever its case', () => {
    for (const query of ['RandomForest', 'randomforest', 'RANDOMFORESTCLASSIFIER']) {
      const hits = index.search(query);
      assert.deepEqual(ids(hits), ['bank/forest'], query);
      assert.equal(hits[0].field, 'code');
    }
    assert.deepEqual(ids(index.search('Wav2Vec2')), ['bank/asr']);
  });

  it('finds questions of a domain by its English name even when their text is Chinese only', () => {
    assert.deepEqual(ids(index.search('finance')), ['bank/risk']);
    assert.deepEqual(ids(index.search('speech recognition')), ['bank/asr']);
    assert.deepEqual(ids(index.search('autonomous driving')), ['bank/car']);
    assert.deepEqual(ids(index.search('Self-Driving')), ['bank/car']);
    const [hit] = index.search('autonomous driving');
    assert.equal(hit.field, 'domain');
    assert.equal(hit.snippet, '自动驾驶与交通 · Autonomous Driving & Mobility');
  });

  it('finds questions tagged with a domain, below those whose primary domain it is', () => {
    const tagged = new SearchIndex([...QUESTIONS, question('bank/ads', '广告系统如何排序？', { domain: 'recsys' })], DOMAINS);
    assert.deepEqual(ids(tagged.search('recommendation')), ['bank/ads', 'bank/recsys']);
  });

  it('ranks the questions of a named domain whose title names the domain first', () => {
    const bank = new SearchIndex(
      [question('x/plain', '如何控制成本？', { domain: 'finance' }), question('x/named', '金融领域的模型如何上线？', { domain: 'finance' })],
      DOMAINS,
    );
    assert.deepEqual(ids(bank.search('finance')), ['x/named', 'x/plain']);
  });

  it('corrects small typos in Latin words', () => {
    const [hit] = index.search('tranformer');
    assert.equal(hit.id, 'bank/attention');
    assert.equal(hit.field, 'title');
    assert.deepEqual(ids(index.search('recomendation')), ['bank/recsys']);
    assert.deepEqual(ids(index.search('randomforrest')), ['bank/forest']);
    assert.deepEqual(ids(index.search('finanse')), ['bank/risk']);
  });

  it('ranks an exact match of a corrected word below the same match spelt right', () => {
    const exact = index.search('transformer')[0];
    const fuzzy = index.search('tranformer')[0];
    assert.equal(exact.id, fuzzy.id);
    assert.ok(exact.score > fuzzy.score);
  });

  it('does not correct a word that has exact matches', () => {
    const bank = new SearchIndex([question('x/typo', '拼错的 tranformer'), question('x/right', 'Transformer 原理')], []);
    assert.deepEqual(ids(bank.search('tranformer')), ['x/typo']);
  });

  it('ranks title matches first, then prompt, then answer, analysis and code, then domain', () => {
    const bank = new SearchIndex(
      [
        question('x/code', '甲', { code: [{ lang: 'python', source: 'fraud_score = 1' }] }),
        question('x/domain', '乙', { domain: 'finance' }),
        question('x/answer', '丙', { answer: 'Fraud detection' }),
        question('x/prompt', '丁', { prompt: 'Explain fraud.' }),
        question('x/title', 'Fraud detection with LLMs'),
      ],
      DOMAINS,
    );
    const hits = bank.search('fraud');
    assert.deepEqual(ids(hits), ['x/title', 'x/prompt', 'x/answer', 'x/code', 'x/domain']);
    assert.deepEqual(
      hits.map((hit) => hit.field),
      ['title', 'prompt', 'answer', 'code', 'domain'],
    );
  });

  it('finds the best few matches however many weaker ones come before them', () => {
    const filler = '与此无关的长段落。'.repeat(30);
    const weak = Array.from({ length: 120 }, (_, i) =>
      question(`x/weak${i}`, `问题${i}`, { answer: `${filler} 这里提到 Conv2D 一次。`, analysis: `${filler}` }),
    );
    const strong = [
      question('x/code', '卷积', { code: [{ lang: 'python', source: 'Conv2D' }] }),
      question('x/early', '卷积层', { analysis: 'Conv2D 是二维卷积层。' }),
      question('x/domain', '语音', { domain: 'speech' }),
    ];
    const bank = new SearchIndex([...weak, ...strong], DOMAINS);
    const all = bank.search('conv2d', 1000);
    assert.equal(all.length, 122);
    assert.deepEqual(ids(all.slice(0, 2)), ['x/code', 'x/early']);
    for (const limit of [1, 2, 5, 50]) assert.deepEqual(bank.search('conv2d', limit), all.slice(0, limit), `limit ${limit}`);
    const speech = bank.search('speech', 1000);
    for (const limit of [1, 3]) assert.deepEqual(bank.search('speech', limit), speech.slice(0, limit), `speech, limit ${limit}`);
  });

  it('ranks a whole-word match above the same letters inside a longer word', () => {
    const bank = new SearchIndex([question('x/street', 'Street view maps'), question('x/tree', 'Decision tree basics')], []);
    assert.deepEqual(ids(bank.search('tree')), ['x/tree', 'x/street']);
  });

  it('finds questions containing every word of a multi-word query, the whole phrase first', () => {
    const bank = new SearchIndex(
      [question('x/apart', '控制成本，降低风险'), question('x/phrase', '风险 控制 的方法'), question('x/one', '只有风险')],
      [],
    );
    assert.deepEqual(ids(bank.search('风险 控制')), ['x/phrase', 'x/apart']);
    assert.deepEqual(ids(bank.search('控制 风险')).sort(), ['x/apart', 'x/phrase']);
  });

  it('matches full-width letters and digits as their ASCII forms', () => {
    assert.deepEqual(ids(index.search('ＲａｎｄｏｍＦｏｒｅｓｔ')), ['bank/forest']);
  });

  it('gives a one-line snippet around the match without markdown markers', () => {
    const long = question('x/long', '长文', {
      answer: `${'前文'.repeat(40)}\n\n- **重点**：使用 \`RandomForestClassifier\`\n  进行分类。${'后文'.repeat(40)}`,
    });
    const [hit] = new SearchIndex([long], []).search('randomforest');
    assert.equal(hit.field, 'answer');
    assert.match(hit.snippet, /^….*重点：使用 RandomForestClassifier 进行分类。.*…$/);
    assert.ok(hit.snippet.length <= 50, hit.snippet);
    assert.doesNotMatch(hit.snippet, /[*`\n]/);
  });

  it('returns nothing for an empty or whitespace-only query', () => {
    for (const query of ['', ' ', '\t\n', '\u3000']) assert.deepEqual(index.search(query), [], JSON.stringify(query));
  });

  it('returns at most limit hits, and none for a limit below one', () => {
    const many = new SearchIndex(
      Array.from({ length: 80 }, (_, i) => question(`x/${i}`, `模型问题 ${i}`)),
      [],
    );
    assert.equal(many.search('模型').length, 50);
    assert.equal(many.search('模型', 7).length, 7);
    assert.deepEqual(ids(many.search('模型', 3)), ['x/0', 'x/1', 'x/2']);
    assert.deepEqual(many.search('模型', 0), []);
  });

  it('treats regular-expression metacharacters as plain text', () => {
    const bank = new SearchIndex([question('x/cpp', 'C++ 与 Python (a|b)* 的区别'), question('x/other', 'Python')], []);
    assert.deepEqual(ids(bank.search('c++')), ['x/cpp']);
    assert.deepEqual(ids(bank.search('(a|b)*')), ['x/cpp']);
    // Nothing in the bank contains these characters literally; as patterns they would match everything or throw.
    for (const query of ['.*', '[', '\\', '^$', '?+', '(?<x>', '\\u{']) assert.deepEqual(ids(bank.search(query)), [], query);
  });

  it('answers a very long query without error', () => {
    assert.deepEqual(index.search('风险控制'.repeat(5000)), []);
    assert.deepEqual(index.search('qqqq '.repeat(5000)), []);
    assert.equal(index.search(`风险控制${' '.repeat(10000)}`)[0].id, 'bank/risk');
  });

  it('indexes exactly the questions it is given, repeats included', () => {
    const repeat = question('bank/risk~2', '如何在金融领域应用大模型进行风险控制？', { duplicateOf: 'bank/risk' });
    assert.deepEqual(ids(new SearchIndex([QUESTIONS[0], repeat], []).search('风险控制')), ['bank/risk', 'bank/risk~2']);
    assert.deepEqual(new SearchIndex([], DOMAINS).search('finance'), []);
  });
});

describe('SearchIndex over the bundled banks', () => {
  const domains = loadDomains(JSON.parse(readFileSync(path.join(CONTENT, 'domains.json'), 'utf8')));
  const sources = readdirSync(CONTENT)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ file: `content/${name}`, bytes: readFileSync(path.join(CONTENT, name)) }));
  const items = practiceItems(buildIndex(sources, domains));
  const bundled = new SearchIndex(items, domains);
  const byId = new Map(items.map((item) => [item.id, item]));
  const titles = (hits: SearchHit[]) => hits.map((hit) => hit.title);
  const fullText = (id: string) => {
    const item = byId.get(id)!;
    return [item.title, item.prompt, item.answer, item.analysis, ...item.code.map((block) => block.source)].join('\n');
  };

  it('ranks the question titled with a Chinese phrase first', () => {
    const hits = bundled.search('风险控制');
    assert.equal(hits[0].title, '如何在金融领域应用大模型进行风险控制？');
    assert.equal(hits[0].field, 'title');
  });

  it('finds Chinese phrases that only appear in the questions’ bodies', () => {
    for (const query of ['差分隐私', '召回率']) {
      const textHits = bundled.search(query).filter((hit) => hit.field !== 'domain');
      assert.ok(textHits.length >= 3, query);
      for (const hit of textHits) assert.ok(fullText(hit.id).includes(query), `${query}: ${hit.title}`);
    }
    assert.ok(titles(bundled.search('召回率')).includes('如何评估大模型的效果？'));
  });

  it('finds code identifiers in the reference code', () => {
    for (const [query, expected] of [
      ['RandomForest', 'randomforestclassifier'],
      ['Wav2Vec2', 'wav2vec2'],
    ]) {
      const textHits = bundled.search(query).filter((hit) => hit.field !== 'domain');
      assert.ok(textHits.length >= 2, query);
      for (const hit of textHits) assert.ok(fullText(hit.id).toLowerCase().includes(expected), `${query}: ${hit.title}`);
    }
  });

  it('finds questions by English domain words', () => {
    const finance = bundled.search('finance', 500);
    const financeItems = items.filter((item) => item.domain === 'finance');
    assert.ok(financeItems.length > 0);
    for (const item of financeItems) assert.ok(finance.some((hit) => hit.id === item.id), item.title);
    assert.ok(titles(bundled.search('speech recognition')).some((title) => title.includes('语音识别')));
    assert.ok(titles(bundled.search('autonomous driving')).includes('大模型在自动驾驶中的应用有哪些？'));
  });

  it('corrects small typos', () => {
    const transformer = bundled.search('tranformer');
    assert.ok(transformer.length > 0);
    for (const hit of transformer) assert.ok(/transformer/i.test(fullText(hit.id)) || hit.field === 'domain', hit.title);
    assert.ok(titles(bundled.search('recomendation')).some((title) => title.includes('推荐系统')));
  });

  describe('through the term table (content/terms.json)', () => {
    const { table } = loadTermTable(JSON.parse(readFileSync(path.join(CONTENT, 'terms.json'), 'utf8')));
    const withTerms = new SearchIndex(items, domains, table);
    const mentions = (hit: SearchHit, name: string) => fullText(hit.id).includes(name);

    it('ranks the questions about 微调 first for "fine-tuning" (without the table, generic training questions)', () => {
      const withoutTable = bundled.search('fine-tuning', 4);
      assert.ok(withoutTable.every((hit) => !mentions(hit, '微调')), JSON.stringify(withoutTable));
      const direct = bundled
        .search('微调')
        .filter((hit) => hit.field !== 'domain')
        .map((hit) => hit.id);
      const hits = withTerms.search('fine-tuning', direct.length);
      assert.ok(direct.length >= 3);
      assert.deepEqual(hits.map((hit) => hit.id), direct);
      assert.ok(hits.every((hit) => hit.snippet.includes('微调')));
    });

    it('reaches Chinese questions from English terms and English text from Chinese ones, best match first', () => {
      const privacy = withTerms.search('differential privacy', 3);
      assert.ok(privacy.every((hit) => mentions(hit, '差分隐私')), JSON.stringify(privacy));
      assert.ok(withTerms.search('knowledge distillation', 3).every((hit) => mentions(hit, '蒸馏')));
      const english = new SearchIndex(
        [...items, makeQuestion({ id: 'en/lora', title: 'When would you choose LoRA over full fine-tuning?', answer: 'Low-rank adapters.' })],
        domains,
        table,
      );
      assert.equal(english.search('低秩适配')[0].id, 'en/lora');
    });

    it('leaves queries the table does not name as they were', () => {
      for (const query of ['口音', 'tranformer', 'randomforest', 'healthcare ai', '医疗影像诊断']) {
        assert.deepEqual(table.namesOf(query), [], query);
        assert.deepEqual(withTerms.search(query), bundled.search(query), query);
      }
    });
  });
});
