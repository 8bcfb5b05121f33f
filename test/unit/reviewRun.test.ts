import * as assert from 'node:assert/strict';
import { GRADE } from '../../src/core/review/grades';
import { daysFrom, nextLocalMidnight } from '../../src/review/localDay';
import { ReviewRun } from '../../src/review/reviewRun';

const open = () => true;

describe('ReviewRun', () => {
  it('counts "Review n of N" on the current question only', () => {
    const run = new ReviewRun(['a', 'b', 'c']);
    assert.deepEqual(run.positionOf('a'), { index: 1, total: 3 });
    assert.equal(run.positionOf('b'), undefined);
    run.afterGrade('a', GRADE.good, open);
    assert.deepEqual(run.positionOf('b'), { index: 2, total: 3 });
  });

  it('moves on after each grade and finishes after the last, counting the grades given', () => {
    const run = new ReviewRun(['a', 'b']);
    assert.deepEqual(run.afterGrade('a', GRADE.again, open), { next: 'b' });
    assert.deepEqual(run.afterGrade('b', GRADE.good, open), { finished: true });
    assert.equal(run.current, undefined);
    assert.deepEqual(run.grades, { 1: 1, 2: 0, 3: 1, 4: 0 });
  });

  it('skips planned questions that are no longer due or new (graded elsewhere meanwhile)', () => {
    const run = new ReviewRun(['a', 'b', 'c', 'd']);
    assert.deepEqual(run.afterGrade('a', GRADE.good, (id) => id !== 'b' && id !== 'c'), { next: 'd' });
    assert.deepEqual(run.positionOf('d'), { index: 4, total: 4 });
  });

  it('ignores a grade of a question that is not the current one', () => {
    const run = new ReviewRun(['a', 'b']);
    assert.equal(run.afterGrade('b', GRADE.easy, open), undefined);
    assert.equal(run.current, 'a');
    assert.deepEqual(run.grades, { 1: 0, 2: 0, 3: 0, 4: 0 });
  });

  it('goes back to the question whose grade was undone, also after the review finished', () => {
    const run = new ReviewRun(['a', 'b']);
    run.afterGrade('a', GRADE.hard, open);
    run.afterGrade('b', GRADE.good, open);
    assert.equal(run.undo('a'), false, 'only the last grade of the run can be undone');
    assert.equal(run.undo('b'), true);
    assert.equal(run.current, 'b');
    assert.deepEqual(run.grades, { 1: 0, 2: 1, 3: 0, 4: 0 });
    assert.equal(run.undo('a'), true);
    assert.deepEqual(run.positionOf('a'), { index: 1, total: 2 });
  });
});

describe('local days', () => {
  const HOUR = 3_600_000;
  // A calendar whose days start at multiples of 24 h, except one 23-hour day (a daylight-saving change) from 48 h.
  const startOfDay = (ms: number) => {
    if (ms >= 71 * HOUR) return 71 * HOUR + Math.floor((ms - 71 * HOUR) / (24 * HOUR)) * 24 * HOUR;
    return Math.floor(ms / (24 * HOUR)) * 24 * HOUR;
  };

  it('counts today as 0 and tomorrow as 1, whatever the hour', () => {
    assert.equal(daysFrom(23 * HOUR, 1 * HOUR, startOfDay), 0);
    assert.equal(daysFrom(23 * HOUR, 25 * HOUR, startOfDay), 1);
    assert.equal(daysFrom(1 * HOUR, 47 * HOUR, startOfDay), 1);
  });

  it('counts a short day as one day, and the past as negative', () => {
    assert.equal(daysFrom(30 * HOUR, 72 * HOUR, startOfDay), 2);
    assert.equal(daysFrom(72 * HOUR, 30 * HOUR, startOfDay), -2);
  });

  it('finds the next midnight across a short day', () => {
    assert.equal(nextLocalMidnight(50 * HOUR, startOfDay), 71 * HOUR);
    assert.equal(nextLocalMidnight(71 * HOUR, startOfDay), 95 * HOUR);
  });
});
