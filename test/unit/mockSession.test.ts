// The mock interview's steps with a fake clock: choosing questions, time spent, skip, the three ways a session
// ends, attempts and grades recorded, totals, the weak ones, and the stored form checked on the way back in.
import * as assert from 'node:assert/strict';
import { clockText } from '../../src/core/mock/clockText';
import { mockMarkdown } from '../../src/core/mock/mockMarkdown';
import {
  chooseMockQuestions, currentQuestion, endMock, checkTime, isRunning, mockTotals, moveOn, parseMockSession, questionCount, startMock,
  timeLeft, weakOnes, withAttempts, withGrade, type MockCandidate, type MockConfig,
} from '../../src/core/mock/mockSession';
import { GRADE } from '../../src/core/review/grades';

const MIN = 60_000;
const candidates: MockCandidate[] = [
  { id: 'a', domain: 'nlp' }, { id: 'b', domain: 'nlp' }, { id: 'c', domain: 'vision' }, { id: 'd', domain: 'nlp' }, { id: 'e', domain: 'nlp' },
];
const marks = { isDue: (id: string) => id === 'd', isSeen: (id: string) => id === 'd' || id === 'b' };
/** Always the first choice: the shuffle keeps the order. */
const noShuffle = () => 0.999_999;
const timed: MockConfig = { length: { kind: 'minutes', minutes: 15 }, domains: [], source: 'any' };

describe('a mock interview', () => {
  it('picks from the chosen domains by source: due first, then seen, then new; never seen only; or any', () => {
    const nlp = { ...timed, domains: ['nlp'] };
    assert.deepEqual(chooseMockQuestions(candidates, { ...nlp, source: 'due' }, marks, noShuffle), ['d', 'b', 'a', 'e']);
    assert.deepEqual(chooseMockQuestions(candidates, { ...nlp, source: 'unseen' }, marks, noShuffle), ['a', 'e']);
    assert.deepEqual(new Set(chooseMockQuestions(candidates, { ...timed, source: 'any' }, marks, Math.random)), new Set(['a', 'b', 'c', 'd', 'e']));
    assert.deepEqual(chooseMockQuestions(candidates, { ...timed, length: { kind: 'questions', count: 2 } }, marks, noShuffle), ['a', 'b']);
    assert.equal(questionCount({ kind: 'minutes', minutes: 45 }), 15);
  });

  it('counts the time each question was on screen, skipped or answered, and ends when none is left', () => {
    let session = startMock('s1', { ...timed, length: { kind: 'questions', count: 2 } }, ['a', 'b'], 1000);
    assert.equal(currentQuestion(session), 'a');
    assert.equal(timeLeft(session, 5000), undefined, 'no countdown for a number of questions');
    session = moveOn(session, 1000 + 2 * MIN, true);
    assert.equal(currentQuestion(session), 'b');
    session = moveOn(session, 1000 + 5 * MIN, false);
    assert.equal(isRunning(session), false);
    assert.equal(session.endReason, 'done');
    assert.deepEqual(session.items.map((item) => [item.id, item.spentMs, item.skipped]), [['a', 2 * MIN, true], ['b', 3 * MIN, false]]);
  });

  it('ends a timed session when its time is up, counting the last question up to the deadline', () => {
    let session = startMock('s2', timed, ['a', 'b', 'c'], 0);
    assert.equal(timeLeft(session, 10 * MIN), 5 * MIN);
    session = moveOn(session, 4 * MIN, false);
    assert.equal(checkTime(session, 14 * MIN), session, 'still running');
    session = checkTime(session, 16 * MIN);
    assert.equal(session.endReason, 'time');
    assert.equal(session.endedAt, 15 * MIN);
    assert.deepEqual(session.items.map((item) => item.spentMs), [4 * MIN, 11 * MIN, 0]);
    assert.equal(timeLeft(session, 16 * MIN), 0);
    // Moving on after the time is up ends it by time too, never past the deadline.
    const late = moveOn(startMock('s3', timed, ['a', 'b'], 0), 20 * MIN, false);
    assert.deepEqual([late.endReason, late.items[0]!.spentMs, late.current], ['time', 15 * MIN, 0]);
  });

  it('ends early on request, keeps the attempts of the questions reached, grades feed the weak ones, and totals add up', () => {
    let session = startMock('s4', timed, ['a', 'b', 'c'], 0);
    session = moveOn(session, MIN, false);
    session = endMock(session, 3 * MIN, 'early');
    session = withAttempts(session, (id) => ({ text: id === 'a' ? 'my answer' : 'half', coverage: id === 'a' ? 0.8 : 0.2 }));
    assert.deepEqual(session.items.map((item) => item.attempt), ['my answer', 'half', undefined], 'c was never reached');
    session = withGrade(withGrade(session, 'a', GRADE.good), 'b', GRADE.hard);
    assert.deepEqual(weakOnes(session), ['b']);
    assert.deepEqual(mockTotals(session), { questions: 3, answered: 2, skipped: 0, unreached: 1, spentMs: 3 * MIN, coverage: 0.5 });
  });

  it('reads back a stored session, and refuses what is not one', () => {
    const session = withGrade(endMock(startMock('s5', timed, ['a'], 0), MIN, 'early'), 'a', GRADE.again);
    assert.deepEqual(parseMockSession(JSON.parse(JSON.stringify(session))), session);
    for (const bad of [null, [], { ...session, id: '../x' }, { ...session, items: [{ id: 'a' }] }, { ...session, config: { ...timed, source: 'all' } }, { ...session, endReason: 'crash' }]) {
      assert.equal(parseMockSession(bad), undefined, JSON.stringify(bad));
    }
  });

  it('exports the summary as Markdown, the attempt fenced so that it stays text', () => {
    let session = startMock('s6', timed, ['a', 'b'], 0);
    session = withAttempts(endMock(session, MIN, 'early'), () => ({ text: 'uses ``` and # heading' }));
    const text = mockMarkdown(session, (id) => ({ title: `Question ${id}`, answer: id === 'a' ? '1. **point**' : '' }), {
      title: 'Mock interview', totals: ['Answered: 1 of 2'], attempt: 'Your attempt', reference: 'Reference answer', noAttempt: 'No attempt',
      noReference: 'No reference answer', meta: (index, spent) => `#${index + 1} · ${spent / 1000} s`,
    });
    assert.match(text, /^# Mock interview\n\n- Answered: 1 of 2\n/);
    assert.match(text, /## 1\. Question a\n\n#1 · 60 s\n\n### Your attempt\n\n````text\nuses ``` and # heading\n````\n\n### Reference answer\n\n1\. \*\*point\*\*/);
    assert.match(text, /## 2\. Question b[\s\S]*_No attempt_[\s\S]*_No reference answer_/);
  });
});

describe('the mock interview clock', () => {
  it('shows minutes and seconds, hours past an hour, counting down rounded up and elapsed rounded down', () => {
    assert.equal(clockText(15 * MIN), '15:00');
    assert.equal(clockText(59_001), '1:00');
    assert.equal(clockText(500), '0:01');
    assert.equal(clockText(0), '0:00');
    assert.equal(clockText(-5), '0:00');
    assert.equal(clockText(3_723_000, false), '1:02:03');
    assert.equal(clockText(1_999, false), '0:01');
  });
});
