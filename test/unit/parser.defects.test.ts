import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBank } from '../../src/core/parser';

function readFixture(name: string): string {
  return readFileSync(join(__dirname, '../fixtures/banks', name), 'utf8');
}

describe('parseBank: code fences', () => {
  it('ends an unclosed fence at the next question heading, marks that block truncated and warns with the fence’s original line', () => {
    const bank = parseBank('unclosed-fence.md', readFixture('unclosed-fence.md'));
    assert.deepEqual(bank.questions.map((q) => [q.line, q.title]), [[3, '第一个问题'], [12, '第二个问题']]);
    assert.deepEqual(bank.questions[0].code, [{ lang: 'python', source: 'def broken():\n    return 1 + tfp.R', truncated: true }]);
    assert.deepEqual(bank.questions[1].code, [{ lang: 'python', source: 'print("second")' }]);
    assert.equal(bank.questions[1].analysis, '第二个解析。');
    assert.deepEqual(bank.diagnostics, [
      {
        file: 'unclosed-fence.md',
        line: 9,
        severity: 'warning',
        message: 'Code block opened at line 9 is not closed; it was ended before the question heading at line 12.',
      },
    ]);
  });

  it('reports lines of the original file for everything after an inserted closing fence', () => {
    const text = '### 1. 甲\n\n```\nx\n### 2. 乙\n\n```\ny\n### 3. 丙\n\n**答案：** 丙的答案\n';
    const bank = parseBank('b.md', text);
    assert.deepEqual(bank.questions.map((q) => q.line), [1, 5, 9]);
    assert.deepEqual(bank.diagnostics.map((d) => d.line), [3, 7]);
  });

  it('warns about a fence left open at the end of the file and keeps its text as code, marked truncated', () => {
    const bank = parseBank('fence-never-closed.md', readFixture('fence-never-closed.md'));
    assert.deepEqual(bank.questions[0].code, [
      { lang: 'python', source: 'print("never closed")\n~~~\n# still code: a shorter closing fence does not close it', truncated: true },
    ]);
    assert.deepEqual(bank.diagnostics, [
      { file: 'fence-never-closed.md', line: 9, severity: 'warning', message: 'Code block opened at line 9 is not closed before the end of the file.' },
    ]);
  });

  it('keeps headings inside closed fences as code, including question headings in a markdown example', () => {
    const bank = parseBank('headings-in-code.md', readFixture('headings-in-code.md'));
    assert.deepEqual(bank.questions.map((q) => q.title), ['代码里的标题', 'Markdown 示例里的题目标题', '真正的第三题']);
    assert.equal(bank.questions[0].code[0].source, '# 定义模型\n## 训练\n### 评估\nmodel.evaluate()');
    assert.deepEqual(bank.questions[1].code, [{ lang: 'markdown', source: '### 3. 这不是一个问题\n**答案：** 示例' }]);
    assert.deepEqual(bank.diagnostics, []);
  });

  it('does not take a fence-like line whose info string has a backtick as an opening fence', () => {
    const bank = parseBank('b.md', '### 1. 甲\n\n``` `inline` ```\n\n### 2. 乙\n\n**答案：** 乙\n');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.answer]), [['甲', '``` `inline` ```'], ['乙', '乙']]);
    assert.deepEqual(bank.diagnostics, []);
  });
});

describe('parseBank: sections that are not questions', () => {
  it('skips introduction and conclusion sections, numbered or not', () => {
    const bank = parseBank('intro-and-conclusion.md', readFixture('intro-and-conclusion.md'));
    assert.deepEqual(bank.questions.map((q) => [q.number, q.title, q.answer]), [[2, '什么是迁移学习？', '复用已学到的表示。']]);
  });

  it('returns no questions and no diagnostics for a bank of prose', () => {
    const bank = parseBank('no-questions.md', readFixture('no-questions.md'));
    assert.deepEqual(bank, { title: '只有说明的文件', questions: [], diagnostics: [] });
  });

  it('titles a document without headings after its file name', () => {
    assert.deepEqual(parseBank('banks/empty.md', ''), { title: 'empty', questions: [], diagnostics: [] });
    assert.equal(parseBank('notes.txt', '只有一段文字。').title, 'notes');
  });

  it('does not take a question heading for the document title', () => {
    assert.equal(parseBank('q.md', '### 1. 甲\n\n**答案：** 甲\n').title, 'q');
  });
});

describe('parseBank: odd text', () => {
  it('reads CRLF text with a byte order mark and leading space-only lines like LF text', () => {
    const lf = readFixture('numbered-headings.md');
    const crlf = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    assert.deepEqual(parseBank('a.md', crlf), parseBank('a.md', lf));
    assert.equal(parseBank('a.md', crlf).questions[0].line, 7);
  });

  it('passes HTML and unsafe links in the texts through verbatim for the renderer to escape, and drops tags from titles', () => {
    const [question] = parseBank('hostile-html.md', readFixture('hostile-html.md')).questions;
    assert.equal(question.title, '标题里的 HTML');
    assert.equal(question.answer, '<script>alert("answer")</script> 和 [点我](javascript:alert(1))\n\n<iframe src="https://evil.example"></iframe>');
    assert.equal(question.analysis, '[file](file:///etc/passwd) <b onclick="x()">粗体</b>');
  });

  it('keeps LaTeX inside list items verbatim', () => {
    const [question] = parseBank('latex.md', readFixture('latex.md')).questions;
    assert.ok(question.answer.includes('    \\[\n    \\text{Accuracy} = \\frac{\\text{预测正确数}}{\\text{总样本数}}\n    \\]'));
    assert.ok(question.answer.includes('\\( a^2 + b^2 = c^2 \\) 和 $E = mc^2$'));
  });

  it('collapses whitespace and strips bold and code markers in titles, keeping Python dunder names', () => {
    const bank = parseBank('t.md', '### 1. **如何   优化\t训练？**\n\n**答案：** 甲\n');
    assert.equal(bank.questions[0].title, '如何 优化 训练？');
    assert.equal(parseBank('t.md', '### 2. `__init__` 方法有什么作用？\n').questions[0].title, '__init__ 方法有什么作用？');
  });

  it('takes the first prompt line as the title of a 面试题 label without text', () => {
    const bank = parseBank('t.md', '#### **面试题：**\n\n什么是注意力？\n\n**答案：** 加权求和。\n');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.prompt, q.answer]), [['什么是注意力？', '什么是注意力？', '加权求和。']]);
  });

  it('skips a question without any title text and says where it was', () => {
    const bank = parseBank('t.md', '# 题库\n\n#### **面试题：**\n\n**答案：** 没有题目。\n');
    assert.deepEqual(bank.questions, []);
    assert.deepEqual(bank.diagnostics, [
      { file: 't.md', line: 3, severity: 'warning', message: 'The question at line 3 has no title; it was skipped.' },
    ]);
  });

  it('reads long runs of blanks inside label-like paragraphs and numbered-looking headings as text', () => {
    const blanks = ' '.repeat(100_000);
    const bank = parseBank('t.md', `# 1${blanks}题库\n\n### 1. 甲\n\n**答案${blanks}不是标签**\n\n**答案：** 乙\n`);
    assert.equal(bank.title, '1 题库');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.prompt, q.answer]), [['甲', '甲', `**答案${blanks}不是标签**\n\n乙`]]);
  });

  it('marks a question heading with nothing under it as having no reference', () => {
    const [question] = parseBank('t.md', '### 1. 只有标题\n').questions;
    assert.deepEqual(question, { line: 1, number: 1, title: '只有标题', prompt: '只有标题', answer: '', analysis: '', code: [], hasReference: false });
  });
});
