// Banks users bring, in every layout of the evaluation corpus (test/fixtures/corpus): their questions reach the tree,
// open in the practice panel and are found by search, in the real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoApi } from '../../src/extension';
import { normaliseTitle } from '../../src/core/ids';
import type { ListedQuestion } from '../../src/core/model';
import type { PracticeViewController } from '../../src/webview/practiceView';
import type { GroupNode, QuestionNode } from '../../src/tree/treeNodes';
import { dojo, rendered, until } from './helpers';

interface Expected {
  questions: { title: string }[];
}

describe('Banks users bring', function () {
  this.timeout(90_000);
  let api: DojoApi;
  let corpus: vscode.Uri;
  const expected = new Map<string, Expected>();
  const setExtraBanks = (value: string[] | undefined) =>
    vscode.workspace.getConfiguration('dojo').update('extraBanks', value, vscode.ConfigurationTarget.Global);
  /** The library's document for a corpus file, by its name. */
  const documentOf = (name: string) => api.library.index.documents.find((d) => d.file.endsWith(`/corpus/${name}.md`));

  before(async () => {
    api = await dojo();
    corpus = vscode.Uri.joinPath(api.ctx.extension.extensionUri, 'test', 'fixtures', 'corpus');
    for (const [name] of await vscode.workspace.fs.readDirectory(corpus)) {
      if (!name.endsWith('.expected.json')) continue;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(corpus, name));
      expected.set(name.slice(0, -'.expected.json'.length), JSON.parse(new TextDecoder().decode(bytes)) as Expected);
    }
    assert.ok(expected.size >= 10, `the corpus has a bank per layout (${expected.size})`);
    await setExtraBanks([corpus.fsPath]);
    await until(() => [...expected.keys()].every((name) => documentOf(name) !== undefined), 'the corpus banks to load', 60_000);
  });

  after(async () => {
    await setExtraBanks(undefined);
    await until(() => !api.library.index.documents.some((d) => d.file.includes('/corpus/')), 'the corpus banks to go away');
  });

  /** Every question row of the tree, every group expanded. */
  function treeQuestions(): ListedQuestion[] {
    const groups = api.tree.provider.getChildren() as GroupNode[];
    return groups.flatMap((group) => (api.tree.provider.getChildren(group) as QuestionNode[]).map((node) => node.question));
  }

  it('lists every expected question of every layout in the tree, and nothing from a bank of prose', () => {
    const rows = treeQuestions();
    for (const [name, { questions }] of expected) {
      const file = documentOf(name)!.file;
      const titles = new Set(rows.filter((q) => q.document === file).map((q) => normaliseTitle(q.title)));
      const missing = questions.filter((q) => !titles.has(normaliseTitle(q.title))).map((q) => q.title);
      assert.ok(missing.length <= Math.floor(questions.length * 0.05), `${name}: missing ${missing.join(' | ')}`);
      if (questions.length === 0) assert.equal(titles.size, 0, `${name} is prose: no questions`);
    }
  });

  it('opens a question of each layout in the practice panel', async () => {
    const view = api.ctx.practice as PracticeViewController;
    for (const [name, { questions }] of expected) {
      if (questions.length === 0) continue;
      const file = documentOf(name)!.file;
      const question = api.library.practiceItems.find((q) => q.document === file && normaliseTitle(q.title) === normaliseTitle(questions[0].title));
      assert.ok(question, `${name}: ${questions[0].title}`);
      const shown = rendered(view, question.id);
      await view.show(question.id);
      const report = await shown;
      assert.equal(report.questionId, question.id);
      assert.equal(view.openPanels.find((panel) => panel.questionId === question.id)?.panel.title, question.title);
    }
    for (const panel of [...view.openPanels]) panel.panel.dispose();
  });

  it('finds a question of each layout by its title', async () => {
    const search = await api.library.searchIndex();
    for (const [name, { questions }] of expected) {
      const last = questions.at(-1);
      if (!last) continue;
      const hits = search.search(last.title).slice(0, 5).map((hit) => normaliseTitle(hit.title));
      assert.ok(hits.includes(normaliseTitle(last.title)), `${name}: "${last.title}" → ${hits.join(' | ')}`);
    }
  });
});
