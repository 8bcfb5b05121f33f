import * as assert from 'node:assert/strict';
import type { BankDocument, Domain } from '../../src/core/model';
import {
  countSeen,
  filterQuestions,
  groupQuestions,
  isGroupBy,
  isQuestionFilter,
  practiceGroups,
  practiceOrder,
  type Marks,
} from '../../src/core/grouping';
import { makeQuestion } from './fixtures/question';

function domain(id: string): Domain {
  return { id, label: { en: id, 'zh-cn': id }, aliases: [] };
}

function doc(file: string): BankDocument {
  return { file, slug: file, title: file, questionCount: 0 };
}

const items = [
  makeQuestion({ id: 'q1', domain: 'finance', document: 'b.md' }),
  makeQuestion({ id: 'q2', domain: 'general', document: 'a.md' }),
  makeQuestion({ id: 'q3', domain: 'speech', document: 'a.md' }),
  makeQuestion({ id: 'q4', domain: 'finance', document: 'a.md' }),
  makeQuestion({ id: 'q5', domain: 'mystery', document: 'c.md' }),
];
const arrangement = { domains: [domain('speech'), domain('vision'), domain('finance')], documents: [doc('a.md'), doc('b.md')] };
const shape = (groups: ReturnType<typeof groupQuestions>) => groups.map((g) => [g.key, g.questions.map((q) => q.id)]);

describe('groupQuestions', () => {
  it('groups by domain in taxonomy order, unknown domains next and general last, leaving out empty domains', () => {
    assert.deepEqual(shape(groupQuestions(items, 'domain', arrangement)), [
      ['speech', ['q3']],
      ['finance', ['q1', 'q4']],
      ['mystery', ['q5']],
      ['general', ['q2']],
    ]);
  });

  it('groups by bank in document order, keeping question order inside a bank', () => {
    assert.deepEqual(shape(groupQuestions(items, 'bank', arrangement)), [
      ['a.md', ['q2', 'q3', 'q4']],
      ['b.md', ['q1']],
      ['c.md', ['q5']],
    ]);
  });

  it('marks every group with the grouping it came from', () => {
    assert.ok(groupQuestions(items, 'bank', arrangement).every((g) => g.kind === 'bank'));
  });

  it('returns no groups for no questions', () => {
    assert.deepEqual(groupQuestions([], 'domain', arrangement), []);
  });
});

describe('practiceGroups and practiceOrder', () => {
  const library = { practiceItems: items, domains: arrangement.domains, index: { documents: arrangement.documents } };

  it('arrange the library’s practice items as the tree does, in either grouping', () => {
    assert.deepEqual(shape(practiceGroups(library, 'domain')), shape(groupQuestions(items, 'domain', arrangement)));
    assert.deepEqual(shape(practiceGroups(library, 'bank')), shape(groupQuestions(items, 'bank', arrangement)));
  });

  it('walk the groups top to bottom for the practice order', () => {
    assert.deepEqual(practiceOrder(library, 'domain').map((q) => q.id), ['q3', 'q1', 'q4', 'q5', 'q2']);
    assert.deepEqual(practiceOrder(library, 'bank').map((q) => q.id), ['q2', 'q3', 'q4', 'q1', 'q5']);
  });
});

describe('filterQuestions', () => {
  const marks: Record<string, Marks> = {
    q1: { seen: true, starred: false },
    q2: { seen: false, starred: true },
    q3: { seen: true, starred: true },
    q4: { seen: true, starred: false, due: true },
  };
  const marksOf = (id: string) => marks[id] ?? { seen: false, starred: false };

  it('keeps everything for all', () => {
    assert.equal(filterQuestions(items, 'all', marksOf).length, items.length);
  });

  it('keeps the questions not seen yet for unattempted', () => {
    assert.deepEqual(filterQuestions(items, 'unattempted', marksOf).map((q) => q.id), ['q2', 'q5']);
  });

  it('keeps starred questions for starred', () => {
    assert.deepEqual(filterQuestions(items, 'starred', marksOf).map((q) => q.id), ['q2', 'q3']);
  });

  it('keeps exactly the questions due for review for due', () => {
    assert.deepEqual(filterQuestions(items, 'due', marksOf).map((q) => q.id), ['q4']);
  });

  it('combines with grouping', () => {
    const starred = filterQuestions(items, 'starred', marksOf);
    assert.deepEqual(shape(groupQuestions(starred, 'domain', arrangement)), [['speech', ['q3']], ['general', ['q2']]]);
  });

  it('counts the questions seen', () => {
    assert.equal(countSeen(items, marksOf), 3);
  });
});

describe('setting value guards', () => {
  it('accept only the known grouping and filter names', () => {
    assert.ok(isGroupBy('bank') && isGroupBy('domain') && !isGroupBy('tag') && !isGroupBy(undefined));
    assert.ok(isQuestionFilter('starred') && isQuestionFilter('due') && !isQuestionFilter('done') && !isQuestionFilter(3));
  });
});
