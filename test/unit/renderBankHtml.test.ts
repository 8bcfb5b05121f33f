// HTML and images from user banks: the allow-list, hostile markup, unbalanced tags, and image paths that must stay
// inside the bank's folder (src/core/render/bankHtml.ts, images.ts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, renderReference } from '../../src/core/render';
import { makeQuestion } from './fixtures/question';

const BASE = 'https://file+.vscode-resource.vscode-cdn.net/home/me/banks';

/** The tags of an HTML fragment, in order, as `b`, `/b`, … */
function tags(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-z][a-z0-9]*)\b/gi)].map((m) => m[1].toLowerCase());
}

describe('renderMarkdown: bank HTML on the allow-list', () => {
  it('renders the inline tags banks use as HTML', () => {
    const html = renderMarkdown('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: H<sub>2</sub>O, x<sup>2</sup>, <b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <code>c</code><br>next');
    assert.equal(
      html,
      '<p>Press <kbd>Ctrl</kbd>+<kbd>C</kbd>: H<sub>2</sub>O, x<sup>2</sup>, <b>b</b> <i>i</i> <em>e</em> <strong>s</strong> <code>c</code><br>next</p>\n',
    );
  });

  it('renders a <details> collapsible with markdown between its tags', () => {
    const html = renderMarkdown('<details open><summary>What is a **pod**?</summary>\n\nThe smallest *unit*.\n\n</details>\n\nAfter.');
    assert.equal(
      html,
      '<details open><summary>What is a **pod**?</summary>\n<p>The smallest <em>unit</em>.</p>\n</details>\n<p>After.</p>\n',
    );
  });

  it('keeps the DevOps layout: summary, <br> and a bold answer in one block', () => {
    const html = renderMarkdown('<details>\n<summary>Why?</summary><br><b>\nBecause.\n</b></details>');
    assert.deepEqual(tags(html), ['details', 'summary', '/summary', 'br', 'b', '/b', '/details']);
  });

  it("renders a blog export's block elements without their attributes: paragraphs, lists, code, headings, tables", () => {
    const html = renderMarkdown(
      '<p class="lead">A list is <code>mutable</code>.</p>\n<ul>\n  <li>Drop rows</li>\n  <li onclick="x()">Fill them</li>\n</ul>\n\n' +
        '<pre><code class="language-python">def f(n):\n    return n * 2\n</code></pre>\n\n<h4 id="h">Notes</h4>\n<blockquote>Quoted</blockquote>\n<hr>\n\n' +
        '<table border="1"><tr><th>Key</th><td>Value</td></tr></table>',
    );
    assert.equal(
      html,
      '<p>A list is <code>mutable</code>.</p>\n<ul>\n  <li>Drop rows</li>\n  <li>Fill them</li>\n</ul>\n' +
        '<pre><code>def f(n):\n    return n * 2\n</code></pre>\n<h4>Notes</h4>\n<blockquote>Quoted</blockquote>\n<hr>\n' +
        '<table><tr><th>Key</th><td>Value</td></tr></table>',
    );
  });

  it('shows every other tag as text, with what it held', () => {
    const html = renderMarkdown('<div align="center">\n**bold**\n</div>\n\n<center>x</center> <span>y</span> <a href="https://e.com">z</a>');
    assert.equal(
      html,
      '<p>&lt;div align=&quot;center&quot;&gt;\n<strong>bold</strong>\n&lt;/div&gt;</p>\n' +
        '<p>&lt;center&gt;x&lt;/center&gt; &lt;span&gt;y&lt;/span&gt; &lt;a href=&quot;https://e.com&quot;&gt;z&lt;/a&gt;</p>\n',
    );
  });

  it('drops a closed comment and shows an unclosed one as text, keeping what follows', () => {
    assert.equal(renderMarkdown('a <!-- hidden --> b'), '<p>a  b</p>\n');
    const html = renderMarkdown('<!-- never closed\n\nstill **here**');
    assert.equal(html, '<p>&lt;!-- never closed</p>\n<p>still <strong>here</strong></p>\n');
  });
});

