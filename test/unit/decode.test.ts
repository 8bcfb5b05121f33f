import * as assert from 'node:assert/strict';
import { decodeBank } from '../../src/core/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes.push(...(bigEndian ? [unit >> 8, unit & 0xff] : [unit & 0xff, unit >> 8]));
  }
  return Uint8Array.from(bytes);
}

/** `### 1. 什么是模型？\n\n**答案：** 函数。\n` encoded as GB18030 (GBK-compatible) by Python's codec. */
const GB18030_BANK = Uint8Array.from([
  0x23, 0x23, 0x23, 0x20, 0x31, 0x2e, 0x20, 0xca, 0xb2, 0xc3, 0xb4, 0xca, 0xc7, 0xc4, 0xa3, 0xd0, 0xcd, 0xa3, 0xbf, 0x0a,
  0x0a, 0x2a, 0x2a, 0xb4, 0xf0, 0xb0, 0xb8, 0xa3, 0xba, 0x2a, 0x2a, 0x20, 0xba, 0xaf, 0xca, 0xfd, 0xa1, 0xa3, 0x0a,
]);

describe('decodeBank', () => {
  it('reads UTF-8 without diagnostics', () => {
    assert.deepEqual(decodeBank('a.md', utf8('### 1. 问题\n答案')), { text: '### 1. 问题\n答案', diagnostics: [] });
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('# 标题')]);
    assert.equal(decodeBank('a.md', bytes).text, '# 标题');
  });

  it('turns CRLF and lone CR line endings into LF', () => {
    assert.equal(decodeBank('a.md', utf8('a\r\nb\rc\n')).text, 'a\nb\nc\n');
  });

  it('decodes UTF-16 little-endian and big-endian files by their byte order marks', () => {
    const text = '### 1. 什么是模型？\r\n答案';
    for (const bigEndian of [false, true]) {
      const decoded = decodeBank('a.md', utf16(text, bigEndian));
      assert.deepEqual(decoded, { text: '### 1. 什么是模型？\n答案', diagnostics: [] });
    }
  });

  it('reads a file that is not UTF-8 as GB18030 and says so in a warning', () => {
    const decoded = decodeBank('legacy.md', GB18030_BANK);
    assert.equal(decoded.text, '### 1. 什么是模型？\n\n**答案：** 函数。\n');
    assert.deepEqual(decoded.diagnostics, [
      { file: 'legacy.md', line: 1, severity: 'warning', message: 'The file is not UTF-8; it was read as GB18030.' },
    ]);
  });

  it('rejects a file with NUL bytes as binary and returns no text', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    assert.deepEqual(decodeBank('image.md', png), {
      text: '',
      diagnostics: [{ file: 'image.md', line: 1, severity: 'error', message: 'binary file, not a markdown bank' }],
    });
  });

  it('rejects a file that is mostly control characters as binary', () => {
    const bytes = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x41 : 1 + (i % 8)));
    const decoded = decodeBank('data.md', bytes);
    assert.equal(decoded.text, '');
    assert.equal(decoded.diagnostics[0].severity, 'error');
  });

  it('keeps text with tabs and a form feed', () => {
    assert.deepEqual(decodeBank('a.md', utf8('a\tb\fc')), { text: 'a\tb\fc', diagnostics: [] });
  });

  it('returns empty text and no diagnostics for an empty file', () => {
    assert.deepEqual(decodeBank('empty.md', new Uint8Array(0)), { text: '', diagnostics: [] });
  });
});
