import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { ATTEMPTS_KEY, CORRUPT_KEY_PREFIX, MARKS_KEY, MementoProgressStore } from '../../src/state/progressStore';

/** globalState as the store uses it: get returns the stored object until update replaces it. */
class FakeMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  synced: readonly string[] = [];

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return (this.values.has(key) ? this.values.get(key) : defaultValue) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }

  setKeysForSync(keys: readonly string[]): void {
    this.synced = keys;
  }
}

const NOW = 1_800_000_000_000;

describe('Stored progress read back (MementoProgressStore)', () => {
  let memento: FakeMemento;
  let warnings: string[];
  let store: MementoProgressStore;
  const corruptKeys = () => memento.keys().filter((key) => key.startsWith(CORRUPT_KEY_PREFIX));

  const CORRUPT_MARKS = { 'b/1': { a: 'yesterday', s: 1 }, 'b/2': { a: 5, r: 6 }, 'b/3': 'junk', 'b/4': { s: true } };
  const CORRUPT_ATTEMPTS = { 'b/1': 42, 'b/2': 'my attempt', 'b/3': ['x'] };

  beforeEach(() => {
    memento = new FakeMemento();
    warnings = [];
    store = new MementoProgressStore(memento, { now: () => NOW, log: { warn: (message: string) => void warnings.push(message) } });
  });

  afterEach(() => store.dispose());

  it('hands the views only valid values, whatever is stored', () => {
    memento.values.set(MARKS_KEY, structuredClone(CORRUPT_MARKS));
    memento.values.set(ATTEMPTS_KEY, structuredClone(CORRUPT_ATTEMPTS));
    assert.deepEqual(store.get('b/1'), { attempt: '', attemptedAt: undefined, revealedAt: undefined, starred: true });
    assert.deepEqual(store.get('b/2'), { attempt: 'my attempt', attemptedAt: 5, revealedAt: 6, starred: false });
    assert.deepEqual(store.get('b/3'), { attempt: '', attemptedAt: undefined, revealedAt: undefined, starred: false });
    assert.deepEqual(store.get('b/4'), { attempt: '', attemptedAt: undefined, revealedAt: undefined, starred: false });
  });

  it('writes back only valid entries, after keeping the raw value aside and saying where', async () => {
    memento.values.set(MARKS_KEY, structuredClone(CORRUPT_MARKS));
    await store.setStarred('b/2', true);
    assert.deepEqual(memento.get(MARKS_KEY), { 'b/1': { s: 1 }, 'b/2': { a: 5, r: 6, s: 1 } });
    assert.deepEqual(corruptKeys(), [`${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${NOW}`]);
    assert.deepEqual(memento.get(corruptKeys()[0]), CORRUPT_MARKS);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], new RegExp(`${MARKS_KEY}.*${corruptKeys()[0]}`));
    assert.deepEqual(memento.synced, [MARKS_KEY], 'the copy aside is not synced');

    await store.markRevealed('b/1');
    assert.equal(corruptKeys().length, 1, 'a clean value is not copied again');
    assert.deepEqual(memento.get(MARKS_KEY), { 'b/1': { s: 1, r: NOW }, 'b/2': { a: 5, r: 6, s: 1 } });
  });

  it('replaces wrong-typed attempts and marks tables on the next attempt, keeping both aside', async () => {
    memento.values.set(MARKS_KEY, [1, 2, 3]);
    memento.values.set(ATTEMPTS_KEY, structuredClone(CORRUPT_ATTEMPTS));
    await store.setAttempt('b/9', 'new answer');
    assert.deepEqual(memento.get(ATTEMPTS_KEY), { 'b/2': 'my attempt', 'b/9': 'new answer' });
    assert.deepEqual(memento.get(MARKS_KEY), { 'b/9': { a: NOW } });
    assert.deepEqual(corruptKeys().sort(), [`${CORRUPT_KEY_PREFIX}${ATTEMPTS_KEY}.${NOW}`, `${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${NOW}`]);
    assert.deepEqual(memento.get(`${CORRUPT_KEY_PREFIX}${MARKS_KEY}.${NOW}`), [1, 2, 3]);
  });

  it('keeps nothing aside and logs nothing while the stored values are valid', async () => {
    await store.setAttempt('b/1', 'answer');
    await store.setStarred('b/1', true);
    await store.markRevealed('b/1');
    assert.deepEqual(store.get('b/1'), { attempt: 'answer', attemptedAt: NOW, revealedAt: NOW, starred: true });
    assert.deepEqual(corruptKeys(), []);
    assert.deepEqual(warnings, []);
  });
});
