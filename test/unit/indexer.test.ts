import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionId } from '../../src/core/ids';
import { buildIndex, practiceItems, variantsOf, type BankSource } from '../../src/core/indexer';
import { GENERAL_DOMAIN, type Domain } from '../../src/core/model';

const DOMAINS: Domain[] = [
  { id: 'training', label: { en: 'Training & Optimisation', 'zh-cn': '训练与优化' }, aliases: ['过拟合', '训练', 'overfitting'] },
];

function fixture(name: string): BankSource {
  return { file: `banks/${name}`, bytes: readFileSync(join(__dirname, '../fixtures/banks', name)) };
}

function source(file: string, text: string): BankSource {
  return { file, bytes: new TextEncoder().encode(text) };
}

describe('buildIndex', () => {
  it('lists each bank as a document with its slug, title and question count, repeats included', () => {
    const index = buildIndex([fixture('repeats.md'), fixture('interview-sections.md')], DOMAINS);
    assert.deepEqual(index.documents, [
      { file: 'banks/repeats.md', slug: 'repeats', title: 'Repeats', questionCount: 4 },
      { file: 'banks/interview-sections.md', slug: 'interview-sections', title: '大模型如何推动产品创新', questionCount: 3 },
    ]);
    assert.deepEqual(index.questions.map((q) => q.document), [...Array(4).fill('banks/repeats.md'), ...Array(3).fill('banks/interview-sections.md')]);
  });

  it('ids questions by bank slug and normalised title, and marks repeats of a title', () => {
    const index = buildIndex([fixture('repeats.md')], DOMAINS);
    const first = questionId('repeats', '如何优化大模型的训练过程');
    assert.deepEqual(index.questions.map((q) => [q.id, q.duplicateOf]), [
      [first, undefined],
      [questionId('repeats', '如何防止过拟合'), undefined],
      [`${first}~2`, first],
      [`${first}~3`, first],
    ]);
  });

  it('keeps every id when other questions are added, removed or reordered', () => {
    const v1 = '### 1. 甲？\n\n**答案：** a\n\n### 2. 乙？\n\n**答案：** b\n\n### 3. 丙？\n\n**答案：** c\n';
    const v2 = '### 1. 丁？\n\n**答案：** d\n\n### 2. 丙？\n\n**答案：** c2\n\n### 3. 甲？\n\n**答案：** a2\n';
    const ids = (text: string) => new Map(buildIndex([source('bank.md', text)], DOMAINS).questions.map((q) => [q.title, q.id]));
    const before = ids(v1);
    const after = ids(v2);
    assert.equal(after.get('甲？'), before.get('甲？'));
    assert.equal(after.get('丙？'), before.get('丙？'));
  });

  it('links listed questions to their answers and counts the unanswered ones as practice items', () => {
    const index = buildIndex([fixture('question-lists.md')], DOMAINS);
    assert.equal(index.questions.length, 6);
    assert.equal(practiceItems(index).length, 5);
    assert.deepEqual(practiceItems(index).filter((q) => !q.hasReference).map((q) => q.number), [1, 2]);
    assert.deepEqual(index.questions.filter((q) => q.duplicateOf).map((q) => q.line), [38]);
  });

  it('classifies each question with the taxonomy, falling back to general', () => {
    const index = buildIndex([fixture('repeats.md'), fixture('label-synonyms.md')], DOMAINS);
    assert.equal(index.questions.find((q) => q.title === '如何防止过拟合？')?.domain, 'training');
    assert.equal(index.questions.find((q) => q.title === 'What is attention?')?.domain, GENERAL_DOMAIN);
    assert.deepEqual(index.questions.map((q) => q.tags), index.questions.map(() => []), 'one known domain leaves no tags');
  });

  it('tags a question with the other domains it is also about', () => {
    const domains: Domain[] = [...DOMAINS, { id: 'finance', label: { en: 'Finance', 'zh-cn': '金融' }, aliases: ['金融', '风控'] }];
    const text = [
      '#### **面试题：** 金融风控模型如何防止过拟合？\n\n**答案：** 在金融风控场景中，用正则化和早停防止过拟合。\n',
      '#### **面试题：** 如何防止过拟合？\n\n**答案：** 正则化。\n',
    ].join('\n');
    const index = buildIndex([source('a.md', text)], domains);
    assert.deepEqual(index.questions.map((q) => [q.domain, q.tags]), [
      ['finance', ['training']],
      ['training', []],
    ]);
  });

  it('leaves optional fields out instead of setting them to undefined', () => {
    const [question] = buildIndex([source('a.md', '#### **面试题：** 甲？\n\n**答案：** a\n')], DOMAINS).questions;
    assert.deepEqual(Object.keys(question).filter((key) => ['number', 'section', 'duplicateOf'].includes(key)), []);
  });

  it('collects the parser’s diagnostics', () => {
    const index = buildIndex([fixture('unclosed-fence.md')], DOMAINS);
    assert.deepEqual(index.diagnostics.map((d) => [d.file, d.line, d.severity]), [['banks/unclosed-fence.md', 9, 'warning']]);
  });

  it('warns about a bank without questions, including an empty file, naming the layouts tried and the headings seen', () => {
    const index = buildIndex([fixture('no-questions.md'), source('empty.md', '')], DOMAINS);
    assert.deepEqual(index.questions, []);
    assert.deepEqual(index.documents.map((d) => d.questionCount), [0, 0]);
    const tried =
      'No questions found. Layouts tried: numbered headings, dotted section numbers, question headings, Q:/A: prefixes, <details> blocks, bold questions, question lists, question tables, numbered paragraphs; ';
    const frontMatter = 'If headings of one level are the questions, add front matter `dojo: { questionHeading: N }` (see the bank format).';
    assert.deepEqual(index.diagnostics, [
      { file: 'banks/no-questions.md', line: 1, severity: 'warning', message: `${tried}headings seen: line 3 "只有说明的文件", line 7 "附录". ${frontMatter}` },
      { file: 'empty.md', line: 1, severity: 'warning', message: `${tried}no headings. ${frontMatter}` },
    ]);
  });

  it('gives every question the front matter’s domain, and reports an unknown domain id with the valid ones', () => {
    const forced = buildIndex([source('nlp.md', '---\ndojo:\n  domain: training\n---\n\n### 1. 什么是卷积神经网络的池化层？\n\n缩小特征图。\n')], DOMAINS);
    assert.deepEqual(forced.questions.map((q) => q.domain), ['training']);
    assert.deepEqual(forced.questions[0].tags, []);
    assert.deepEqual(forced.diagnostics, []);
    const unknown = buildIndex([source('x.md', '---\ndojo:\n  domain: cooking\n---\n\n### 1. 什么是卷积神经网络的池化层？\n\n缩小特征图。\n')], DOMAINS);
    assert.equal(unknown.questions[0].domain, 'general');
    assert.equal(unknown.diagnostics.length, 1);
    assert.equal(unknown.diagnostics[0].severity, 'error');
    assert.match(unknown.diagnostics[0].message, /`dojo\.domain` "cooking" is not a domain id; it was ignored\. Valid ids: training\.$/);
  });

  it('reports a binary file with one error and indexes nothing from it', () => {
    const index = buildIndex([{ file: 'x.md', bytes: Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]) }], DOMAINS);
    assert.deepEqual(index.documents, [{ file: 'x.md', slug: 'x', title: 'x', questionCount: 0 }]);
    assert.deepEqual(index.diagnostics, [{ file: 'x.md', line: 1, severity: 'error', message: 'binary file, not a markdown bank' }]);
  });

  it('indexes a GB18030 bank and warns that it is not UTF-8', () => {
    // `### 1. 什么是模型？\n\n**答案：** 函数。\n` in GB18030.
    const bytes = Uint8Array.from([
      0x23, 0x23, 0x23, 0x20, 0x31, 0x2e, 0x20, 0xca, 0xb2, 0xc3, 0xb4, 0xca, 0xc7, 0xc4, 0xa3, 0xd0, 0xcd, 0xa3, 0xbf, 0x0a,
      0x0a, 0x2a, 0x2a, 0xb4, 0xf0, 0xb0, 0xb8, 0xa3, 0xba, 0x2a, 0x2a, 0x20, 0xba, 0xaf, 0xca, 0xfd, 0xa1, 0xa3, 0x0a,
    ]);
    const index = buildIndex([{ file: 'gbk.md', bytes }], DOMAINS);
    assert.deepEqual(index.questions.map((q) => [q.title, q.answer]), [['什么是模型？', '函数。']]);
    assert.deepEqual(index.diagnostics.map((d) => d.severity), ['warning']);
    assert.match(index.diagnostics[0].message, /GB18030/);
  });

  it('indexes CRLF text with a byte order mark exactly like the LF original', () => {
    const lf = readFileSync(join(__dirname, '../fixtures/banks/question-lists.md'), 'utf8');
    const crlfBytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(lf.replace(/\n/g, '\r\n'))]);
    assert.deepEqual(buildIndex([{ file: 'a.md', bytes: crlfBytes }], DOMAINS), buildIndex([source('a.md', lf)], DOMAINS));
  });

  it('turns an unexpected failure in one bank into an error diagnostic and still indexes the others', () => {
    const broken = { file: 'broken.md', bytes: undefined as unknown as Uint8Array };
    const index = buildIndex([broken, fixture('repeats.md')], DOMAINS);
    assert.deepEqual(index.documents.map((d) => [d.file, d.questionCount]), [['broken.md', 0], ['banks/repeats.md', 4]]);
    assert.equal(index.diagnostics.length, 1);
    assert.equal(index.diagnostics[0].severity, 'error');
    assert.match(index.diagnostics[0].message, /^Indexing failed unexpectedly: /);
  });

  it('gives banks with the same file name different slugs, so their ids never clash', () => {
    const text = '### 1. 甲？\n\n**答案：** a\n';
    const index = buildIndex([source('one/bank.md', text), source('two/bank.md', text)], DOMAINS);
    assert.deepEqual(index.documents.map((d) => d.slug), ['bank', 'bank-2']);
    assert.notEqual(index.questions[0].id, index.questions[1].id);
    assert.deepEqual(index.diagnostics.map((d) => [d.file, d.severity]), [['two/bank.md', 'info']]);
  });
});

describe('practiceItems and variantsOf', () => {
  const index = buildIndex([fixture('repeats.md')], DOMAINS);
  const first = questionId('repeats', '如何优化大模型的训练过程');

  it('practises every question except repeats', () => {
    assert.deepEqual(practiceItems(index).map((q) => q.title), ['如何优化大模型的训练过程？', '如何防止过拟合？']);
  });

  it('returns a question with its repeats, first one first, from any of their ids', () => {
    const family = [first, `${first}~2`, `${first}~3`];
    assert.deepEqual(variantsOf(index, first).map((q) => q.id), family);
    assert.deepEqual(variantsOf(index, `${first}~3`).map((q) => q.id), family);
  });

  it('returns just the question when it has no repeats, and nothing for an unknown id', () => {
    const single = questionId('repeats', '如何防止过拟合');
    assert.deepEqual(variantsOf(index, single).map((q) => q.id), [single]);
    assert.deepEqual(variantsOf(index, 'repeats/00000000'), []);
  });
});
