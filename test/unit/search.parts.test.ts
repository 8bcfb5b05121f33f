import * as assert from 'node:assert/strict';
import { MatchSet } from '../../src/core/search/matches';
import { needleFinder, normaliseText } from '../../src/core/search/normalise';
import { PostingLists } from '../../src/core/search/postings';

describe('PostingLists', () => {
  it('reads back every key’s values in order, across chunks and pages', () => {
    const lists = new PostingLists(4);
    const expected: number[][] = [[], [], [], []];
    let value = 0;
    for (let i = 0; i < 400_000; i++) {
      const key = i % 3 === 0 ? 0 : i % 7 === 0 ? 1 : 2;
      value = expected[key].length === 0 ? (i * 31) % 1000 : expected[key][expected[key].length - 1] + 1 + ((i * 2654435761) % 5000);
      expected[key].push(value);
      lists.append(key, value);
    }
    for (let key = 0; key < 4; key++) {
      assert.equal(lists.count(key), expected[key].length);
      assert.deepEqual([...lists.read(key)], expected[key], `key ${key}`);
    }
  });

  it('keeps values when more keys are reserved later', () => {
    const lists = new PostingLists(1);
    lists.append(0, 5);
    lists.reserve(10);
    lists.append(9, 2 ** 30);
    lists.append(0, 6);
    assert.deepEqual([...lists.read(0)], [5, 6]);
    assert.deepEqual([...lists.read(9)], [2 ** 30]);
  });
});

describe('needleFinder', () => {
  it('finds a needle where the normalised text has it, without a normalised copy', () => {
    const texts = ['Decision Tree 与 ＴＲＥＥ', 'street\ttree\nTREE', '差分隐私（Differential Privacy）', 'İstanbul ı i', 'A  B a\u3000b'];
    for (const text of texts) {
      const normalised = normaliseText(text);
      assert.equal(normalised.length, text.length);
      for (const needle of ['tree', 't', 'e t', '隐私', 'privacy', 'a b', 'b', 'i', 'ı', '(']) {
        const find = needleFinder(needle);
        assert.equal(find(text), normalised.indexOf(needle), `${needle} in ${text}`);
        assert.equal(find(text, 3), normalised.indexOf(needle, 3), `${needle} in ${text} from 3`);
        const first = normalised.indexOf(needle);
        if (first > 0) assert.equal(find(text, 0, first - 1), -1, `${needle} in ${text} before ${first}`);
      }
    }
  });
});

describe('MatchSet', () => {
  it('keeps the best match per question and knows a score the wanted best reach', () => {
    const set = new MatchSet(2);
    assert.equal(set.threshold, 0);
    set.record(7, 10, 0, 0, 1);
    set.record(3, 30, 1, 2, 1);
    assert.equal(set.threshold, 10);
    set.record(7, 20, 2, 5, 1);
    set.record(9, 5, 0, 0, 1);
    set.record(4, 40, 0, 0, 1);
    assert.equal(set.threshold, 30);
    assert.deepEqual(set.get(7), { score: 20, field: 2, start: 5, length: 1, domain: -1 });
    assert.deepEqual(set.top(3), [4, 3, 7]);
    assert.equal(set.size, 4);
  });

  it('orders equal scores by question', () => {
    const set = new MatchSet();
    for (const doc of [5, 2, 8, 1]) set.record(doc, 1, 0, 0, 1);
    assert.deepEqual(set.top(3), [1, 2, 5]);
    assert.deepEqual(set.top(10), [1, 2, 5, 8]);
  });
});
