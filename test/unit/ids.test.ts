import * as assert from 'node:assert/strict';
import { fnv1a64 } from '../../src/core/fnv';
import { assignQuestionIds, bankSlug, normaliseTitle, questionId } from '../../src/core/ids';

describe('normaliseTitle', () => {
  it('ignores width, case, markdown markers, whitespace and trailing punctuation', () => {
    assert.equal(normaliseTitle('**如何 评估 `BERT` 模型？**'), normaliseTitle('如何评估bert模型?'));
    assert.equal(normaliseTitle('## What  is __Attention__ ?!'), 'whatisattention');
    assert.equal(normaliseTitle('大模型的挑战。'), '大模型的挑战');
    assert.equal(normaliseTitle('大模型的挑战：；'), '大模型的挑战');
  });

  it('strips leading numbering in every form the banks use', () => {
    for (const title of ['1. 标题', '12、标题', '问题 1: 标题', '问题1：标题', 'Q1. 标题', 'q 3 . 标题', '面试题：标题']) {
      assert.equal(normaliseTitle(title), '标题', title);
    }
  });

  it('keeps numbers that are part of the title', () => {
    assert.equal(normaliseTitle('1.5 亿参数的模型如何部署？'), '1.5亿参数的模型如何部署');
    assert.equal(normaliseTitle('3D 场景重建'), '3d场景重建');
  });

  it('keeps a long run of punctuation that does not end the title, and strips one that does', () => {
    const run = '。'.repeat(200_000);
    assert.equal(normaliseTitle(`${run}题${run}`), `${run}题`);
  });
});

describe('bankSlug', () => {
  it('uses the lower-cased file name without folders or extension', () => {
    assert.equal(bankSlug('content/vr-startup-opportunities.md'), 'vr-startup-opportunities');
    assert.equal(bankSlug('C:\\banks\\My Bank (2).MD'), 'my-bank-2');
  });

  it('keeps CJK characters and collapses everything else into single dashes', () => {
    assert.equal(bankSlug('/x/面试 题__集.txt'), '面试-题-集');
  });

  it('falls back to "bank" when nothing usable is left', () => {
    assert.equal(bankSlug('....md'), 'bank');
    assert.equal(bankSlug('/x/（）.md'), 'bank');
  });
});

describe('fnv1a64 and questionId', () => {
  it('computes the published 64-bit FNV-1a test vectors', () => {
    assert.equal(fnv1a64(''), 'cbf29ce484222325');
    assert.equal(fnv1a64('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64('foobar'), '85944171f73967e8');
  });

  it('names a question by its bank slug and the first 8 hex digits of its title hash', () => {
    assert.equal(questionId('bank', 'foobar'), 'bank/85944171');
    assert.equal(questionId('bank', 'foobar', 16), 'bank/85944171f73967e8');
  });
});

describe('assignQuestionIds', () => {
  const ids = (titles: string[]) => assignQuestionIds('b', titles).map((assigned) => assigned.id);

  it('gives a question the same id whatever other questions are added, removed or reordered', () => {
    const before = assignQuestionIds('b', ['甲', '乙', '丙']);
    const after = assignQuestionIds('b', ['丁', '丙', '甲']);
    assert.equal(after[1].id, before[2].id);
    assert.equal(after[2].id, before[0].id);
    assert.equal(before[0].id, questionId('b', '甲'));
  });

  it('numbers repeats of a title in order of appearance and points them at the first', () => {
    assert.deepEqual(assignQuestionIds('b', ['甲', '乙', '甲', '甲']), [
      { id: questionId('b', '甲') },
      { id: questionId('b', '乙') },
      { id: `${questionId('b', '甲')}~2`, duplicateOf: questionId('b', '甲') },
      { id: `${questionId('b', '甲')}~3`, duplicateOf: questionId('b', '甲') },
    ]);
  });

  // Found by hashing generated titles until two 32-bit prefixes met.
  const colliding = ['如何评估模型27lm的效果', '如何评估模型3eek的效果'];

  it('gives both of two different titles whose 8-digit hashes collide the full 16 digits, in any order', () => {
    assert.equal(fnv1a64(colliding[0]).slice(0, 8), fnv1a64(colliding[1]).slice(0, 8));
    const full = colliding.map((title) => `b/${fnv1a64(title)}`);
    assert.deepEqual(ids([colliding[0], '乙', colliding[1]]), [full[0], questionId('b', '乙'), full[1]]);
    assert.deepEqual(ids([colliding[1], colliding[0]]), [full[1], full[0]]);
  });

  it('keeps 8 digits for a colliding title that is only repeated, not met by a different one', () => {
    assert.deepEqual(ids([colliding[0], colliding[0]]), [questionId('b', colliding[0]), `${questionId('b', colliding[0])}~2`]);
  });
});
