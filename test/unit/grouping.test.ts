import * as assert from 'node:assert/strict';
import type { BankDocument, Domain } from '../../src/core/model';
import {
  filterQuestions,
  GroupListing,
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
});

describe('GroupListing', () => {
  const group = { kind: 'domain' as const, key: 'finance', questions: ['a', 'b', 'c', 'd', 'e'].map((id) => makeQuestion({ id })) };
  const none: Marks = { seen: false, starred: false };

  /** A listing over `group` whose items name the question they were made for, with the marks it started from. */
  function listing(filter: Parameters<typeof filterQuestions>[1], start: Record<string, Marks>) {
    const made: string[] = [];
    const list = new GroupListing(group, filter, (id) => start[id] ?? none, (q) => {
      made.push(q.id);
      return { id: q.id };
    });
    return { list, made, ids: () => list.listed.map((item) => item.id) };
  }

  it('lists what the filter lets through in group order and counts the questions seen, listed or not', () => {
    const { list, ids } = listing('starred', { b: { seen: true, starred: true }, d: { seen: true, starred: false }, e: { seen: false, starred: true } });
    assert.deepEqual(ids(), ['b', 'e']);
    assert.equal(list.seen, 2);
    assert.equal(list.total, 5);
  });

  it('puts a question the filter now lets through back in its place, making its item only then', () => {
    const { list, made, ids } = listing('starred', { b: { seen: false, starred: true }, e: { seen: false, starred: true } });
    assert.deepEqual(ids(), ['b', 'e']);
    made.length = 0;
    const update = list.update('d', { seen: false, starred: true });
    assert.deepEqual(update, { added: { id: 'd' }, countsChanged: true });
    assert.deepEqual(ids(), ['b', 'd', 'e']);
    list.update('a', { seen: false, starred: true });
    assert.deepEqual(ids(), ['a', 'b', 'd', 'e']);
    assert.deepEqual(made, ['d', 'a'], 'an item is made for each question that enters, and for no other');
  });

  it('takes out a question the filter now hides and hands back its item', () => {
    const { list, ids } = listing('unattempted', {});
    const kept = list.listed[3];
    const update = list.update('c', { seen: true, starred: false });
    assert.deepEqual(update, { removed: { id: 'c' }, countsChanged: true });
    assert.deepEqual(ids(), ['a', 'b', 'd', 'e']);
    assert.equal(list.listed[2], kept, 'the other items stay the same objects');
    assert.equal(list.seen, 1);
  });

  it('counts a question seen without moving it when the filter does not care', () => {
    const { list, ids } = listing('all', {});
    const before = [...list.listed];
    assert.deepEqual(list.update('b', { seen: true, starred: false }), { countsChanged: true });
    assert.equal(list.seen, 1);
    assert.deepEqual(list.update('b', { seen: true, starred: true }), { countsChanged: false }, 'a star changes no count');
    assert.deepEqual(list.update('b', { seen: false, starred: true }), { countsChanged: true });
    assert.equal(list.seen, 0);
    assert.deepEqual(ids(), ['a', 'b', 'c', 'd', 'e']);
    assert.ok(list.listed.every((item, i) => item === before[i]));
  });

  it('follows the due mark for the Due filter, and a repeated mark changes nothing', () => {
    const { list, ids } = listing('due', { c: { seen: true, starred: false, due: true } });
    assert.deepEqual(ids(), ['c']);
    assert.deepEqual(list.update('c', { seen: true, starred: false, due: true }), { countsChanged: false });
    list.update('c', { seen: true, starred: false, due: false });
    assert.deepEqual(ids(), []);
    list.update('e', { seen: true, starred: false, due: true });
    list.update('a', { seen: true, starred: false, due: true });
    assert.deepEqual(ids(), ['a', 'e']);
  });

  it('makes no item until the items are read, yet keeps its counts current', () => {
    const { list, made, ids } = listing('starred', { b: { seen: true, starred: true } });
    assert.equal(list.made, false);
    assert.deepEqual([list.listedCount, list.seen], [1, 1]);
    assert.deepEqual(list.update('d', { seen: true, starred: true }), { countsChanged: true }, 'no item to hand back');
    assert.deepEqual(list.update('b', { seen: true, starred: false }), { countsChanged: true });
    assert.deepEqual([list.listedCount, list.seen], [1, 2]);
    assert.deepEqual(made, [], 'nothing made before anyone read the items');
    assert.deepEqual(ids(), ['d']);
    assert.deepEqual(made, ['d'], 'then only what the filter lists');
    assert.equal(list.made, true);
  });

  it('finds one listed item by question id, making the items once', () => {
    const { list, made } = listing('unattempted', { b: { seen: true, starred: false } });
    const d = list.itemOf('d');
    assert.deepEqual(d, { id: 'd' });
    assert.equal(list.itemOf('d'), d, 'the same object every time');
    assert.equal(list.itemOf('b'), undefined, 'hidden by the filter');
    assert.equal(list.itemOf('elsewhere'), undefined);
    assert.deepEqual(made, ['a', 'c', 'd', 'e']);
  });

  it('ignores a question of another group', () => {
    const { list, ids } = listing('all', {});
    assert.equal(list.update('elsewhere', { seen: true, starred: true }), undefined);
    assert.equal(list.seen, 0);
    assert.equal(ids().length, 5);
  });
});

describe('setting value guards', () => {
  it('accept only the known grouping and filter names', () => {
    assert.ok(isGroupBy('bank') && isGroupBy('domain') && !isGroupBy('tag') && !isGroupBy(undefined));
    assert.ok(isQuestionFilter('starred') && isQuestionFilter('due') && !isQuestionFilter('done') && !isQuestionFilter(3));
  });
});
