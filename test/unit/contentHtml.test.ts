// What the practice webview inserts: bank markdown rendered by the core renderer, every variant labelled, KaTeX's
// style attributes moved out of the way of the CSP, and the reference's labels in the UI language.
import * as assert from 'node:assert/strict';
import { ContentHtml, withoutStyleAttributes } from '../../src/webview/client/contentHtml';
import type { RenderSettings } from '../../src/webview/protocol';

const settings: RenderSettings = {
  allowRemoteImages: false,
  notes: { tooLong: 'too long', outOfTime: 'out of time', failed: 'failed', remoteImage: '打开远程图片', refusedImage: '图片未显示' },
  referenceLabels: { answer: '答案', code: '参考代码', analysis: '解析', noReference: '无参考答案', truncatedCode: '代码被截断' },
};
const content = new ContentHtml(settings);
const variant = { hasReference: true, answer: 'The answer $x^2$', analysis: '', code: [] };

describe('ContentHtml', () => {
  it('renders the prompt with HTML off the allow-list as text, and nothing for a blank one', () => {
    const html = content.markdown('**bold** <img src=x onerror=alert(1)> <script>alert(2)</script>');
    assert.match(html, /<strong>bold<\/strong> <img src="x" alt=""> &lt;script&gt;alert\(2\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /onerror|<script/);
    assert.equal(content.markdown('  \n'), '');
  });

  it('moves KaTeX style attributes to data-dojo-style, so the strict CSP blocks nothing', () => {
    const html = content.markdown('$$\\frac{1}{2}$$');
    assert.match(html, /class="katex/);
    assert.match(html, /data-dojo-style="[^"]+"/);
    assert.doesNotMatch(html, /\sstyle=/);
  });

  it('renders a single variant without a label, with the labels in the UI language', () => {
    const html = content.reference({ variants: [variant] });
    assert.match(html, /<h2>答案<\/h2>/);
    assert.doesNotMatch(html, /dojo-variant/);
  });

  it('labels every variant of a repeated question', () => {
    const html = content.reference({
      variants: [
        { ...variant, label: 'Variant 1/2' },
        { label: 'Variant 2/2', hasReference: false, answer: '', analysis: '', code: [] },
      ],
    });
    assert.equal(html.match(/<section class="dojo-variant"><p class="dojo-variant-label">Variant \d\/2<\/p>/g)?.length, 2);
    assert.match(html, /<p class="dojo-no-reference">无参考答案<\/p>/);
  });

  it('highlights reference code and says under cut-off code that its source is cut off', () => {
    const html = content.reference({
      variants: [{ ...variant, code: [{ lang: 'python', source: 'def f(): pass', truncated: true }] }],
    });
    assert.match(html, /<span class="hljs-keyword">def<\/span>/);
    assert.match(html, /<\/pre>\n<p class="dojo-code-truncated" role="note">代码被截断<\/p>/);
  });

  it('shows a remote image as a link unless the settings allow remote images', () => {
    const markdown = '![the diagram](https://example.com/d.png)';
    assert.match(content.markdown(markdown), /href="https:\/\/example\.com\/d\.png"[^>]*>[^<]*打开远程图片/);
    const allowing = new ContentHtml({ ...settings, allowRemoteImages: true });
    assert.match(allowing.markdown(markdown), /<img src="https:\/\/example\.com\/d\.png" alt="the diagram">/);
  });
});

describe('ContentHtml: the bank folder', () => {
  const base = 'https://file+.vscode-resource.vscode-cdn.net/home/me/banks';

  it('resolves relative images of the prompt and the reference against the bank folder it is given', () => {
    assert.ok(content.markdown('![a](img/a.png)', base).includes(`<img src="${base}/img/a.png" alt="a">`));
    const html = content.reference({ variants: [{ ...variant, answer: '<img src="img/b.png" alt="b"> <kbd>K</kbd>' }] }, base);
    assert.ok(html.includes(`<img src="${base}/img/b.png" alt="b"> <kbd>K</kbd>`), html);
  });

  it('refuses a path out of the folder with the note in the UI language', () => {
    const html = content.markdown('![secret](../../.ssh/id_rsa)', base);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /secret <span class="dojo-note">图片未显示<\/span>/);
  });
});

describe('withoutStyleAttributes', () => {
  it('renames only real style attributes: escaped quotes in text stay as they are', () => {
    assert.equal(withoutStyleAttributes('<span style="height:1em">a style=&quot;x&quot;</span>'), '<span data-dojo-style="height:1em">a style=&quot;x&quot;</span>');
  });
});
