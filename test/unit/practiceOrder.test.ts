import * as assert from 'node:assert/strict';
import type { Question } from '../../src/core/model';
import { mostRecent, pickRandom, stepFrom } from '../../src/core/practiceOrder';
import { makeQuestion } from './fixtures/question';

const question = (id: string) => makeQuestion({ id, hasReference: false });

const abcd = ['a', 'b', 'c', 'd'].map(question);
const ids = (qs: (Question | undefined)[]) => qs.map((q) => q?.id);

describe('stepFrom', () => {
  it('moves to the following and preceding question in order', () => {
    assert.deepEqual(ids([stepFrom(abcd, 'b', 'next'), stepFrom(abcd, 'b', 'previous')]), ['c', 'a']);
  });

  it('wraps around at both ends', () => {
    assert.deepEqual(ids([stepFrom(abcd, 'd', 'next'), stepFrom(abcd, 'a', 'previous')]), ['a', 'd']);
  });

  it('starts at the first for next and the last for previous when nothing is current', () => {
    assert.deepEqual(ids([stepFrom(abcd, undefined, 'next'), stepFrom(abcd, undefined, 'previous')]), ['a', 'd']);
  });

  it('treats a question that is no longer listed like no current question', () => {
    assert.equal(stepFrom(abcd, 'gone', 'next')?.id, 'a');
  });

  it('skips questions the filter rejects, even when the current one is rejected too', () => {
    const accept = (q: Question) => q.id !== 'c' && q.id !== 'b';
    assert.equal(stepFrom(abcd, 'b', 'next', accept)?.id, 'd');
    assert.equal(stepFrom(abcd, 'b', 'previous', accept)?.id, 'a');
  });

  it('returns nothing when no other question is acceptable', () => {
    assert.equal(stepFrom(abcd, 'a', 'next', (q) => q.id === 'a'), undefined);
    assert.equal(stepFrom([], undefined, 'next'), undefined);
  });
});

describe('pickRandom', () => {
  it('picks only among unseen questions while there are any', () => {
    const seen = new Set(['a', 'b', 'd']);
    for (const r of [0, 0.3, 0.6, 0.99]) {
      assert.equal(pickRandom(abcd, [(q) => !seen.has(q.id)], () => r)?.id, 'c');
    }
  });

  it('maps the random number onto the pool in order', () => {
    const none = () => true;
    assert.deepEqual(ids([0, 0.25, 0.5, 0.75].map((r) => pickRandom(abcd, [none], () => r))), ['a', 'b', 'c', 'd']);
  });

  it('avoids the current question', () => {
    const picks = new Set([0, 0.2, 0.4, 0.6, 0.8, 0.99].map((r) => pickRandom(abcd, [() => true], () => r, 'b')?.id));
    assert.ok(!picks.has('b'));
    assert.deepEqual([...picks].sort(), ['a', 'c', 'd']);
  });

  it('falls back to seen questions once everything is seen', () => {
    assert.equal(pickRandom(abcd, [() => false], () => 0.5, 'a')?.id, 'c');
  });

  it('returns the current question when it is the only one, and nothing for an empty list', () => {
    assert.equal(pickRandom([question('a')], [() => true], () => 0.5, 'a')?.id, 'a');
    assert.equal(pickRandom([], [() => true], () => 0.5), undefined);
  });

  it('prefers the first kind that has a question, then the next, before any other', () => {
    const due = new Set(['b', 'd']);
    const unseen = new Set(['a', 'c']);
    const preferences = [(q: Question) => due.has(q.id), (q: Question) => unseen.has(q.id)];
    assert.deepEqual(ids([0, 0.6].map((r) => pickRandom(abcd, preferences, () => r))), ['b', 'd']);
    // The only due question left is on screen: the next preference takes over.
    const onlyB = [(q: Question) => q.id === 'b', preferences[1]!];
    assert.deepEqual(ids([0, 0.6].map((r) => pickRandom(abcd, onlyB, () => r, 'b'))), ['a', 'c']);
    // Nothing preferred: any question but the current one.
    assert.equal(pickRandom(abcd, [() => false, () => false], () => 0.99, 'd')?.id, 'c');
  });

  it('stays in range when the source returns a value at the upper edge', () => {
    assert.equal(pickRandom(abcd, [], () => 0.9999999999)?.id, 'd');
  });
});

describe('mostRecent', () => {
  const times: Record<string, number> = { a: 100, c: 300, d: 200 };
  const at = (q: Question) => times[q.id];

  it('lists the practised questions latest first, leaving out those never practised', () => {
    assert.deepEqual(ids(mostRecent(abcd, at, 10)), ['c', 'd', 'a']);
  });

  it('keeps at most limit, and none for a limit below one', () => {
    assert.deepEqual(ids(mostRecent(abcd, at, 2)), ['c', 'd']);
    assert.deepEqual(mostRecent(abcd, at, 0), []);
  });

  it('keeps the given order for equal times', () => {
    assert.deepEqual(ids(mostRecent(abcd, () => 5, 4)), ['a', 'b', 'c', 'd']);
  });
});
