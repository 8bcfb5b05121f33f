// An Enter on a quick pick whose items were just replaced: refused when the row at that index a moment ago was another
// question the workbench could have shown for the query, accepted otherwise.
import * as assert from 'node:assert/strict';
import { REPLACED_WINDOW_MS, ReplacedItems } from '../../src/commands/replacedItems';

const shortlist = [{ label: 'Recent' }, { id: 'a', label: '大模型如何处理多模态数据？' }, { label: 'Not attempted yet' }, { id: 'b', label: '编写一个算法' }];
const results = [{ id: 'a', label: '大模型如何处理多模态数据？' }, { id: 'b', label: '编写一个算法' }];

describe('accepts after the quick pick items were replaced', () => {
  it('refuses the index of a question shown there before the results came, for a moment', () => {
    let now = 1000;
    const items = new ReplacedItems(() => now);
    assert.equal(items.differs(shortlist, results), true);
    items.replaced(shortlist);
    // The workbench accepted row 1 of the shortlist (the title typed): the host now maps it to "b".
    assert.equal(items.ambiguous(results, 1, '大模型如何处理多模态数据？'), true);
    // Row 0 of the shortlist was a separator: Enter on the first result is what it says.
    assert.equal(items.ambiguous(results, 0, '大模型如何处理多模态数据？'), false);
    // A row the workbench's filter would have hidden for the query was not what the user saw.
    assert.equal(items.ambiguous(results, 1, 'RandomForest'), false);
    now += REPLACED_WINDOW_MS;
    assert.equal(items.ambiguous(results, 1, '大模型如何处理多模态数据？'), false, 'long after the replacement');
  });

  it('does not count an unchanged list as a replacement', () => {
    const items = new ReplacedItems(() => 0);
    assert.equal(items.differs(results, results.map((item) => ({ ...item }))), false);
    assert.equal(items.ambiguous(results, 1, '编写'), false);
  });
});
