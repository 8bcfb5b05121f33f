import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { PANELS_KEY, PanelRecords } from '../../src/state/panelRecords';

function memento(initial: Record<string, unknown> = {}): vscode.Memento {
  const values = new Map(Object.entries(initial));
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
  } as vscode.Memento;
}

describe('PanelRecords', () => {
  it('gives the question a panel recorded last, and nothing after the panel is forgotten', async () => {
    const records = new PanelRecords(memento());
    await records.record('a', 'bank/1');
    await records.record('a', 'bank/2');
    assert.equal(records.questionOf('a'), 'bank/2');
    await records.forget('a');
    assert.equal(records.questionOf('a'), undefined);
  });

  it('ignores malformed stored records and does not write them back', async () => {
    const store = memento({ [PANELS_KEY]: { good: { q: 'bank/1', t: 1 }, bad: { q: 42 }, worse: null } });
    const records = new PanelRecords(store, () => 2);
    assert.equal(records.questionOf('good'), 'bank/1');
    assert.equal(records.questionOf('bad'), undefined);
    await records.record('new', 'bank/3');
    assert.deepEqual(Object.keys(store.get<object>(PANELS_KEY)!).sort(), ['good', 'new']);
    assert.equal(new PanelRecords(memento({ [PANELS_KEY]: ['not', 'a', 'table'] })).questionOf('0'), undefined);
  });

  it('keeps at most 50 panels, the most recent, and forgets month-old ones', async () => {
    let now = 0;
    const store = memento();
    const records = new PanelRecords(store, () => now);
    await records.record('ancient', 'bank/0');
    now = 31 * 24 * 3600 * 1000;
    for (let i = 0; i < 60; i++) {
      now += 1;
      await records.record(`p${i}`, `bank/${i}`);
    }
    const keys = Object.keys(store.get<object>(PANELS_KEY)!);
    assert.equal(keys.length, 50);
    assert.equal(records.questionOf('ancient'), undefined);
    assert.equal(records.questionOf('p9'), undefined);
    assert.equal(records.questionOf('p59'), 'bank/59');
  });

  it("keeps the panel's Back/Forward history with its record, and drops a malformed one", async () => {
    const store = memento({ [PANELS_KEY]: { broken: { q: 'bank/1', t: 1, h: { ids: 'x', at: 0 } } } });
    const records = new PanelRecords(store, () => 2);
    await records.record('a', 'bank/2', { ids: ['bank/1', 'bank/2'], at: 1 });
    assert.deepEqual(records.historyOf('a'), { ids: ['bank/1', 'bank/2'], at: 1 });
    assert.equal(records.historyOf('broken'), undefined);
    assert.equal(records.questionOf('broken'), undefined);
  });
});
