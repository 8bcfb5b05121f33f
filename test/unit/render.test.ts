import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, renderReference } from '../../src/core/render';
import { makeQuestion } from './fixtures/question';

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    assert.equal(renderMarkdown('**答案：** 见下'), '<p><strong>答案：</strong> 见下</p>\n');
  });

  for (const hostile of ['<script>alert(1)</script>', '<img src=x onerror="alert(1)">', '<iframe src="https://x"></iframe>']) {
    it(`escapes raw HTML: ${hostile}`, () => {
      const html = renderMarkdown(`before\n\n${hostile}\n\nafter ${hostile}`);
      assert.ok(!/<(script|img|iframe)/i.test(html), html);
      assert.ok(html.includes('&lt;'), html);
    });
  }

  for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'data:text/html;base64,PHNjcmlwdD4=']) {
    it(`does not render a ${url.split(':')[0]}: link as a link`, () => {
      const html = renderMarkdown(`[click](${url}) and <${url}>`);
      assert.ok(!html.includes('<a'), html);
      assert.ok(!/href=/i.test(html), html);
    });
  }

  it('gives links, including bare URLs, rel="noopener noreferrer"', () => {
    const html = renderMarkdown('[docs](https://example.com/a) and https://example.org');
    assert.ok(html.includes('<a href="https://example.com/a" rel="noopener noreferrer">docs</a>'), html);
    assert.ok(html.includes('<a href="https://example.org" rel="noopener noreferrer">'), html);
  });

  it('escapes code that tries to close its own element', () => {
    const html = renderMarkdown('```\n</code></pre><script>alert(1)</script>\n```\n\n`</code><script>`');
    assert.ok(!html.includes('<script>'), html);
    assert.ok(html.includes('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;'), html);
  });

  it('highlights python with hljs spans', () => {
    const html = renderMarkdown('```python\nimport numpy as np\ndef f(x):\n    return x\n```');
    assert.ok(html.startsWith('<pre><code class="hljs language-python">'), html);
    assert.ok(html.includes('<span class="hljs-keyword">def</span>'), html);
  });

  it('escapes a fence in an unknown language without highlighting it', () => {
    const html = renderMarkdown('```brainfuck\n<b>+-</b>\n```');
    assert.equal(html, '<pre><code class="hljs language-brainfuck">&lt;b&gt;+-&lt;/b&gt;\n</code></pre>\n');
  });

  it('keeps a hostile fence info string out of the class attribute', () => {
    const html = renderMarkdown('```"><script>alert(1)</script>\nx\n```');
    assert.equal(html, '<pre><code class="hljs">x\n</code></pre>\n');
  });

  it('renders $…$ and $$…$$ math with KaTeX, as HTML without MathML', () => {
    const html = renderMarkdown('Inline $a^2+b^2$ here.\n\n$$\n\\frac{1}{2}\n$$');
    assert.equal(html.match(/class="katex"/g)?.length, 2, html);
    assert.ok(!html.includes('<math'), html);
  });

  it('renders \\( … \\) inline and \\[ … \\] as display math', () => {
    const html = renderMarkdown('公式 \\(x_i\\) 与\n\\[\nE = mc^2\n\\]');
    assert.equal(html.match(/class="katex"/g)?.length, 2, html);
    assert.equal(html.match(/class="katex-display"/g)?.length, 1, html);
    assert.ok(!html.includes('\\['), html);
  });

  it('leaves an escaped backslash, an unclosed \\[ and an empty \\[\\] as text', () => {
    assert.equal(renderMarkdown('a \\\\[x] b'), '<p>a \\[x] b</p>\n');
    assert.equal(renderMarkdown('\\[ never closed'), '<p>[ never closed</p>\n');
    assert.equal(renderMarkdown('empty \\[\\] and \\( \\)'), '<p>empty [] and ( )</p>\n');
  });

  it('leaves TeX delimiters inside inline code and fences alone', () => {
    assert.equal(renderMarkdown('`\\(x\\)`'), '<p><code>\\(x\\)</code></p>\n');
    assert.ok(!renderMarkdown('```\n\\[x\\]\n```').includes('katex'));
  });

  it('renders a closed formula after a great many unclosed openers', () => {
    for (const source of [`${'\\('.repeat(100_000)} \\[ x \\]`, `${'\\['.repeat(100_000)} \\( x \\)`]) {
      const html = renderMarkdown(source);
      assert.equal(html.match(/class="katex"/g)?.length, 1, html.slice(-300));
    }
  });

  it('does not close \\[ at a TeX line break followed by ]', () => {
    const html = renderMarkdown('\\[ a \\\\] b \\]');
    assert.equal(html.match(/class="katex-display"/g)?.length, 1, html);
    assert.ok(!html.includes('\\]'), html);
  });

  it('renders the multi-line \\[ formulas of the competitive-advantage bank, Chinese \\text{} included', () => {
    const bank = readFileSync(join(__dirname, '..', '..', 'content', 'competitive-advantage.md'), 'utf8');
    const start = bank.indexOf('评估一个 AI 大模型的性能通常需要使用多种指标');
    const answer = bank.slice(start, bank.indexOf('#### 源代码实例', start));
    assert.ok(start > 0 && answer.includes('\\['), 'the bank text changed');
    const html = renderMarkdown(answer);
    assert.equal(html.match(/class="katex-display"/g)?.length, 4, html);
    assert.ok(!html.includes('\\[') && !html.includes('\\text'), html);
    for (const text of ['预测正确数', '总样本数', '预测为正类的样本总数']) {
      assert.ok(html.includes(text), text);
    }
  });

  it('does not let KaTeX make a javascript: link out of \\href', () => {
    const html = renderMarkdown('$\\href{javascript:alert(1)}{x}$ \\(\\url{javascript:alert(2)}\\) \\[\\href{javascript:alert(3)}{y}\\]');
    assert.ok(!/<a\b/.test(html), html);
    assert.ok(!/href="javascript/i.test(html), html);
  });

  it('reports a malformed formula inline instead of throwing', () => {
    const html = renderMarkdown('bad \\(\\frac{1}{\\) and $\\frac{1}{$');
    assert.equal(html.match(/class="katex-error"/g)?.length, 2, html);
  });

  it('shows a formula KaTeX cannot survive as escaped text', () => {
    const nested = `${'{'.repeat(20000)}<b>${'}'.repeat(20000)}`;
    for (const source of [`\\(${nested}\\)`, `$${nested}$`]) {
      const html = renderMarkdown(source);
      assert.ok(html.includes('katex-error') && html.includes('&lt;b&gt;') && !html.includes('<b>'), html.slice(0, 200));
    }
  });
});

