import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyDomain, domainLabel, loadDomains, type ClassifyInput } from '../../src/core/domains';
import { loadCorpusFiles } from '../../bench/parserQuality';
import { buildIndex } from '../../src/core/indexer';
import { GENERAL_DOMAIN, type Domain } from '../../src/core/model';

const contentDir = join(__dirname, '..', '..', 'content');
const bundled = loadDomains(JSON.parse(readFileSync(join(contentDir, 'domains.json'), 'utf8')));

function domain(id: string, aliases: string[]): Domain {
  return { id, label: { en: id, 'zh-cn': id }, aliases };
}

function classify(fields: Partial<ClassifyInput>, domains: Domain[] = bundled) {
  return classifyDomain({ title: '', prompt: '', answer: '', documentTitle: '', ...fields }, domains);
}

describe('loadDomains', () => {
  it('loads the bundled taxonomy: the sixteen ids in order, each labelled in both languages', () => {
    assert.deepEqual(
      bundled.map((d) => d.id),
      ['fundamentals', 'training', 'inference', 'data', 'evaluation', 'nlp', 'vision', 'speech', 'recsys', 'finance',
        'healthcare', 'mobility', 'immersive', 'industry', 'business', 'engineering'],
    );
    assert.deepEqual(bundled.find((d) => d.id === 'engineering')?.label, {
      en: 'Software Engineering & DevOps',
      'zh-cn': '软件工程与运维',
    });
    assert.deepEqual(bundled.find((d) => d.id === 'finance')?.label, { en: 'Finance', 'zh-cn': '金融' });
    assert.deepEqual(bundled.find((d) => d.id === 'data')?.label, {
      en: 'Data, Privacy & Security',
      'zh-cn': '数据、隐私与安全',
    });
  });

  it('has the English words users search with among the aliases', () => {
    const aliasesOf = (id: string) => bundled.find((d) => d.id === id)?.aliases ?? [];
    assert.ok(aliasesOf('finance').includes('finance'));
    assert.ok(aliasesOf('speech').includes('speech recognition'));
    assert.ok(aliasesOf('mobility').includes('autonomous driving'));
    assert.ok(aliasesOf('recsys').includes('recommendation'));
    assert.ok(aliasesOf('healthcare').includes('healthcare'));
    assert.ok(aliasesOf('healthcare').includes('medical'));
  });

  it('accepts one domain listing both spellings of an alias, with a hyphen and with a space', () => {
    assert.deepEqual(loadDomains([{ id: 'training', label: { en: 'T', 'zh-cn': 'T' }, aliases: ['fine-tuning', 'fine tuning'] }])[0].aliases, ['fine-tuning', 'fine tuning']);
  });

  const valid = { id: 'finance', label: { en: 'Finance', 'zh-cn': '金融' }, aliases: ['金融'] };
  const rejects: [string, unknown, RegExp][] = [
    ['a non-array', { domains: [] }, /expected an array/],
    ['an entry that is not an object', [valid, 'speech'], /entry 1: expected an object/],
    ['a missing id', [{ ...valid, id: undefined }], /entry 0: "id"/],
    ['a repeated id', [valid, { ...valid, aliases: ['银行'] }], /entry 1 \("finance"\): the id is used twice/],
    ['the reserved general id', [{ ...valid, id: 'general' }], /entry 0 \("general"\): the id is reserved/],
    ['a label without zh-cn', [{ ...valid, label: { en: 'Finance' } }], /entry 0 \("finance"\): "label"/],
    ['an empty alias list', [{ ...valid, aliases: [] }], /entry 0 \("finance"\): "aliases"/],
    ['an upper-case alias', [{ ...valid, aliases: ['Finance'] }], /entry 0 \("finance"\): alias "Finance"/],
    ['an alias of two domains', [valid, { ...valid, id: 'bank', aliases: ['金融'] }], /"bank"\): alias "金融" is already an alias of "finance"/],
    ['one alias spelt with a hyphen and a space in two domains', [{ ...valid, aliases: ['fine-tuning'] }, { ...valid, id: 'bank', aliases: ['fine tuning'] }], /"bank"\): alias "fine tuning" is already an alias of "finance"/],
    ['an alias listed twice in one domain', [{ ...valid, aliases: ['金融', '金融'] }], /entry 0 \("finance"\): alias "金融" is already an alias of "finance"/],
  ];
  for (const [what, json, message] of rejects) {
    it(`throws an error naming the entry for ${what}`, () => {
      assert.throws(() => loadDomains(json), message);
    });
  }
});

