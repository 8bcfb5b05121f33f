import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, renderReference } from '../../src/core/render';
import { DEFAULT_FORMULA_NOTES, FormulaRenderer, MAX_FORMULA_LENGTH } from '../../src/core/render/formulas';
import { makeQuestion } from './fixtures/question';

describe('renderMarkdown', () => {
  it('renders ordinary markdown', () => {
    assert.equal(renderMarkdown('**答案：** 见下'), '<p><strong>答案：</strong> 见下</p>\n');
  });

  for (const hostile of ['<script>alert(1)</script>', '<iframe src="https://x"></iframe>']) {
    it(`escapes raw HTML: ${hostile}`, () => {
      const html = renderMarkdown(`before\n\n${hostile}\n\nafter ${hostile}`);
      assert.ok(!/<(script|iframe)/i.test(html), html);
      assert.ok(html.includes('&lt;'), html);
    });
  }

  it('keeps an <img> without its event handler', () => {
    const html = renderMarkdown('before\n\n<img src=x onerror="alert(1)">\n\nafter <img src=x onerror="alert(1)">');
    assert.equal(html, '<p>before</p>\n<p><img src="x" alt=""></p>\n<p>after <img src="x" alt=""></p>\n');
  });

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

  it('shows a formula KaTeX cannot survive as its escaped source', () => {
    const nested = `${'{'.repeat(20000)}<b>${'}'.repeat(20000)}`;
    for (const source of [`\\(${nested}\\)`, `$${nested}$`]) {
      const html = renderMarkdown(source);
      assert.ok(html.includes('dojo-formula-source') && html.includes('&lt;b&gt;') && !html.includes('<b>'), html.slice(0, 200));
    }
  });
});