describe('renderReference', () => {
  const full = makeQuestion({
    id: 'bank/0001',
    answer: '风险控制的**要点**',
    code: [
      { lang: 'python', source: 'print(1)\n', caption: '使用大模型进行**信贷**风险评估：' },
      { lang: '', source: 'a < b\n' },
    ],
    analysis: '该例子展示了……',
  });

  it('renders answer, code and analysis in that order, each under its heading', () => {
    const html = renderReference(full);
    const order = ['<section class="dojo-answer">', '<h2>Answer</h2>', '<strong>要点</strong>', '<section class="dojo-code">',
      '<h2>Reference code</h2>', '<strong>信贷</strong>', '<pre><code class="hljs language-python">',
      '<pre><code class="hljs">a &lt; b', '<section class="dojo-analysis">', '<h2>Analysis</h2>', '该例子展示了'];
    let at = -1;
    for (const part of order) {
      const next = html.indexOf(part, at + 1);
      assert.ok(next > at, `"${part}" missing or out of order in ${html}`);
      at = next;
    }
  });

  it('puts each caption directly above its own code block', () => {
    const html = renderReference(full);
    assert.match(html, /信贷<\/strong>风险评估：<\/p>\n<\/div>\n<pre><code class="hljs language-python">/);
  });

  it('leaves out empty sections', () => {
    const html = renderReference(makeQuestion({ id: 'bank/0001', answer: '只有答案', analysis: '  ' }));
    assert.ok(html.includes('dojo-answer'));
    assert.ok(!html.includes('dojo-code') && !html.includes('dojo-analysis'), html);
  });

  it('uses the labels it is given, escaped', () => {
    const labels = { answer: '答案', code: '参考代码', analysis: '解析 <i>', noReference: '无' };
    const html = renderReference(full, labels);
    assert.ok(html.includes('<h2>答案</h2>') && html.includes('<h2>参考代码</h2>'), html);
    assert.ok(html.includes('<h2>解析 &lt;i&gt;</h2>'), html);
  });

  it('says so when the bank gives no reference answer', () => {
    assert.equal(
      renderReference(makeQuestion({ id: 'bank/0001', hasReference: false })),
      '<p class="dojo-no-reference">This question has no reference answer in its bank.</p>\n',
    );
    assert.equal(
      renderReference(makeQuestion({ id: 'bank/0001', hasReference: false }), { answer: '', code: '', analysis: '', noReference: '题库未提供参考答案。' }),
      '<p class="dojo-no-reference">题库未提供参考答案。</p>\n',
    );
  });

  it('escapes hostile code and captions', () => {
    const html = renderReference(
      makeQuestion({ id: 'bank/0001', code: [{ lang: 'python', source: '</code><script>alert(1)</script>', caption: '<img src=x onerror=alert(1)>' }] }),
    );
    assert.ok(!html.includes('<script') && !html.includes('<img'), html);
  });
});