describe('domainLabel', () => {
  const finance = domain('finance', ['金融']);
  finance.label = { en: 'Finance', 'zh-cn': '金融' };

  it('gives the Chinese label to any Chinese locale and the English one otherwise', () => {
    assert.equal(domainLabel(finance, 'zh-cn'), '金融');
    assert.equal(domainLabel(finance, 'zh-TW'), '金融');
    assert.equal(domainLabel(finance, 'en'), 'Finance');
    assert.equal(domainLabel(finance, 'de'), 'Finance');
  });

  it('labels the general catch-all when there is no domain', () => {
    assert.equal(domainLabel(undefined, 'en'), 'General');
    assert.equal(domainLabel(undefined, 'zh-cn'), '综合');
  });
});

describe('classifyDomain', () => {
  const finance = domain('finance', ['金融', 'finance']);
  const speech = domain('speech', ['语音', '语音识别', 'speech']);
  const vr = domain('immersive', ['vr', '虚拟现实', 'ar']);
  const small = [finance, speech, vr];

  it('lets the title decide over an answer that mentions another domain throughout', () => {
    const result = classify(
      { title: '金融领域的挑战', answer: '语音识别 语音 speech 语音识别 speech 语音' },
      small,
    );
    assert.equal(result.domain, 'finance');
  });

  it('uses the prompt and then the answer when the title names no domain', () => {
    assert.equal(classify({ title: '有哪些挑战？', prompt: '在语音识别中', answer: '金融 finance' }, small).domain, 'speech');
    assert.equal(classify({ title: '有哪些挑战？', answer: '语音识别 and speech' }, small).domain, 'speech');
  });

  it('counts the section heading as context for the question under it', () => {
    assert.equal(classify({ title: '如何实现高效的系统？', section: '大模型在金融中的应用' }, small).domain, 'finance');
  });

  it('prefers the longer alias where two overlap', () => {
    const training = domain('training', ['模型训练']);
    const data = domain('data', ['训练数据集']);
    // Scanning left to right would take "模型训练" first and never see "训练数据集".
    assert.equal(classify({ title: '大模型训练数据集的质量' }, [training, data]).domain, 'data');
  });

  it("discounts aliases that also name the bank's overall topic", () => {
    const documentTitle = 'AI大模型在虚拟现实（VR）领域的创业机会';
    assert.equal(classify({ title: '虚拟现实中的大模型在金融领域面临的挑战', documentTitle }, small).domain, 'finance');
    assert.equal(classify({ title: 'VR场景中的大模型技术挑战是什么？', documentTitle }, small).domain, 'immersive');
  });

  it('treats "基于X的" as the technique and classifies by the subject that follows', () => {
    const fundamentals = domain('fundamentals', ['强化学习']);
    const games = domain('immersive', ['游戏']);
    assert.equal(classify({ title: '实现一个基于强化学习的智能游戏系统' }, [fundamentals, games]).domain, 'immersive');
    assert.equal(classify({ title: '强化学习在游戏中的应用' }, [fundamentals, games]).domain, 'fundamentals');
  });

  it('reads answers with a great many 基于, closed by 的 or not', () => {
    const fundamentals = domain('fundamentals', ['强化学习']);
    const games = domain('immersive', ['游戏']);
    for (const answer of ['基于'.repeat(100_000), '基于强化学习的游戏'.repeat(50_000)]) {
      assert.equal(classify({ title: '基于强化学习的游戏', answer }, [fundamentals, games]).domain, 'immersive');
    }
  });

  it('matches English aliases as whole words, allowing a plural s', () => {
    assert.equal(classify({ title: 'deep learning for cars' }, small).domain, GENERAL_DOMAIN);
    assert.equal(classify({ title: 'AR glasses' }, small).domain, 'immersive');
    assert.equal(classify({ title: 'Finances of a startup' }, small).domain, 'finance');
  });

  it('matches an English alias whatever its hyphens, spaces, letter case or plural', () => {
    const training = domain('training', ['fine-tuning', 'learning rate']);
    const vision = domain('vision', ['box']);
    assert.equal(classify({ title: 'Fine tuning a small model' }, [training]).domain, 'training');
    assert.equal(classify({ title: 'Learning-rate schedules' }, [training]).domain, 'training');
    assert.equal(classify({ title: 'Why do bounding BOXES overlap?' }, [vision]).domain, 'vision');
    assert.equal(classify({ title: 'Boxer training' }, [training, vision]).domain, GENERAL_DOMAIN);
  });

  it('breaks ties by taxonomy order', () => {
    assert.equal(classify({ title: '金融与语音' }, [finance, speech]).domain, 'finance');
    assert.equal(classify({ title: '金融与语音' }, [speech, finance]).domain, 'speech');
  });

  it('returns general with no tags when nothing fits, or only a passing mention in the answer does', () => {
    assert.deepEqual(classify({ title: '如何提高效率？', prompt: '请说明。', answer: '很多方法。' }, small), {
      domain: GENERAL_DOMAIN,
      tags: [],
    });
    assert.equal(classify({ title: '如何提高效率？', answer: '例如金融行业。' }, small).domain, GENERAL_DOMAIN);
  });

  it('tags other domains with a meaningful score, strongest first, at most three, never the primary one', () => {
    const domains = ['a', 'b', 'c', 'd', 'e'].map((id) => domain(id, [`${id}${id}`]));
    const result = classify({ title: 'aa', section: 'bb', prompt: 'cc dd ee', answer: 'ee' }, domains);
    assert.deepEqual(result, { domain: 'a', tags: ['b', 'e', 'c'] });
    assert.deepEqual(classify({ title: 'aa', answer: 'bb' }, domains).tags, []);
  });

  it('gives the same result whatever the letter case of the text', () => {
    assert.deepEqual(classify({ title: 'SPEECH recognition' }, small), classify({ title: 'speech recognition' }, small));
  });
});

