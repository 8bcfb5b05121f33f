import * as assert from 'node:assert/strict';
import { checkAttempts, checkMarks, entryOf } from '../../src/core/storedProgress';

describe('checkMarks', () => {
  it('keeps valid marks as they are', () => {
    const raw = { 'b/1': { a: 1700000000000, r: 1700000001000, s: 1 }, 'b/2': { s: 1 } };
    assert.deepEqual(checkMarks(raw), { table: raw, dropped: false });
    assert.deepEqual(checkMarks(undefined), { table: {}, dropped: false });
  });

  it('drops wrong-typed fields, unknown fields and entries that are not objects, keeping the valid rest', () => {
    const raw = {
      'b/1': { a: 'yesterday', s: 1 },
      'b/2': { a: 5, r: -1, s: true },
      'b/3': 'junk',
      'b/4': null,
      'b/5': [1],
      'b/6': { a: Number.NaN, x: 1 },
      'b/7': { r: 7 },
    };
    assert.deepEqual(checkMarks(raw), { table: { 'b/1': { s: 1 }, 'b/2': { a: 5 }, 'b/7': { r: 7 } }, dropped: true });
  });

  it('treats a table that is not an object as nothing valid', () => {
    for (const raw of [null, 'marks', 42, [{ a: 1 }]]) assert.deepEqual(checkMarks(raw), { table: {}, dropped: true }, String(raw));
  });

  it('keeps an id such as __proto__ as data, and never answers for an inherited property', () => {
    const raw = JSON.parse('{"__proto__": {"s": 1}}');
    const { table } = checkMarks(raw);
    assert.deepEqual(entryOf(table, '__proto__'), { s: 1 });
    assert.equal(Object.getPrototypeOf(table), Object.prototype);
    assert.equal(entryOf(table, 'constructor'), undefined);
  });
});

describe('checkAttempts', () => {
  it('keeps the texts and drops everything else', () => {
    assert.deepEqual(checkAttempts({ 'b/1': 'my answer', 'b/2': 42, 'b/3': { text: 'x' }, 'b/4': '' }), {
      table: { 'b/1': 'my answer', 'b/4': '' },
      dropped: true,
    });
    assert.deepEqual(checkAttempts(['x']), { table: {}, dropped: true });
  });
});
