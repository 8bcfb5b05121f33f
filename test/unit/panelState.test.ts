// Whether the practice panel shows the answer again after a reload or when the same question is shown again.
import * as assert from 'node:assert/strict';
import type { PracticeState } from '../../src/webview/protocol';
import { stillRevealed } from '../../src/webview/client/panelState';

function state(change: Partial<PracticeState>): PracticeState {
  return { panelKey: 'k', questionId: 'q', attempt: '', unsaved: false, base: '', sent: [], filed: 0, revealed: true, ...change };
}

describe('stillRevealed', () => {
  it('shows the answer again for the attempt it was revealed for', () => {
    assert.equal(stillRevealed(state({ filed: 2 }), 'q', 2, false), true);
  });

  it('hides it when VS Code restores a state saved before the attempt was graded (an attempt was filed since)', () => {
    assert.equal(stillRevealed(state({ filed: 0 }), 'q', 1, false), false);
  });

  it('hides it for a fresh attempt, another question, or an answer that was not revealed', () => {
    assert.equal(stillRevealed(state({}), 'q', 0, true), false);
    assert.equal(stillRevealed(state({}), 'other', 0, false), false);
    assert.equal(stillRevealed(state({ revealed: false }), 'q', 0, false), false);
    assert.equal(stillRevealed(undefined, 'q', 0, false), false);
  });

  it('keeps the answer of a state saved by 0.2.0, which did not count filed attempts', () => {
    assert.equal(stillRevealed(state({ filed: undefined }), 'q', 3, false), true);
  });
});
