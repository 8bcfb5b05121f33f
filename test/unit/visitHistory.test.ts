import * as assert from 'node:assert/strict';
import { MAX_VISITS, VisitHistory, isVisitHistoryState } from '../../src/core/visitHistory';

function visited(...ids: string[]): VisitHistory {
  const history = new VisitHistory();
  for (const id of ids) history.visit(id);
  return history;
}

describe('VisitHistory', () => {
  it('goes back through the questions in the order they were shown, then forward again', () => {
    const history = visited('a', 'r', 'b');
    assert.equal(history.back(), 'r');
    assert.equal(history.back(), 'a');
    assert.equal(history.back(), undefined);
    assert.equal(history.current, 'a');
    assert.equal(history.forward(), 'r');
    assert.equal(history.forward(), 'b');
    assert.equal(history.forward(), undefined);
  });

  it('drops the forward entries when another question is shown after going back', () => {
    const history = visited('a', 'b', 'c');
    history.back();
    history.visit('x');
    assert.equal(history.canGoForward(), false);
    assert.equal(history.back(), 'b');
    assert.deepEqual(history.toState(), { ids: ['a', 'b', 'x'], at: 1 });
  });

  it('does not record the question on screen twice in a row', () => {
    assert.deepEqual(visited('a', 'a', 'b', 'b').toState(), { ids: ['a', 'b'], at: 1 });
  });

  it('skips questions that no longer exist and the one on screen seen again earlier', () => {
    const history = visited('a', 'gone', 'b', 'c', 'b');
    const exists = (id: string) => id !== 'gone';
    assert.equal(history.back(exists), 'c');
    assert.equal(history.back(exists), 'b');
    assert.equal(history.back(exists), 'a');
    assert.equal(history.canGoBack(exists), false);
  });

  it('keeps only the most recent visits', () => {
    const history = visited(...Array.from({ length: MAX_VISITS + 5 }, (_, i) => `q${i}`));
    const state = history.toState();
    assert.equal(state.ids.length, MAX_VISITS);
    assert.equal(state.ids[0], 'q5');
    assert.equal(history.current, `q${MAX_VISITS + 4}`);
  });

  it('restores from a stored state and continues from its position', () => {
    const history = new VisitHistory({ ids: ['a', 'b', 'c'], at: 1 });
    assert.equal(history.current, 'b');
    assert.equal(history.forward(), 'c');
  });

  it('starts empty from a stored state that is not a history', () => {
    for (const bad of [null, 3, { ids: 'a', at: 0 }, { ids: ['a'], at: 5 }, { ids: [1], at: 0 }, { ids: ['a'], at: 0.5 }]) {
      assert.equal(isVisitHistoryState(bad), false, JSON.stringify(bad));
      assert.equal(new VisitHistory(bad as never).current, undefined);
    }
  });
});