/** The number of formulas KaTeX rendered and of formulas shown as their source. */
function formulaCounts(html: string): { rendered: number; source: number } {
  return {
    rendered: html.match(/<span class="katex">/g)?.length ?? 0,
    source: html.match(/<span class="dojo-formula-source/g)?.length ?? 0,
  };
}

/** The same formula between each kind of delimiter the banks use. */
function inEveryDelimiter(tex: string): string {
  return `inline $${tex}$ and \\(${tex}\\)\n\n$$\n${tex}\n$$\n\n\\[${tex}\\]\n`;
}

// Hang guards: before the limits, each of these took from 40 s to over a minute. The timeout only stops a runaway
// render from passing; the assertions are about what is shown.
describe('renderMarkdown on hostile formulas', function () {
  this.timeout(10_000);

  it('shows a formula that repeats a macro several levels deep as its source, whatever the delimiters', () => {
    // The security review's shape: each level repeats the one below, so half a kilobyte expands to 360,000 letters.
    const tex = `\\def\\a{${'x'.repeat(400)}}\\def\\b{${'\\a'.repeat(30)}}\\def\\c{${'\\b'.repeat(30)}}\\c`;
    const html = renderMarkdown(inEveryDelimiter(tex));
    assert.deepEqual(formulaCounts(html), { rendered: 0, source: 4 }, html.slice(0, 300));
    assert.equal(html.match(/Formula could not be rendered; its source is shown\./g)?.length, 4);
    assert.ok(html.includes('<code>\\def\\a{xxxx'), html.slice(0, 300));
  });

  it('does not let any spelling of a macro definition through', () => {
    for (const definition of ['\\gdef\\a{x}', '\\edef\\a{x}', '\\xdef\\a{x}', '\\global\\def\\a{x}', '\\let\\a=x',
      '\\newcommand{\\a}{x}', '\\renewcommand{\\frac}{x}', '\\providecommand{\\a}{x}', '{\\def\\a{x}}']) {
      const html = renderMarkdown(`$${definition}\\a$`);
      assert.deepEqual(formulaCounts(html), { rendered: 0, source: 1 }, definition);
    }
  });

  it('still renders environments, tags and line breaks, which KaTeX implements with macros of its own', () => {
    const formulas = ['\\begin{align} a &= b \\tag{1} \\\\ c &= d \\end{align}', '\\begin{equation} E = mc^2 \\end{equation}',
      '\\begin{cases} 1 & x>0 \\\\ 0 & \\text{否则} \\end{cases}', '\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}',
      'x \\tag{2}', '\\begin{CD} A @>>> B \\end{CD}', 'a \\\\define', '\\color{red} x'];
    for (const tex of formulas) {
      assert.deepEqual(formulaCounts(renderMarkdown(`$$${tex}$$`)), { rendered: 1, source: 0 }, tex);
    }
  });

  it('shows a 400 KB formula as its source instead of laying it out', () => {
    const html = renderMarkdown(inEveryDelimiter('x'.repeat(400_000)));
    assert.deepEqual(formulaCounts(html), { rendered: 0, source: 4 });
    assert.equal(html.match(/Formula too long to render; its source is shown\./g)?.length, 4);
  });

  it('renders a formula up to the length cap and shows a longer one as source', () => {
    const formula = (length: number) => `$${'a+'.repeat(length / 2 - 1)}b$`;
    assert.deepEqual(formulaCounts(renderMarkdown(formula(MAX_FORMULA_LENGTH))), { rendered: 1, source: 0 });
    assert.deepEqual(formulaCounts(renderMarkdown(formula(MAX_FORMULA_LENGTH + 2))), { rendered: 0, source: 1 });
  });

  it('caps user-given sizes so that a formula cannot cover the panel', () => {
    const html = renderMarkdown('$\\rule{5000em}{5000em}$');
    assert.ok(!/5000em/.test(html), html);
  });

  it('renders a bank full of costly formulas in one time budget, showing the rest as source', () => {
    const costly = '\\sqrt{'.repeat(150) + 'x' + '}'.repeat(150);
    const count = 300;
    const html = renderMarkdown(Array.from({ length: count }, (_, i) => `${i}. $${costly}$`).join('\n\n'));
    const { rendered, source } = formulaCounts(html);
    assert.equal(rendered + source, count);
    assert.ok(rendered >= 1 && source >= 1, `${rendered} rendered, ${source} as source`);
    assert.ok(html.includes('Formula not rendered, to keep the panel responsive; its source is shown.'));
  });

  it('uses the notes it is given, escaped', () => {
    const notes = { tooLong: '公式过长 <i>', outOfTime: '', failed: '无法渲染', remoteImage: '', refusedImage: '' };
    const html = renderMarkdown(`$${'x'.repeat(MAX_FORMULA_LENGTH + 1)}$ $\\def\\a{}$`, { notes });
    assert.ok(html.includes('公式过长 &lt;i&gt;') && html.includes('无法渲染'), html.slice(-300));
  });
});

describe('FormulaRenderer', () => {
  it('shows every formula after the time budget is spent as source, and the ones before rendered', () => {
    let clock = 0;
    const formulas = new FormulaRenderer(DEFAULT_FORMULA_NOTES, () => (clock += 50), 250);
    // Each render reads the clock twice, so each costs 50 ms: five fit in 250 ms.
    const html = Array.from({ length: 8 }, () => formulas.render('x^2', false)).join('');
    assert.deepEqual(formulaCounts(html), { rendered: 5, source: 3 });
    assert.ok(html.endsWith(`<span class="dojo-note">${DEFAULT_FORMULA_NOTES.outOfTime}</span></span>`), html.slice(-200));
  });

  it('marks a display formula shown as source as a block', () => {
    const html = new FormulaRenderer().render('x'.repeat(MAX_FORMULA_LENGTH + 1), true);
    assert.ok(html.startsWith('<span class="dojo-formula-source dojo-formula-display"><code>xxx'), html.slice(0, 100));
  });
});

describe('renderMarkdown: links that reach into the editor', () => {
  for (const url of ['command:workbench.action.terminal.new', 'COMMAND:foo?%5B%5D', 'vscode://ms-python.python/x',
    'vscode:extension/foo', 'vscode-insiders://foo/bar', 'Vscode-Insiders:foo']) {
    it(`renders ${url} inert in inline, autolink and reference-style links`, () => {
      const html = renderMarkdown(`[run](${url}) and <${url}> and [ref][r] and ![img](${url})\n\n[r]: ${url}\n`);
      assert.ok(!/<a\b/.test(html) && !/href=|src=/i.test(html), html);
      assert.ok(html.includes('run') && html.includes('ref'), html);
    });
  }

  it('leaves such a scheme in running text as text (linkify)', () => {
    const html = renderMarkdown('see vscode://ms-python.python/x or command:foo, then https://example.com');
    assert.equal(html.match(/<a\b/g)?.length, 1, html);
    assert.ok(html.includes('<a href="https://example.com"'), html);
  });

  it('keeps web, mail and relative links', () => {
    const html = renderMarkdown('[a](https://example.com) [b](http://example.com) [c](mailto:a@example.com) [d](#part) [e](./other.md)');
    assert.equal(html.match(/<a href=/g)?.length, 5, html);
  });
});

describe('renderMarkdown: remote images', () => {
  const image = '![the diagram](https://example.com/d.png "title")';

  it('shows a remote image as its alt text and a link to it by default, fetching nothing', () => {
    const html = renderMarkdown(`look: ${image}`);
    assert.ok(!html.includes('<img'), html);
    assert.equal(
      html,
      '<p>look: <span class="dojo-remote-image">the diagram <a href="https://example.com/d.png" rel="noopener noreferrer" ' +
        'title="https://example.com/d.png">Open remote image</a></span></p>\n',
    );
  });

  it('blocks reference-style, protocol-relative and http images too, and escapes the alt text', () => {
    const html = renderMarkdown('![a <b>][img] ![b](//example.com/b.png) ![c](http://example.com/c.png)\n\n[img]: https://example.com/a.png\n');
    assert.ok(!html.includes('<img') && !html.includes('<b>'), html);
    assert.equal(html.match(/class="dojo-remote-image"/g)?.length, 3, html);
    assert.ok(html.includes('a &lt;b&gt; <a href="https://example.com/a.png"'), html);
  });

  it('does not nest a link in the link around a remote image', () => {
    const html = renderMarkdown(`[${image}](https://example.com/page)`);
    assert.equal(html.match(/<a\b/g)?.length, 1, html);
    assert.ok(!html.includes('<img'), html);
  });

  it('shows https images as images when allowed; http ones stay links (the CSP allows https: only)', () => {
    const html = renderMarkdown(`${image} ![c](http://example.com/c.png)`, { allowRemoteImages: true });
    assert.ok(html.includes('<img src="https://example.com/d.png" alt="the diagram" title="title">'), html);
    assert.equal(html.match(/class="dojo-remote-image"/g)?.length, 1, html);
  });

  it('shows images embedded as data: in both modes', () => {
    const embedded = '![dot](data:image/png;base64,iVBORw0KGgo=)';
    for (const allowRemoteImages of [false, true]) {
      assert.ok(renderMarkdown(embedded, { allowRemoteImages }).includes('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">'));
    }
  });

  it('uses the link label it is given', () => {
    const html = renderMarkdown(image, { notes: { ...DEFAULT_FORMULA_NOTES, remoteImage: '打开远程图片', refusedImage: '' } });
    assert.ok(html.includes('>打开远程图片</a>'), html);
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
    const labels = { answer: '答案', code: '参考代码', analysis: '解析 <i>', noReference: '无', truncatedCode: '截断' };
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
      renderReference(makeQuestion({ id: 'bank/0001', hasReference: false }), { answer: '', code: '', analysis: '', noReference: '题库未提供参考答案。', truncatedCode: '' }),
      '<p class="dojo-no-reference">题库未提供参考答案。</p>\n',
    );
  });

  it('escapes hostile code and captions', () => {
    const html = renderReference(
      makeQuestion({ id: 'bank/0001', code: [{ lang: 'python', source: '</code><script>alert(1)</script>', caption: '<img src=x onerror=alert(1)>' }] }),
    );
    assert.ok(!html.includes('<script') && !html.includes('onerror'), html);
  });
});