describe('classifyDomain on English questions with the bundled taxonomy', () => {
  const cases: [string, string | undefined, string][] = [
    ['What is the difference between a Docker image and a container?', 'Containers', 'engineering'],
    ['How does the JVM garbage collector decide what to collect?', 'Java', 'engineering'],
    ['What is the purpose of the doctype declaration?', 'Front-end', 'engineering'],
    ['What is the difference between a liveness probe and a readiness probe?', 'Kubernetes', 'engineering'],
    ['When would you choose LoRA over full fine tuning?', 'Large Language Models', 'training'],
    ['How does the KV cache speed up decoding?', undefined, 'inference'],
    ['Why do large language models hallucinate?', undefined, 'nlp'],
    ['Why can accuracy mislead on imbalanced data?', 'Classification metrics', 'evaluation'],
    ['How does non-maximum suppression work?', 'Object detection', 'vision'],
    ['P-tuning 和 Prefix-tuning 有什么区别？', undefined, 'training'],
    ['What is the difference between ArrayList and LinkedList?', undefined, 'engineering'],
    ['Compare bagging and boosting', undefined, 'fundamentals'],
  ];
  for (const [title, section, domainId] of cases) {
    it(`puts "${title}" in ${domainId}`, () => {
      assert.equal(classify({ title, section, prompt: title }).domain, domainId);
    });
  }

  it('leaves under 5% of the evaluation corpus\'s expected questions in general by their title and section alone', () => {
    const expected = loadCorpusFiles(join(__dirname, '..', '..')).flatMap((file) => file.expected);
    const general = expected.filter(({ title, section }) => classify({ title, section, prompt: title }).domain === GENERAL_DOMAIN);
    assert.ok(expected.length > 100, `only ${expected.length} expected questions`);
    assert.ok(general.length < expected.length * 0.05, `${general.length} of ${expected.length} in general: ${general.map((q) => q.title).join(' | ')}`);
  });
});