describe('renderMarkdown: hostile bank HTML', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
    '<iframe src="https://evil.example"></iframe>',
    '<img src=x onerror=alert(1)>',
    '<img src="javascript:alert(1)">',
    '<img src="&#106;avascript:alert(1)">',
    '<img src="x.png" style="position:fixed;inset:0" onload="alert(1)">',
    '<b onclick="alert(1)" style="color:red">b</b>',
    '<details ontoggle="alert(1)" open><summary onclick=alert(1)>s</summary></details>',
    '<a href="javascript:alert(1)">a</a>',
    '<svg onload=alert(1)><use href="data:image/svg+xml,x"/></svg>',
    '<style>body{display:none}</style>',
    '<object data="x"></object><embed src="x"><form action="https://e"><input></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<kbd>x</kbd"><img src=x onerror=alert(1)//>',
  ];
  for (const source of hostile) {
    it(`keeps nothing executable or styled, beside tags it renders: ${source}`, () => {
      const sources = [`<kbd>k</kbd>\n\n${source}`, `text <kbd>k</kbd> ${source} text`, `<details>\n<kbd>k</kbd> ${source}\n</details>`];
      for (const html of sources.map((text) => renderMarkdown(text))) {
        assert.ok(html.includes('<kbd>k</kbd>'), html);
        assert.doesNotMatch(html, /<(script|iframe|svg|style|object|embed|form|input|math|a\b|span\b(?! class="dojo-))/i, html);
        for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) assert.doesNotMatch(tag, /\son[a-z]+=|style=|(href|src)="\s*javascript:/i, html);
        for (const tag of tags(html)) {
          assert.ok(/^\/?(details|summary|b|i|em|strong|code|br|sub|sup|kbd|img|p|span)$/.test(tag), `${tag} in ${html}`);
        }
      }
    });
  }

  it('renders the hostile fixture bank without any tag off the allow-list', () => {
    const bank = readFileSync(join(__dirname, '..', 'fixtures', 'banks', 'hostile-html.md'), 'utf8');
    const html = renderMarkdown(bank);
    assert.doesNotMatch(html, /<(script|iframe)|onerror=|onclick=|href="(javascript|file):/i, html);
    assert.ok(html.includes('<b>粗体</b>'), html);
  });
});

describe('renderMarkdown: unbalanced bank HTML', () => {
  it('closes a <details> never closed at the end of its document', () => {
    const html = renderMarkdown('<details>\n<summary>Q</summary>\n\nThe answer.');
    assert.equal(html, '<details>\n<summary>Q</summary>\n<p>The answer.</p>\n</details>');
  });

  it('closes an inline tag at the end of its paragraph', () => {
    assert.equal(renderMarkdown('<b>bold never closed\n\nplain'), '<p><b>bold never closed</b></p>\n<p>plain</p>\n');
    assert.equal(renderMarkdown('<kbd><i>x</kbd> y'), '<p><kbd><i>x</i></kbd> y</p>\n');
  });

  it('closes what an HTML block opened besides the collapsible at the end of the block', () => {
    const html = renderMarkdown('<details><summary><b>Q\n\nanswer');
    assert.equal(html, '<details><summary><b>Q\n</b></summary><p>answer</p>\n</details>');
  });

  it('shows a closing tag that closes nothing as text', () => {
    assert.equal(renderMarkdown('a </b> b </details>'), '<p>a &lt;/b&gt; b &lt;/details&gt;</p>\n');
  });

  it('closes a collapsible from the end of a paragraph of its answer', () => {
    const html = renderMarkdown('<details><summary>Q</summary>\n\nThe answer.</details>\n\nAfter.');
    assert.equal(html, '<details><summary>Q</summary>\n<p>The answer.</details></p>\n<p>After.</p>\n');
  });

  it('keeps each part of a reference balanced on its own', () => {
    const html = renderReference(makeQuestion({ id: 'bank/1', answer: '<details><summary>more</summary>\n\nhidden', analysis: '<b>bold' }));
    const answer = html.slice(0, html.indexOf('dojo-analysis'));
    assert.ok(answer.includes('</details></section>'), html);
    assert.ok(html.endsWith('<p><b>bold</b></p>\n</section>\n'), html);
  });
});

describe('renderMarkdown: images from the bank folder', () => {
  it('resolves a relative markdown image and <img> against the bank folder', () => {
    const html = renderMarkdown('![chart](img/chart.png) <img src="./img/图 1.png" alt="one" title="t" width="120" height="80">', { imageBase: BASE });
    assert.equal(
      html,
      `<p><img src="${BASE}/img/chart.png" alt="chart"> ` +
        `<img src="${BASE}/img/%E5%9B%BE%201.png" alt="one" title="t" width="120" height="80"></p>\n`,
    );
  });

  it('accepts a base with a trailing slash and a path that steps down and back up inside the folder', () => {
    const html = renderMarkdown('![x](a/../b/./x.png)', { imageBase: `${BASE}/` });
    assert.ok(html.includes(`<img src="${BASE}/b/x.png"`), html);
  });

  it('drops a width or height that is not a number', () => {
    const html = renderMarkdown('<img src="x.png" width="10px;position:fixed" height="50%">', { imageBase: BASE });
    assert.equal(html, `<p><img src="${BASE}/x.png" alt="" height="50%"></p>\n`);
  });

  for (const src of ['../../etc/passwd', '../x.png', 'img/../../x.png', '%2e%2e/x.png', 'img/%2E%2E/%2e%2e/x.png', 'a%2f..%2f..%2fx.png',
    '..\\..\\x.png', 'img\\x.png', '/etc/passwd', 'file:///etc/passwd', 'C:/Windows/win.ini', 'vscode-resource://x', '.', '']) {
    it(`refuses ${JSON.stringify(src)} with a link-free note, as markdown and as <img>`, () => {
      for (const source of [`![alt text](<${src}>)`, `<img src="${src}" alt="alt text">`]) {
        const html = renderMarkdown(source, { imageBase: BASE, notes: { remoteImage: 'remote', refusedImage: '不在题库文件夹内' } as never });
        assert.doesNotMatch(html, /<img|<a\b|href=/, `${source} → ${html}`);
        // markdown-it itself leaves a markdown image with another scheme as text.
        assert.ok(html.includes('alt text'), html);
        if (html.includes('dojo-refused-image')) assert.ok(html.includes('不在题库文件夹内'), html);
      }
    });
  }

  it('refuses an <img> traversal even without a base (the CLI)', () => {
    assert.match(renderMarkdown('<img src="../secret.png">'), /dojo-refused-image/);
    assert.equal(renderMarkdown('![x](img/x.png)'), '<p><img src="img/x.png" alt="x"></p>\n');
  });

  it('treats a remote <img> as a markdown remote image: a link unless allowed', () => {
    const html = renderMarkdown('<img src="https://example.com/d.png" alt="diagram">', { imageBase: BASE });
    assert.equal(
      html,
      '<p><span class="dojo-remote-image">diagram <a href="https://example.com/d.png" rel="noopener noreferrer" ' +
        'title="https://example.com/d.png">Open remote image</a></span></p>\n',
    );
    const allowed = renderMarkdown('<img src="https://example.com/d.png" alt="diagram"> <img src="http://example.com/e.png">', {
      allowRemoteImages: true,
    });
    assert.ok(allowed.includes('<img src="https://example.com/d.png" alt="diagram">'), allowed);
    assert.equal(allowed.match(/dojo-remote-image/g)?.length, 1, allowed);
  });

  it('keeps data: images of the common types only', () => {
    const html = renderMarkdown('<img src="data:image/png;base64,iVBORw0KGgo="> <img src="data:image/svg+xml;base64,PHN2Zz4=">');
    assert.ok(html.includes('<img src="data:image/png;base64,iVBORw0KGgo="'), html);
    assert.equal(html.match(/<img/g)?.length, 1, html);
  });
});
