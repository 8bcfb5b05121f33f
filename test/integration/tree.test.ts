import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { domainLabel } from '../../src/core/domains';
import type { Question } from '../../src/core/model';
import type { DojoApi } from '../../src/extension';
import type { GroupNode, QuestionNode } from '../../src/tree/treeNodes';
import { dojo, ProgressSnapshot, seen, until } from './helpers';

// Shorter than mocha's 20 s per test, so a stuck wait fails with what it waited for.
const WAIT_MS = 15_000;

function groups(api: DojoApi): GroupNode[] {
  return api.tree.provider.getChildren() as GroupNode[];
}

function questionNodes(api: DojoApi): QuestionNode[] {
  return groups(api).flatMap((group) => api.tree.provider.getChildren(group) as QuestionNode[]);
}

describe('Question tree', () => {
  let api: DojoApi;
  let items: readonly Question[];
  let snapshot: ProgressSnapshot;

  /** Questions nobody has practised yet (other suites may have practised some). */
  function fresh(count: number): Question[] {
    const found = items.filter((q) => !seen(api, q.id) && !api.ctx.progress.get(q.id).starred).slice(0, count);
    assert.equal(found.length, count, `${count} questions not practised yet`);
    return found;
  }

  before(async () => {
    api = await dojo();
    snapshot = new ProgressSnapshot(api.ctx.progress);
    items = api.library.practiceItems;
    assert.ok(items.length > 100, 'the bundled banks are indexed');
  });

  afterEach(async () => {
    await snapshot.restore();
    await vscode.commands.executeCommand('dojo.groupBy', 'domain');
    await vscode.commands.executeCommand('dojo.filter', 'all');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('groups every practice item exactly once under its domain, labelled in the UI language', () => {
    const domainGroups = groups(api);
    assert.ok(domainGroups.length >= 8, `questions spread over several domains (got ${domainGroups.length})`);
    const shown = domainGroups.flatMap((g) => g.children.map((child) => child.question.id));
    assert.equal(shown.length, items.length, 'the domains’ questions add up to the practice items');
    assert.deepEqual(new Set(shown), new Set(items.map((q) => q.id)));
    for (const group of domainGroups) {
      assert.equal(group.id, `domain:${group.group.key}`);
      assert.ok(group.children.every((child) => child.question.domain === group.group.key));
      const domain = api.library.domains.find((d) => d.id === group.group.key);
      assert.equal(group.label, domainLabel(domain, vscode.env.language));
    }
  });

  it('shows each group’s progress as practised/total', async () => {
    const [target] = fresh(1);
    const groupOf = () => groups(api).find((g) => g.group.key === target.domain)!;
    const before = groupOf();
    const practised = before.children.filter((child) => seen(api, child.question.id)).length;
    assert.equal(before.description, `${practised}/${before.children.length}`);
    snapshot.remember(target.id);
    await api.ctx.progress.setAttempt(target.id, 'my attempt');
    assert.equal(groupOf().description, `${practised + 1}/${before.children.length}`);
  });

  it('groups by bank into the five bundled banks, titled by their documents', async () => {
    await vscode.commands.executeCommand('dojo.groupBy', 'bank');
    const bankGroups = groups(api);
    const contentFolder = vscode.Uri.joinPath(api.ctx.extension.extensionUri, 'content').fsPath;
    const bundled = bankGroups.filter((g) => g.group.key.startsWith(contentFolder));
    assert.equal(bundled.length, 5);
    assert.equal(bankGroups.reduce((sum, g) => sum + g.children.length, 0), items.length);
    for (const group of bankGroups) {
      assert.equal(group.id, `bank:${group.group.key}`);
      assert.equal(group.label, api.library.index.documents.find((d) => d.file === group.group.key)?.title);
      assert.ok(group.children.every((child) => child.question.document === group.group.key));
    }
  });

  it('filters to starred or not-yet-attempted questions, in either grouping', async () => {
    const [starred, attempted] = fresh(2);
    snapshot.remember(starred.id);
    snapshot.remember(attempted.id);
    await vscode.commands.executeCommand('dojo.toggleStar', starred.id);
    await api.ctx.progress.setAttempt(attempted.id, 'an attempt');

    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const starredShown = questionNodes(api).map((n) => n.question.id);
    assert.ok(starredShown.includes(starred.id));
    assert.ok(starredShown.every((id) => api.ctx.progress.get(id).starred));
    assert.ok(api.tree.view.description, 'the view says a filter is on');

    await vscode.commands.executeCommand('dojo.filter', 'unattempted');
    for (const grouping of ['domain', 'bank']) {
      await vscode.commands.executeCommand('dojo.groupBy', grouping);
      const shown = questionNodes(api).map((n) => n.question.id);
      assert.ok(groups(api).every((g) => g.id!.startsWith(`${grouping}:`)));
      assert.ok(!shown.includes(attempted.id), 'an attempted question is hidden');
      assert.ok(shown.includes(starred.id), 'a starred question not attempted yet is shown');
      assert.ok(shown.every((id) => !seen(api, id)));
      assert.equal(shown.length, items.filter((q) => !seen(api, q.id)).length);
    }

    await vscode.commands.executeCommand('dojo.filter', 'all');
    assert.equal(questionNodes(api).length, items.length);
    assert.equal(api.tree.view.description, undefined);
  });

  it('presents a question with its title, bank, an escaped preview and a command that opens it', () => {
    const node = questionNodes(api).find((n) => n.question.prompt !== n.question.title)!;
    const { question } = node;
    assert.equal(node.id, `q:${question.id}`);
    assert.equal(node.label, question.title);
    assert.equal(node.description, api.library.index.documents.find((d) => d.file === question.document)?.title);
    assert.ok(node.tooltip instanceof vscode.MarkdownString);
    const tooltip = node.tooltip as vscode.MarkdownString;
    assert.ok(!tooltip.isTrusted && !tooltip.supportHtml, 'bank text is never trusted markdown');
    assert.ok(tooltip.value.includes(new vscode.MarkdownString().appendText(question.title).value));
    assert.deepEqual(node.command && { command: node.command.command, arguments: node.command.arguments }, {
      command: 'dojo.openQuestion',
      arguments: [question.id],
    });
    assert.equal(api.tree.provider.getParent(node), node.parent);
    assert.ok(node.parent.children.includes(node));
  });

  it('shows the state of a question by its icon: new, attempted, answer revealed, starred', async () => {
    const [question] = fresh(1);
    snapshot.remember(question.id);
    const icon = () => (api.tree.provider.findQuestion(question.id)!.iconPath as vscode.ThemeIcon).id;
    const context = () => api.tree.provider.findQuestion(question.id)!.contextValue!;
    assert.equal(icon(), 'circle-large-outline');
    await api.ctx.progress.setAttempt(question.id, 'attempt');
    assert.equal(icon(), 'edit');
    await api.ctx.progress.markRevealed(question.id);
    assert.equal(icon(), 'pass');
    assert.match(context(), /\bunstarred\b/);
    await api.ctx.progress.setStarred(question.id, true);
    assert.equal(icon(), 'star-full');
    assert.match(context(), /(^| )starred\b/);
  });

  it('selects the question shown in the practice panel when the view is visible', async () => {
    await vscode.commands.executeCommand('dojo.questions.focus');
    await until(() => api.tree.view.visible, 'the question view to show', WAIT_MS);
    const question = items[Math.floor(items.length / 2)];
    await vscode.commands.executeCommand('dojo.openQuestion', question.id);
    await until(() => api.tree.view.selection[0]?.id === `q:${question.id}`, 'the tree to select the question', WAIT_MS);
    assert.equal(api.ctx.practice.currentQuestionId, question.id);
  });
});
