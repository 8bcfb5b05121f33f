import * as assert from 'node:assert/strict';
import { displayWidth, shortLabel } from '../../src/core/shortLabel';

describe('shortLabel', () => {
  it('keeps a title that fits', () => {
    assert.equal(shortLabel('大模型产业化', 24), '大模型产业化');
    assert.equal(shortLabel('Q&A', 24), 'Q&A');
  });

  it('takes the first clause of a long article title when it says enough', () => {
    assert.equal(shortLabel('大模型应用落地加速，AI商业化进程提速', 24), '大模型应用落地加速');
    assert.equal(shortLabel('AI 大模型创业：如何利用竞争优势？', 24), 'AI 大模型创业');
    assert.equal(shortLabel('Deep learning - the hard parts', 24), 'Deep learning');
  });

  it('keeps the whole title when its first clause is too short to name it', () => {
    assert.equal(shortLabel('AI: what it is', 24), 'AI: what it is');
  });

  it('cuts a long title to the width, counting Chinese characters as two columns, with an ellipsis', () => {
    const label = shortLabel('AI大模型在虚拟现实（VR）领域的创业机会', 24);
    assert.equal(label, 'AI大模型在虚拟现实（VR…');
    assert.ok(displayWidth(label) <= 24);
    assert.equal(shortLabel('Machine Learning Interview Questions for Everyone', 24), 'Machine Learning Interv…');
  });

  it('never splits a character outside the basic plane', () => {
    const label = shortLabel('𠀀'.repeat(40), 24);
    assert.equal(label, `${'𠀀'.repeat(11)}…`);
  });
});
