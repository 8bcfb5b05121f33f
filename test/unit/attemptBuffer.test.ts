import * as assert from 'node:assert/strict';
import { AttemptBuffer, type Schedule } from '../../src/state/attemptBuffer';

/** A store like the Memento: the value applies in memory at once; the write settles when `settle()` is called. */
function fakeStore() {
  const memory = new Map<string, string>();
  const settlers: Array<() => void> = [];
  let failNext = false;
  return {
    memory,
    failNext: () => (failNext = true),
    settleAll: () => settlers.splice(0).forEach((settle) => settle()),
    store: (id: string, text: string) => {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('disk full'));
      }
      memory.set(id, text);
      return new Promise<void>((resolve) => settlers.push(resolve));
    },
  };
}

/** A timer driven by the test: `fire()` runs what is scheduled. */
function manualTimer() {
  let pending: (() => void) | undefined;
  const schedule: Schedule = (run) => {
    pending = run;
    return () => (pending = undefined);
  };
  return { schedule, scheduled: () => pending !== undefined, fire: () => pending?.() };
}

function setup() {
  const store = fakeStore();
  const timer = manualTimer();
  const stored: string[] = [];
  const failed: string[] = [];
  const buffer = new AttemptBuffer({
    store: store.store,
    stored: (id, text) => stored.push(`${id}=${text}`),
    failed: (id) => failed.push(id),
    schedule: timer.schedule,
  });
  return { store, timer, stored, failed, buffer };
}

describe('AttemptBuffer', () => {
  it('keeps every change in memory and stores only the latest one when the typing pauses', () => {
    const { store, timer, buffer } = setup();
    buffer.set('q1', 'a');
    buffer.set('q1', 'ab');
    assert.equal(buffer.pending('q1'), 'ab');
    assert.equal(store.memory.get('q1'), undefined, 'nothing is written while the user types');
    timer.fire();
    assert.equal(store.memory.get('q1'), 'ab');
    assert.equal(buffer.pending('q1'), undefined);
  });

  it('writes at once on flush (a panel closing), without waiting for the timer, and stops the timer', async () => {
    const { store, timer, stored, buffer } = setup();
    buffer.set('q1', 'typed just before Ctrl+W');
    const flushed = buffer.flush('q1');
    assert.equal(store.memory.get('q1'), 'typed just before Ctrl+W', 'the write started synchronously');
    assert.equal(timer.scheduled(), false);
    store.settleAll();
    await flushed;
    assert.deepEqual(stored, ['q1=typed just before Ctrl+W']);
  });

  it('flushes one question on a switch and leaves the others pending', () => {
    const { store, buffer } = setup();
    buffer.set('q1', 'one');
    buffer.set('q2', 'two');
    void buffer.flush('q1');
    assert.equal(store.memory.get('q1'), 'one');
    assert.equal(store.memory.get('q2'), undefined);
    assert.equal(buffer.pending('q2'), 'two');
  });

  it('resolves a flush of everything only once every write has finished (what deactivate awaits)', async () => {
    const { store, buffer } = setup();
    buffer.set('q1', 'one');
    buffer.set('q2', 'two');
    let done = false;
    const flushed = buffer.flush().then(() => (done = true));
    await Promise.resolve();
    assert.equal(done, false, 'still writing');
    store.settleAll();
    await flushed;
    assert.deepEqual([...store.memory.entries()].sort(), [['q1', 'one'], ['q2', 'two']]);
  });

  it('stores what is pending when disposed', () => {
    const { store, timer, buffer } = setup();
    buffer.set('q1', 'last words');
    buffer.dispose();
    assert.equal(store.memory.get('q1'), 'last words');
    assert.equal(timer.scheduled(), false);
  });

  it('keeps the text after a failed write and stores it on the next flush', async () => {
    const { store, failed, buffer } = setup();
    buffer.set('q1', 'precious');
    store.failNext();
    await buffer.flush('q1');
    assert.deepEqual(failed, ['q1']);
    assert.equal(buffer.pending('q1'), 'precious');
    const again = buffer.flush('q1');
    store.settleAll();
    await again;
    assert.equal(store.memory.get('q1'), 'precious');
  });

  it('does not put an older text back over newer typing when a write fails', async () => {
    const { store, buffer } = setup();
    buffer.set('q1', 'old');
    store.failNext();
    const flushed = buffer.flush('q1');
    buffer.set('q1', 'newer');
    await flushed;
    assert.equal(buffer.pending('q1'), 'newer');
  });
});
