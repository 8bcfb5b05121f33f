import * as assert from 'node:assert/strict';
import { plainPreview } from '../../src/core/plainPreview';

describe('plainPreview', () => {
  it('drops emphasis, heading, quote and list markers and collapses whitespace', () => {
    assert.equal(plainPreview('## 题目\n\n> **虚拟现实**中的`大模型`\n- 挑战  一\n* 挑战二', 100), '题目 虚拟现实中的大模型 挑战 一 挑战二');
  });

  it('leaves out fenced code, even an unclosed fence', () => {
    assert.equal(plainPreview('前\n```python\nimport x\n```\n后', 100), '前 后');
    assert.equal(plainPreview('前\n```python\nimport x\nprint(x)', 100), '前');
  });

  it('cuts long text at the limit with an ellipsis', () => {
    const preview = plainPreview('一二三四五六七八九十', 5);
    assert.equal(preview, '一二三四…');
    assert.equal(preview.length, 5);
  });

  it('keeps text that fits unchanged', () => {
    assert.equal(plainPreview('短问题', 3), '短问题');
  });
});
