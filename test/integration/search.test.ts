import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { searchItems } from '../../src/commands/searchCommand';
import type { Question } from '../../src/core/model';
import type { DojoApi } from '../../src/extension';
import { dojo } from './helpers';

function fullText(q: Question): string {
  return [q.title, q.prompt, q.answer, q.analysis, ...q.code.map((c) => c.source)].join('\n');
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Search Questions', () => {
  let api: DojoApi;

  before(async () => {
    api = await dojo();
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  function search(query: string) {
    const items = searchItems(api.library, query);
    const questions = items.map((item) => api.library.get(item.id)!);
    return { items, questions };
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

  it('finds nothing for an empty query', () => {
    assert.deepEqual(search('   ').items, []);
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
