import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankSlug } from '../../src/core/ids';
import { buildIndex, type BankSource } from '../../src/core/indexer';

const BANK = new TextEncoder().encode('### 1. 甲？\n\n**答案：** a\n');
const bank = (file: string, extra: Partial<BankSource> = {}): BankSource => ({ file, bytes: BANK, ...extra });

/** Each bank's question ids by file, which is what progress, stars and scratch files hang on. */
function idsByFile(sources: readonly BankSource[]): Record<string, string[]> {
  const index = buildIndex(sources, []);
  const ids: Record<string, string[]> = {};
  for (const question of index.questions) (ids[question.document] ??= []).push(question.id);
  return ids;
}

/** Every order of `items` for short lists (the point is that none of them changes an id). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('bank slugs', () => {
  it('name a bank found in a folder by its path below that folder', () => {
    assert.equal(bankSlug('/home/a/banks/more/Speech Notes.txt', 'more/Speech Notes.txt'), 'more-speech-notes');
    assert.equal(bankSlug('/home/a/banks/forest.md', 'forest.md'), 'forest');
    assert.equal(bankSlug('/home/a/forest.md'), 'forest');
  });

  it('give every bank the same ids in whatever order the banks are read', () => {
    const sources = [
      bank('/u/one/forest.md', { relativePath: 'forest.md' }),
      bank('/u/two/forest.md', { relativePath: 'forest.md' }),
      bank('/u/two/sub/forest.md', { relativePath: 'sub/forest.md' }),
      bank('/ext/content/forest.md', { relativePath: 'forest.md', bundled: true }),
    ];
    const expected = idsByFile(sources);
    for (const order of permutations(sources)) assert.deepEqual(idsByFile(order), expected);
    assert.equal(new Set(Object.values(expected).flat()).size, 4, 'no two banks share an id');
    assert.match(expected['/ext/content/forest.md'][0], /^forest\//, 'the bundled bank keeps its slug');
    assert.match(expected['/u/two/sub/forest.md'][0], /^sub-forest\//);
  });

  it('give two same-named files in different folders distinct ids that do not depend on the order', () => {
    const one = bank('/u/banks/ml/basics.md', { relativePath: 'ml/basics.md' });
    const two = bank('/u/banks/nlp/basics.md', { relativePath: 'nlp/basics.md' });
    const forward = idsByFile([one, two]);
    assert.deepEqual(idsByFile([two, one]), forward);
    assert.match(forward[one.file][0], /^ml-basics\//);
    assert.match(forward[two.file][0], /^nlp-basics\//);
  });

  it('keep a bank’s ids when a folder with other banks is added before it', () => {
    const mine = bank('/u/mine/notes.md', { relativePath: 'notes.md' });
    const before = idsByFile([mine])[mine.file];
    const added = [bank('/a/other/notes/x.md', { relativePath: 'notes/x.md' }), bank('/a/other/y.md', { relativePath: 'y.md' })];
    assert.deepEqual(idsByFile([...added, mine])[mine.file], before);
  });

  it('keep today’s ids for the bundled banks', () => {
    const content = join(__dirname, '../../content');
    const names = readdirSync(content).filter((name) => name.endsWith('.md')).sort();
    const read = (name: string) => readFileSync(join(content, name));
    const asBefore = buildIndex(names.map((name) => ({ file: name, bytes: read(name) })), []);
    const asNow = buildIndex(
      names.map((name) => ({ file: `/ext/content/${name}`, bytes: read(name), relativePath: name, bundled: true })),
      [],
    );
    assert.deepEqual(asNow.questions.map((q) => q.id), asBefore.questions.map((q) => q.id));
    assert.ok(asNow.questions.some((q) => q.id.startsWith('vr-startup-opportunities/')));
  });
});
