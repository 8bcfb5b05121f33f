import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId, InternalCommand, PaletteCommand } from '../../src/commandIds';
import type { CommandDeps } from '../../src/commands/commandDeps';
import { openQuestion } from '../../src/commands/practiceCommands';
import { toggleStar } from '../../src/commands/questionCommands';
import type { Question } from '../../src/core/model';
import type { DojoApi } from '../../src/extension';
import type { GroupNode, QuestionNode } from '../../src/tree/treeNodes';
import { extensionId } from '../host/suiteProtocol';
import { dojo, ProgressSnapshot, seen } from './helpers';

/** The practice items in the tree's order (groups top to bottom). */
function treeOrder(api: DojoApi): string[] {
  return (api.tree.provider.getChildren() as GroupNode[]).flatMap((g) => g.children.map((child) => child.question.id));
}

function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

async function closePanels(api: DojoApi): Promise<void> {
  await run('workbench.action.closeAllEditors');
  assert.equal(api.ctx.practice.currentQuestionId, undefined, 'no practice panel is open');
}

describe('Commands', () => {
  let api: DojoApi;
  let items: readonly Question[];
  let snapshot: ProgressSnapshot;

  before(async () => {
    api = await dojo();
    snapshot = new ProgressSnapshot(api.ctx);
    items = api.library.practiceItems;
    await run(CommandId.groupBy, 'domain');
    await run(CommandId.filter, 'all');
  });

  afterEach(async () => {
    await snapshot.restore();
    await run(CommandId.filter, 'all');
    await run('workbench.action.closeAllEditors');
  });

  it('registers every command of the id table', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = Object.values(CommandId).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('contributes the palette commands under the Dojo category and hides the tree-only ones', () => {
    const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON;
    const contributed = new Map<string, { category?: string }>(manifest.contributes.commands.map((c: { command: string }) => [c.command, c]));
    for (const id of Object.values(PaletteCommand)) assert.equal(contributed.get(id)?.category, 'Dojo', id);
    const hidden = new Set(
      manifest.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command),
    );
    assert.deepEqual(Object.values(InternalCommand).filter((id) => !hidden.has(id)), []);
  });

  it('opens a random practice item, never the one already on screen', async () => {
    const ids = new Set(items.map((q) => q.id));
    let previous: string | undefined;
    for (let i = 0; i < 6; i++) {
      const id = await run<string>(CommandId.randomQuestion);
      assert.ok(ids.has(id), `${id} is a practice item`);
      assert.equal(api.ctx.practice.currentQuestionId, id);
      assert.notEqual(id, previous);
      previous = id;
    }
  });

  it('prefers questions not attempted yet', async () => {
    // The smallest domain with a few unpractised questions: practise all of them but one.
    const byDomain = new Map<string, Question[]>();
    for (const q of items) if (!seen(api, q.id)) byDomain.set(q.domain, [...(byDomain.get(q.domain) ?? []), q]);
    const [domain, unseen] = [...byDomain].filter(([, qs]) => qs.length >= 3).sort((a, b) => a[1].length - b[1].length)[0]!;
    const [keep, ...practise] = unseen;
    for (const q of practise) {
      snapshot.remember(q.id);
      await api.ctx.progress.setAttempted(q.id, true);
    }
    for (let i = 0; i < 4; i++) {
      await closePanels(api);
      assert.equal(await run<string>(CommandId.randomQuestionInDomain, domain), keep.id);
    }
    // With the only unseen question on screen, the next pick is another question of the domain.
    const other = await run<string>(CommandId.randomQuestionInDomain, domain);
    assert.notEqual(other, keep.id);
    assert.equal(api.library.get(other)?.domain, domain);
  });

  it('picks random questions among those the filter shows', async () => {
    const [only] = items.filter((q) => !api.ctx.progress.get(q.id).starred);
    const starredBefore = items.filter((q) => api.ctx.progress.get(q.id).starred).map((q) => q.id);
    for (const id of starredBefore) {
      snapshot.remember(id);
      await api.ctx.progress.setStarred(id, false);
    }
    snapshot.remember(only.id);
    await run(CommandId.toggleStar, only.id);
    await run(CommandId.filter, 'starred');
    for (let i = 0; i < 3; i++) assert.equal(await run<string>(CommandId.randomQuestion), only.id);
  });

  it('moves to the next and previous question in the tree’s order, wrapping around', async () => {
    const order = treeOrder(api);
    await run(CommandId.openQuestion, order[0]);
    assert.equal(await run<string>(CommandId.nextQuestion), order[1]);
    assert.equal(await run<string>(CommandId.nextQuestion), order[2]);
    assert.equal(await run<string>(CommandId.previousQuestion), order[1]);
    await run(CommandId.openQuestion, order[0]);
    assert.equal(await run<string>(CommandId.previousQuestion), order[order.length - 1]);
    assert.equal(await run<string>(CommandId.nextQuestion), order[0]);
    assert.equal(api.ctx.practice.currentQuestionId, order[0]);
  });

  it('skips questions the filter hides when moving to the next one', async () => {
    const order = treeOrder(api);
    const start = order.findIndex((_id, i) => i + 2 < order.length && !seen(api, order[i + 2]));
    const [first, middle, third] = order.slice(start, start + 3);
    snapshot.remember(middle);
    await api.ctx.progress.setAttempted(middle, true);
    await run(CommandId.filter, 'unattempted');
    await run(CommandId.openQuestion, first);
    assert.equal(await run<string>(CommandId.nextQuestion), third);
  });

  it('toggles the star of a question given by id, by tree item, or on screen', async () => {
    const [question] = items.filter((q) => !api.ctx.progress.get(q.id).starred);
    snapshot.remember(question.id);
    assert.equal(await run<boolean>(CommandId.toggleStar, question.id), true);
    assert.equal(api.ctx.progress.get(question.id).starred, true);
    const node = api.tree.provider.findQuestion(question.id) as QuestionNode;
    assert.match(node.contextValue!, /(^| )starred\b/);
    await run(CommandId.unstar, node);
    assert.equal(api.ctx.progress.get(question.id).starred, false);
    await run(CommandId.star, api.tree.provider.findQuestion(question.id));
    assert.equal(api.ctx.progress.get(question.id).starred, true);
    await run(CommandId.openQuestion, question.id);
    assert.equal(await run<boolean>(CommandId.toggleStar), false);
  });

  it('copies a question’s title and prompt to the clipboard', async () => {
    const question = items.find((q) => q.prompt.trim() !== q.title.trim())!;
    await run(CommandId.copyQuestion, question.id);
    const text = await vscode.env.clipboard.readText();
    assert.ok(text.startsWith(question.title));
    assert.ok(text.includes(question.prompt.trim().slice(0, 20)));
  });

  it('opens the reference code of a question as an editable scratch file', async () => {
    const question = items.find((q) => q.code.length > 0)!;
    await run(CommandId.openReferenceCode, question.id, 0);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.ok(editor.document.getText().includes(question.code[0].source.trim().split('\n')[0]));
    assert.notEqual(editor.document.uri.scheme, 'untitled');
  });

  it('reveals the answer of the question on screen and records it', async () => {
    const [question] = items.filter((q) => api.ctx.progress.get(q.id).revealedAt === undefined);
    await run(CommandId.openQuestion, question.id);
    await run(CommandId.revealAnswer);
    assert.notEqual(api.ctx.progress.get(question.id).revealedAt, undefined);
  });

  it('opens the practice panel on the first question not attempted yet when none is on screen', async () => {
    await closePanels(api);
    const order = treeOrder(api);
    const id = await run<string>(CommandId.openPracticePanel);
    assert.equal(id, order.find((q) => !seen(api, q)));
    assert.equal(api.ctx.practice.currentQuestionId, id);
  });

  it('reloads the banks on Refresh Index', async () => {
    let reloaded = false;
    const subscription = api.library.onDidChange(() => (reloaded = true));
    try {
      await run(CommandId.refreshIndex);
    } finally {
      subscription.dispose();
    }
    assert.ok(reloaded);
    assert.equal(api.library.practiceItems.length, items.length);
  });

  it('tells the user, without failing, when a command needs a question and there is none', async () => {
    await closePanels(api);
    const told: string[] = [];
    const deps: CommandDeps = { ...api.deps, inform: (m) => told.push(m) };
    assert.equal(await toggleStar(deps)(), undefined);
    assert.deepEqual(told, ['Open a question first (Dojo: Random Question or the Interview Dojo view).']);
    assert.equal(await openQuestion(deps)('no-such-bank/00000000'), undefined);
    assert.equal(told[1], 'Interview Dojo has no question with the id no-such-bank/00000000.');
    // The registered commands go the same way, through a notification.
    assert.equal(await run(CommandId.toggleStar), undefined);
  });
});