describe('classifyDomain over the bundled banks', () => {
  const sources = readdirSync(contentDir)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(contentDir, file))) }));
  const index = buildIndex(sources, bundled);
  const ids = new Set(bundled.map((d) => d.id));

  it('leaves at most 5% of the questions in general', () => {
    assert.ok(index.questions.length > 150, `only ${index.questions.length} questions indexed`);
    const general = index.questions.filter((q) => q.domain === GENERAL_DOMAIN);
    assert.ok(
      general.length <= index.questions.length * 0.05,
      `${general.length} general: ${general.map((q) => q.title).join(' | ')}`,
    );
  });

  it('assigns only taxonomy ids, with tags that differ from the primary domain', () => {
    for (const question of index.questions) {
      assert.ok(question.domain === GENERAL_DOMAIN || ids.has(question.domain), question.domain);
      assert.ok(question.tags.length <= 3);
      assert.ok(question.tags.every((tag) => ids.has(tag) && tag !== question.domain), question.title);
    }
  });

  const expected: [string, string, string][] = [
    ['vr-startup-opportunities.md', '虚拟现实中的大模型在金融领域面临的挑战', 'finance'],
    ['vr-startup-opportunities.md', 'VR场景中的大模型技术挑战是什么？', 'immersive'],
    ['vr-startup-opportunities.md', '虚拟现实中的大模型在医疗影像分析领域的应用', 'healthcare'],
    ['commercial-deployment.md', '如何在金融领域应用大模型进行风险控制？', 'finance'],
    ['commercial-deployment.md', '如何评估大模型的效果？', 'evaluation'],
    ['commercial-deployment.md', '如何防止过拟合？', 'training'],
    ['commercial-deployment.md', '如何优化大模型的推理性能？', 'inference'],
    ['commercial-deployment.md', '大模型在自动驾驶中的应用有哪些？', 'mobility'],
    ['commercial-deployment.md', '大模型如何进行图像识别？', 'vision'],
    ['commercial-deployment.md', '大模型在智能家居中的应用有哪些？', 'industry'],
    ['industrialization-business-models.md', '大模型在语音识别中的应用和挑战', 'speech'],
    ['industrialization-business-models.md', '大模型在社交媒体分析中的应用和挑战', 'nlp'],
    ['product-innovation.md', '如何利用大模型实现高效的推荐系统？', 'recsys'],
    ['competitive-advantage.md', 'AI 大模型的基本原理是什么？', 'fundamentals'],
    ['competitive-advantage.md', '如何处理 AI 大模型训练数据中的隐私问题？', 'data'],
    ['competitive-advantage.md', '如何构建一个可持续发展的 AI 大模型生态？', 'business'],
    ['competitive-advantage.md', '编写一个算法，实现一个基于强化学习的智能游戏系统。', 'immersive'],
  ];
  for (const [file, title, domainId] of expected) {
    it(`puts "${title}" (${file}) in ${domainId}`, () => {
      const found = index.questions.filter((q) => q.document === file && q.title === title);
      assert.ok(found.length > 0, `not indexed: ${title}`);
      for (const question of found) {
        assert.equal(question.domain, domainId);
      }
    });
  }
});
