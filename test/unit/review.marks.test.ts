import * as assert from 'node:assert/strict';
import { decodeMark, decodeMarkTable, encodeMarkTable } from '../../src/core/review/marks';

describe('the stored marks table (dojo.marks.v1)', () => {
  it('keeps valid marks as they are', () => {
    const raw = { 'b/1': { a: 1700000000000, r: 1700000001000, s: 1 }, 'b/2': { s: 1 } };
    const { marks, invalid } = decodeMarkTable(raw);
    assert.deepEqual(encodeMarkTable(marks), raw);
    assert.deepEqual(invalid, []);
    assert.deepEqual(decodeMarkTable(undefined), { marks: new Map(), invalid: [] });
  });

  it('keeps the valid fields of a partly invalid mark and lists its id, dropping entries with nothing valid', () => {
    const raw = {
      'b/1': { a: 'yesterday', s: 1 },
      'b/2': { a: 5, r: -1, s: true },
      'b/3': 'junk',
      'b/4': null,
      'b/5': [1],
      'b/6': { a: Number.NaN, x: 1 },
      'b/7': { r: 7 },
    };
    const { marks, invalid } = decodeMarkTable(raw);
    assert.deepEqual(encodeMarkTable(marks), { 'b/1': { s: 1 }, 'b/2': { a: 5 }, 'b/7': { r: 7 } });
    assert.deepEqual(invalid, ['b/1', 'b/2', 'b/3', 'b/4', 'b/5', 'b/6']);
  });

  it('treats a table that is not an object as nothing valid', () => {
    for (const raw of [null, 'marks', 42, [{ a: 1 }]]) {
      assert.deepEqual(decodeMarkTable(raw), { marks: new Map(), invalid: ['*'] }, String(raw));
    }
  });

  it('keeps an id such as __proto__ as data', () => {
    const { marks } = decodeMarkTable(JSON.parse('{"__proto__": {"s": 1}}'));
    assert.deepEqual(marks.get('__proto__'), { s: 1 });
    assert.equal(marks.get('constructor'), undefined);
  });

  it('decodes a single mark strictly (import files are taken whole or not at all)', () => {
    assert.equal(decodeMark({ a: 'yesterday', s: 1 }), undefined);
    assert.deepEqual(decodeMark({ a: 5, s: 1 }), { a: 5, s: 1 });
  });
});
