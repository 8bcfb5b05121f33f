import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTermTable } from '../../src/core/check/termTable';
import { loadDomains } from '../../src/core/domains';
import { fnv1a32Bytes } from '../../src/core/fnv';
import { normaliseTitle } from '../../src/core/ids';
import { buildIndex, practiceItems } from '../../src/core/indexer';

const CONTENT = join(__dirname, '../../content');
const domains = loadDomains(JSON.parse(readFileSync(join(CONTENT, 'domains.json'), 'utf8')));
const terms = loadTermTable(JSON.parse(readFileSync(join(CONTENT, 'terms.json'), 'utf8'))).table.pairs;
const files = readdirSync(CONTENT).filter((name) => name.endsWith('.md')).sort();
// Classified as the extension classifies them: the taxonomy with the term table's names (core/termAliases.ts).
const index = buildIndex(files.map((name) => ({ file: name, bytes: readFileSync(join(CONTENT, name)) })), domains, terms);
const questionsOf = (file: string) => index.questions.filter((q) => q.document === file);

describe('the bundled banks', () => {
  it('keep every question, id, domain and text they had when their index was recorded (fixtures/bundled-index.json)', () => {
    // Recorded before the parser learnt other layouts: whatever it learns, the bundled banks index exactly as before.
    const recorded = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'bundled-index.json'), 'utf8'));
    const hash = (text: string) => fnv1a32Bytes(new TextEncoder().encode(text));
    const rows = index.questions.map((q) => [
      q.id,
      q.domain,
      q.title,
      q.duplicateOf ?? null,
      hash(JSON.stringify([q.prompt, q.answer, q.analysis, q.code, q.section ?? null, q.number ?? null, q.tags, q.hasReference, q.line])),
    ]);
    assert.deepEqual(index.documents, recorded.documents);
    assert.deepEqual(rows, recorded.questions);
  });

  it('index 30, 30, 50 and 30 questions from the first four banks', () => {
    const counts = new Map(index.documents.map((d) => [d.file, d.questionCount]));
    assert.equal(counts.get('vr-startup-opportunities.md'), 30);
    assert.equal(counts.get('industrialization-business-models.md'), 30);
    assert.equal(counts.get('commercial-deployment.md'), 50);
    assert.equal(counts.get('product-innovation.md'), 30);
  });

  it('give competitive-advantage 20 answered questions and 10 exercises, with its two re-answered questions as repeats', () => {
    const all = questionsOf('competitive-advantage.md');
    const practice = practiceItems(index).filter((q) => q.document === 'competitive-advantage.md');
    assert.equal(all.length, 32);
    assert.equal(practice.length, 30);
    assert.equal(practice.filter((q) => q.hasReference).length, 20);
    assert.equal(practice.filter((q) => !q.hasReference).length, 10);
    assert.equal(all.filter((q) => q.duplicateOf).length, 2);
    const exercises = practice.filter((q) => !q.hasReference);
    assert.ok(exercises.every((q) => q.title.startsWith('编写一个算法')));
    assert.deepEqual(
      [exercises[0].line, exercises[0].number, exercises[0].title],
      [30, 1, '编写一个算法，实现一个简单的神经网络，用于图像分类。'],
    );
  });

  it('have no two practice items with the same normalised title in one bank', () => {
    for (const file of files) {
      const titles = practiceItems(index).filter((q) => q.document === file).map((q) => normaliseTitle(q.title));
      assert.equal(new Set(titles).size, titles.length, file);
    }
  });

  it('give every question of the banks with examples at least one code block', () => {
    for (const file of ['vr-startup-opportunities.md', 'commercial-deployment.md', 'product-innovation.md']) {
      const without = questionsOf(file).filter((q) => q.code.length === 0).map((q) => q.line);
      assert.deepEqual(without, [], file);
    }
  });

  it('end the code block that question 17 of the VR bank leaves open at question 18', () => {
    const vr = questionsOf('vr-startup-opportunities.md');
    const q17 = vr.find((q) => q.number === 17);
    const q18 = vr.find((q) => q.number === 18);
    assert.equal(q17?.title, '虚拟现实中的大模型在零售业面临的挑战');
    assert.equal(q18?.title, '虚拟现实中的大模型在旅游领域面临的挑战');
    assert.equal(q17?.code.length, 1);
    assert.ok(q17?.code[0].source.includes('retail_model'));
    assert.ok(q17?.code[0].source.endsWith('tfp.privacy.loops.R'));
    assert.equal(q18?.code.length, 1);
    assert.ok(q18?.code[0].source.includes('travel_model'));
    assert.ok(q18?.analysis.startsWith('该例子展示了如何使用差分隐私技术进行旅游领域'));
    const fences = index.diagnostics.filter((d) => d.file === 'vr-startup-opportunities.md' && d.message.startsWith('Code block'));
    assert.deepEqual(fences.map((d) => [d.line, d.severity]), [[638, 'warning']]);
  });

  it('report no other diagnostics', () => {
    assert.equal(index.diagnostics.length, 1);
  });

  it('give every question a title and a prompt, and unique ids', () => {
    assert.ok(index.questions.every((q) => q.title.trim() !== '' && q.prompt.trim() !== ''));
    assert.equal(new Set(index.questions.map((q) => q.id)).size, index.questions.length);
  });

  it('give every product-innovation question its section heading', () => {
    const questions = questionsOf('product-innovation.md');
    assert.ok(questions.every((q) => q.section));
    assert.equal(questions[0].section, '大模型在自然语言处理（NLP）中的应用');
    assert.equal(questions[0].title, '如何利用大模型实现高效的文本分类？');
  });

  it('take each document title from the bank’s first heading', () => {
    const titles = new Map(index.documents.map((d) => [d.file, d.title]));
    assert.equal(titles.get('vr-startup-opportunities.md'), 'AI大模型在虚拟现实（VR）领域的创业机会');
    assert.equal(titles.get('competitive-advantage.md'), 'AI 大模型创业：如何利用竞争优势？');
  });
});
