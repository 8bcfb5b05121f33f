import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../../src/core/render/escapeHtml';
import { highlightCode } from '../../src/core/render/highlight';
import { contentSecurityPolicy, practiceHtml, type PracticeHtmlInput } from '../../src/webview/html';

const markdownItEscape = new MarkdownIt().utils.escapeHtml;
const hostile = `"><script>alert('x' & 1)</script>`;

function page(title: string, allowRemoteImages = false): string {
  // Every label reads as its own key, so the test need not list them.
  const labels = new Proxy({ documentTitle: title }, { get: (target, key) => (key === 'documentTitle' ? target.documentTitle : String(key)) });
  const input = {
    cspSource: 'vscode-webview://x', panelKey: 'k', nonce: '0'.repeat(32), scriptUri: 's.js', baseStyleUri: 'b.css', styleUri: 's.css', katexStyleUri: 'k.css',
    lang: 'en', labels, strings: { saving: '', saved: '', missing: '' },
    typography: { fontSize: 14, lineHeight: 1.6 }, render: { allowRemoteImages },
  } as PracticeHtmlInput;
  return practiceHtml(input);
}

describe('escaping HTML', () => {
  it('is markdown-it’s escaper everywhere we build markup: the panel page and plain code', () => {
    assert.ok(page(hostile).includes(`<title>${markdownItEscape(hostile)}</title>`));
    assert.ok(highlightCode(hostile, '').includes(`<code class="hljs">${markdownItEscape(hostile)}</code>`));
    assert.ok(!page(hostile).includes('<script>alert'));
  });

  it('escapes every character exactly as markdown-it does, without loading markdown-it', () => {
    const everyAscii = String.fromCharCode(...Array.from({ length: 128 }, (_, code) => code));
    for (const text of [everyAscii, `${hostile} 中文 &amp; ' \u{1F600}`, '']) assert.equal(escapeHtml(text), markdownItEscape(text));
  });
});

describe('contentSecurityPolicy', () => {
  const source = 'https://x.vscode-cdn.net';

  it('allows images from the extension and data: only, by default', () => {
    assert.equal(
      contentSecurityPolicy(source, 'abc', false),
      `default-src 'none'; script-src 'nonce-abc'; style-src ${source}; img-src ${source} data:; font-src ${source}`,
    );
  });

  it('allows https: images only when remote images are allowed', () => {
    assert.match(contentSecurityPolicy(source, 'abc', true), new RegExp(`; img-src ${source} https: data:; `));
  });

  it('puts the setting into the page it builds', () => {
    assert.ok(!/img-src[^;]*https:/.test(page('t')));
    assert.ok(/img-src[^;]*https:/.test(page('t', true)));
  });
});
