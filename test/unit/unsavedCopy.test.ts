// The webview's decisions about unsaved attempt text: a local copy wins over the stored text only when it was typed on
// top of what is stored now, and copies live in localStorage until the extension confirms it stored them.
import * as assert from 'node:assert/strict';
import {
  attemptToShow,
  LocalCopies,
  MAX_SENT_HASHES,
  sentAfterStored,
  textHash,
  withSent,
  type KeyValueStore,
} from '../../src/webview/client/unsavedCopy';

function memoryStore(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe('textHash', () => {
  it('is the 32-bit FNV-1a the 0.2 webview stored in its state, so states saved before an update still match', () => {
    // The value media/practice.js computed for "abc" (FNV-1a over UTF-16 code units).
    assert.equal(textHash('abc'), 0x1a47e90b);
    assert.equal(textHash(''), 0x811c9dc5);
  });
});

describe('attemptToShow', () => {
  it('shows unsaved text typed on top of the stored text', () => {
    assert.deepEqual(attemptToShow({ text: 'stored', filed: 0 }, false, [{ text: 'stored and more', base: 'stored', sent: [] }]), {
      text: 'stored and more',
      local: true,
    });
  });

  it('shows unsaved text when the extension stored part of it since (its hash was delivered)', () => {
    const sent = withSent(withSent([], 'stored and'), 'stored and more');
    assert.deepEqual(attemptToShow({ text: 'stored and', filed: 0 }, false, [{ text: 'stored and more', base: 'old', sent }]), {
      text: 'stored and more',
      local: true,
    });
  });

  it('never lets a copy made before newer text was stored replace that text', () => {
    assert.deepEqual(attemptToShow({ text: 'newer stored', filed: 0 }, false, [{ text: 'out of date', base: 'long ago', sent: [textHash('other')] }]), {
      text: 'newer stored',
      local: false,
    });
  });

  it('never brings back edits made before the attempt was graded, though the new stored text equals their base', () => {
    // Typed on an empty attempt, then graded: the stored attempt is empty again, one attempt is filed.
    const typedBeforeGrade = { text: 'graded answer', base: '', sent: withSent([], 'graded answer'), filed: 0 };
    assert.deepEqual(attemptToShow({ text: '', filed: 1 }, false, [typedBeforeGrade]), { text: '', local: false });
    const typedAfterGrade = { ...typedBeforeGrade, text: 'a new answer', filed: 1 };
    assert.deepEqual(attemptToShow({ text: '', filed: 1 }, false, [typedAfterGrade]), { text: 'a new answer', local: true });
  });

  it('still restores a copy made by 0.2.0, which did not record the filed attempts', () => {
    assert.equal(attemptToShow({ text: '', filed: 3 }, false, [{ text: 'typed', base: '', sent: [] }]).local, true);
  });

  it('takes the first usable copy: the webview state before localStorage', () => {
    const copies = [undefined, { text: 'from state', base: 's', sent: [] }, { text: 'from storage', base: 's', sent: [] }];
    assert.equal(attemptToShow({ text: 's', filed: 0 }, false, copies).text, 'from state');
  });

  it('shows the stored text after a grade or "Practise again" (fresh), whatever is typed locally', () => {
    assert.deepEqual(attemptToShow({ text: '', filed: 1 }, true, [{ text: 'typed', base: '', sent: [] }]), { text: '', local: false });
  });
});

describe('sent hashes', () => {
  it('keeps only the deliveries after the stored one', () => {
    const sent = withSent(withSent(withSent([], 'a'), 'ab'), 'abc');
    assert.deepEqual(sentAfterStored(sent, 'ab'), [textHash('abc')]);
    assert.deepEqual(sentAfterStored(sent, 'never sent'), sent);
  });

  it(`keeps at most ${MAX_SENT_HASHES}`, () => {
    let sent: number[] = [];
    for (let i = 0; i < MAX_SENT_HASHES + 10; i++) sent = withSent(sent, String(i));
    assert.equal(sent.length, MAX_SENT_HASHES);
    assert.equal(sent[sent.length - 1], textHash(String(MAX_SENT_HASHES + 9)));
  });
});

describe('LocalCopies', () => {
  it('keeps a copy under the question and forgets it once that text is stored, but not newer typing', () => {
    const store = memoryStore();
    const copies = new LocalCopies(() => store);
    copies.remember('q', { text: 'typed', base: '', sent: [1], filed: 2 });
    assert.deepEqual(copies.get('q'), { text: 'typed', base: '', sent: [1], filed: 2 });
    assert.ok(store.items.has('dojo.unsavedAttempt.q'));
    copies.forget('q', 'older text');
    assert.equal(copies.get('q')?.text, 'typed', 'newer typing stays');
    copies.forget('q', 'typed');
    assert.equal(copies.get('q'), undefined);
  });

  it('keeps no copy without a base (nothing known about what is stored)', () => {
    const copies = new LocalCopies(memoryStore);
    copies.remember('q', { text: 'typed', base: undefined, sent: [] });
    assert.equal(copies.get('q'), undefined);
  });

  it('ignores what is not its copy, and works on without storage', () => {
    const store = memoryStore();
    store.setItem('dojo.unsavedAttempt.q', JSON.stringify({ text: 'x', base: 'y' }));
    store.setItem('dojo.unsavedAttempt.r', '{not json');
    const copies = new LocalCopies(() => store);
    assert.equal(copies.get('q'), undefined);
    assert.equal(copies.get('r'), undefined);
    const unavailable = new LocalCopies(() => {
      throw new Error('SecurityError');
    });
    unavailable.remember('q', { text: 't', base: '', sent: [] });
    unavailable.forget('q');
    assert.equal(unavailable.get('q'), undefined);
  });
});
