import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { searchItems, searchQuestions, type SearchPickItem } from '../../src/commands/searchCommand';
import type { Question } from '../../src/core/model';
import type { SearchIndex } from '../../src/core/search';
import type { DojoApi } from '../../src/extension';
import { dojo, ProgressSnapshot, seen } from './helpers';

function fullText(q: Question): string {
  return [q.title, q.prompt, q.answer, q.analysis, ...q.code.map((c) => c.source)].join('\n');
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Search Questions', () => {
  let api: DojoApi;
  let index: SearchIndex;
  let snapshot: ProgressSnapshot;

  before(async () => {
    api = await dojo();
    index = await api.library.searchIndex();
    snapshot = new ProgressSnapshot(api.ctx);
  });

  afterEach(() => snapshot.restore());

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reaches the 微调 questions from "fine-tuning" through the bundled term table (content/terms.json)', () => {
    const hits = index.search('fine-tuning', 4);
    assert.equal(hits.length, 4);
    assert.ok(
      hits.every((hit) => fullText(api.library.get(hit.id)!).includes('微调')),
      hits.map((hit) => hit.title).join(', '),
    );
  });

  function search(query: string) {
    const items = searchItems(api.library, api.deps, query, index);
    const questions = items.map((item) => api.library.get(item.id!)!);
    return { items, questions };
  }

  /** The questions under each separator, by the separator's label. */
  function sections(items: readonly SearchPickItem[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    let current: string[] = [];
    for (const item of items) {
      if (item.kind === vscode.QuickPickItemKind.Separator) found.set(item.label, (current = []));
      else current.push(item.id!);
    }
    return found;
  }

  it('finds a Chinese phrase anywhere in a question, titles first', () => {
    const { questions } = search('风险控制');
    assert.ok(questions.filter((q) => fullText(q).includes('风险控制')).length >= 3);
    const firstNonTitle = questions.findIndex((q) => !q.title.includes('风险控制'));
    const lastTitle = questions.map((q) => q.title.includes('风险控制')).lastIndexOf(true);
    assert.ok(lastTitle >= 0, 'some title mentions it');
    assert.ok(firstNonTitle === -1 || lastTitle < firstNonTitle, 'title matches come before text matches');
  });

  it('finds a code identifier inside longer identifiers of the reference code', () => {
    const { questions, items } = search('RandomForest');
    assert.ok(questions.length > 0);
    assert.match(fullText(questions[0]), /RandomForest/);
    assert.match(items[0].detail ?? '', /RandomForest/i, 'the detail shows the matched code');
  });

  it('finds questions of a domain by its English name', () => {
    const { questions } = search('finance');
    assert.ok(questions.length >= 5, `found ${questions.length}`);
    const financial = questions.filter((q) => q.domain === 'finance' || q.tags.includes('finance'));
    assert.ok(financial.length >= questions.length * 0.8, 'mostly finance questions');
  });

  it('forgives a small typo', () => {
    const { questions } = search('tranformer');
    assert.ok(questions.length > 0);
    assert.match(fullText(questions[0]), /transformer/i);
  });

  it('describes each result with its domain and bank, and keeps every result visible', () => {
    const { items, questions } = search('风险控制');
    items.forEach((item, i) => {
      const bank = api.library.index.documents.find((d) => d.file === questions[i].document)!.title;
      assert.equal(item.label, questions[i].title);
      assert.ok(item.description?.endsWith(` · ${bank}`), item.description);
      assert.equal(item.alwaysShow, true);
    });
  });

  it('says so when nothing matches, with what to try, and Enter on it opens nothing', async () => {
    const query = 'qqxjzv wwkkpq';
    const [only, ...rest] = searchItems(api.library, api.deps, `  ${query} `, index);
    assert.deepEqual(rest, []);
    assert.equal(only!.label, `No questions match “${query}”`);
    assert.match(only!.detail ?? '', /fewer words.*language.*spelling/);
    assert.equal(only!.id, undefined);
    assert.equal(only!.alwaysShow, true);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    let settled = false;
    const opened = searchQuestions(api.deps)(query);
    void opened.then(() => (settled = true));
    await delay(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await delay(300);
    assert.equal(settled, false, 'the pick stays open for another query');
    assert.equal(api.ctx.practice.currentQuestionId, undefined);
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await opened, undefined);
  });

  it('offers recent, not yet attempted and starred questions for an empty query', async () => {
    const unseen = api.library.practiceItems.filter((q) => !seen(api, q.id) && !api.ctx.progress.get(q.id).starred);
    const [older, newer, starred] = unseen;
    for (const q of [older!, newer!, starred!]) snapshot.remember(q.id);
    await api.ctx.progress.setAttempted(older!.id, true);
    await delay(5);
    await api.ctx.progress.setAttempted(newer!.id, true);
    await api.ctx.progress.setStarred(starred!.id, true);

    const items = search('').items;
    const lists = sections(items);
    assert.deepEqual([...lists.keys()].slice(0, 2), ['Recent', 'Not attempted yet']);
    assert.ok(lists.has('Starred'));
    assert.deepEqual(lists.get('Recent')!.slice(0, 2), [newer!.id, older!.id], 'most recently practised first');
    const notAttempted = lists.get('Not attempted yet')!;
    assert.ok(notAttempted.length > 0 && notAttempted.length <= 10);
    assert.ok(notAttempted.every((id) => !seen(api, id)));
    assert.ok(lists.get('Starred')!.includes(starred!.id));
    assert.ok(lists.get('Starred')!.every((id) => api.ctx.progress.get(id).starred));
    assert.deepEqual(search('   ').items.map((i) => i.label), items.map((i) => i.label), 'blanks count as empty');
  });

  it('shows each result’s state by its icon and in words', async () => {
    const { questions } = search('风险控制');
    const [attempted, starred, untouched] = questions.filter((q) => !seen(api, q.id) && !api.ctx.progress.get(q.id).starred);
    snapshot.remember(attempted!.id);
    snapshot.remember(starred!.id);
    await api.ctx.progress.setAttempted(attempted!.id, true);
    await api.ctx.progress.setStarred(starred!.id, true);
    const byId = new Map(search('风险控制').items.map((item) => [item.id, item]));
    const icon = (id: string) => (byId.get(id)!.iconPath as vscode.ThemeIcon).id;
    assert.equal(icon(attempted!.id), 'edit');
    assert.equal(icon(starred!.id), 'star-full');
    assert.equal(icon(untouched!.id), 'circle-large-outline');
    assert.match(byId.get(attempted!.id)!.description!, /^attempted · /);
    assert.match(byId.get(starred!.id)!.description!, /^starred · /);
    assert.doesNotMatch(byId.get(untouched!.id)!.description!, /attempted|starred|revealed/);
  });

  it('says the search index is being prepared when a query comes before it', () => {
    const [only, ...rest] = searchItems(api.library, api.deps, 'RandomForest', undefined);
    assert.deepEqual(rest, []);
    assert.equal(only!.label, 'Preparing the search index…');
    assert.equal(only!.id, undefined);
    assert.equal((only!.iconPath as vscode.ThemeIcon).id, 'loading~spin');
  });

  it('answers a query typed while the banks reload once the new search index is ready', async () => {
    const reloading = api.library.reload();
    const opened = vscode.commands.executeCommand<string | undefined>('dojo.searchQuestions', 'RandomForest');
    await reloading;
    index = await api.library.searchIndex();
    await delay(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const id = await opened;
    assert.ok(id, 'a question was opened');
    assert.match(fullText(api.library.get(id)!), /RandomForest/);
  });

  it('opens the accepted result in the practice panel', async () => {
    const opened = vscode.commands.executeCommand<string | undefined>('dojo.searchQuestions', 'RandomForest');
    await delay(500);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const id = await opened;
    assert.ok(id, 'a question was opened');
    assert.match(fullText(api.library.get(id)!), /RandomForest/);
    assert.equal(api.ctx.practice.currentQuestionId, id);
  });
});
