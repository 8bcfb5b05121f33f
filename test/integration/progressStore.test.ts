import * as assert from 'node:assert/strict';
import { CORRUPT_KEY_PREFIX, MARKS_KEY, MementoProgressStore } from '../../src/state/progressStore';
import { SYNCED_KEYS } from '../../src/state/syncedKeys';
import { FakeMemento } from './helpers';

const NOW = 1_800_000_000_000;

describe('Stored progress read back (MementoProgressStore)', () => {
  let memento: FakeMemento;
  let warnings: string[];
  let store: MementoProgressStore;
  const corruptKeys = () => memento.keys().filter((key) => key.startsWith(CORRUPT_KEY_PREFIX));

  const CORRUPT_MARKS = { 'b/1': { a: 'yesterday', s: 1 }, 'b/2': { a: 5, r: 6 }, 'b/3': 'junk', 'b/4': { s: true } };

  beforeEach(() => {
    memento = new FakeMemento();
    warnings = [];
    store = new MementoProgressStore(memento, { now: () => NOW, log: { warn: (message: string) => void warnings.push(message) } });
  });

  afterEach(() => store.dispose());

  it('hands the views only valid values, whatever is stored', () => {
    memento.values.set(MARKS_KEY, structuredClone(CORRUPT_MARKS));
    assert.deepEqual(store.get('b/1'), { attemptedAt: undefined, revealedAt: undefined, starred: true });
    assert.deepEqual(store.get('b/2'), { attemptedAt: 5, revealedAt: 6, starred: false });
    assert.deepEqual(store.get('b/3'), { attemptedAt: undefined, revealedAt: undefined, starred: false });
    assert.deepEqual(store.get('b/4'), { attemptedAt: undefined, revealedAt: undefined, starred: false });
  });

  it('writes back only valid entries, after keeping the raw value aside and saying where', async () => {
    memento.values.set(MARKS_KEY, structuredClone(CORRUPT_MARKS));
    await store.setStarred('b/2', true);
    assert.deepEqual(memento.get(MARKS_KEY), { 'b/1': { s: 1 }, 'b/2': { a: 5, r: 6, s: 1 } });
    assert.deepEqual(corruptKeys(), [`${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${NOW}`]);
    assert.deepEqual(memento.get(corruptKeys()[0]), CORRUPT_MARKS);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], new RegExp(`${MARKS_KEY}.*${corruptKeys()[0]}`));
    assert.deepEqual(memento.synced, SYNCED_KEYS, 'the copy aside is not synced');
    assert.ok(memento.synced.includes(MARKS_KEY) && memento.synced.includes('dojo.cards.v1'), 'marks and cards sync, in one call');

    await store.markRevealed('b/1');
    assert.equal(corruptKeys().length, 1, 'a clean value is not copied again');
    assert.deepEqual(memento.get(MARKS_KEY), { 'b/1': { s: 1, r: NOW }, 'b/2': { a: 5, r: 6, s: 1 } });
  });

  it('replaces a wrong-typed marks table on the next attempt, keeping it aside', async () => {
    memento.values.set(MARKS_KEY, [1, 2, 3]);
    await store.setAttempted('b/9', true);
    assert.deepEqual(memento.get(MARKS_KEY), { 'b/9': { a: NOW } });
    assert.deepEqual(corruptKeys(), [`${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${NOW}`]);
    assert.deepEqual(memento.get(`${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${NOW}`), [1, 2, 3]);
  });

  it('keeps nothing aside and logs nothing while the stored values are valid', async () => {
    await store.setAttempted('b/1', true);
    await store.setStarred('b/1', true);
    await store.markRevealed('b/1');
    assert.deepEqual(store.get('b/1'), { attemptedAt: NOW, revealedAt: NOW, starred: true });
    assert.deepEqual(corruptKeys(), []);
    assert.deepEqual(warnings, []);
  });
});
