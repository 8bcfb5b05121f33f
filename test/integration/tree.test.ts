import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { domainLabel } from '../../src/core/domains';
import { displayWidth, shortLabel } from '../../src/core/shortLabel';
import type { Question } from '../../src/core/model';
import type { DojoApi } from '../../src/extension';
import type { GroupNode, QuestionNode } from '../../src/tree/treeNodes';
import { extensionId } from '../host/suiteProtocol';
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
    snapshot = new ProgressSnapshot(api.ctx);
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
    await api.ctx.progress.setAttempted(target.id, true);
    assert.equal(groupOf().description, `${practised + 1}/${before.children.length}`);
  });

  it('groups by bank into the five bundled banks, with short names and the full title in the tooltip', async () => {
    await vscode.commands.executeCommand('dojo.groupBy', 'bank');
    const bankGroups = groups(api);
    const contentFolder = vscode.Uri.joinPath(api.ctx.extension.extensionUri, 'content').fsPath;
    const bundled = bankGroups.filter((g) => g.group.key.startsWith(contentFolder));
    assert.equal(bundled.length, 5);
    assert.equal(bankGroups.reduce((sum, g) => sum + g.children.length, 0), items.length);
    for (const group of bankGroups) {
      assert.equal(group.id, `bank:${group.group.key}`);
      const title = api.library.index.documents.find((d) => d.file === group.group.key)!.title;
      assert.equal(group.label, shortLabel(title, 24));
      assert.ok(displayWidth(String(group.label)) <= 24, String(group.label));
      assert.ok(String(group.tooltip).startsWith(`${title}: `), String(group.tooltip));
      assert.match(String(group.description), /^\d+\/\d+$/, 'the counts stay visible');
      assert.ok(group.children.every((child) => child.question.document === group.group.key));
    }
    assert.ok(bundled.some((g) => g.label !== api.library.index.documents.find((d) => d.file === g.group.key)!.title), 'long titles are shortened');
  });

  it('filters to starred or not-yet-attempted questions, in either grouping', async () => {
    const [starred, attempted] = fresh(2);
    snapshot.remember(starred.id);
    snapshot.remember(attempted.id);
    await vscode.commands.executeCommand('dojo.toggleStar', starred.id);
    await api.ctx.progress.setAttempted(attempted.id, true);

    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const starredShown = questionNodes(api).map((n) => n.question.id);
    assert.ok(starredShown.includes(starred.id));
    assert.ok(starredShown.every((id) => api.ctx.progress.get(id).starred));
    assert.equal(api.tree.view.description, `Starred · ${starredShown.length === 1 ? '1 question' : `${starredShown.length} questions`}`);

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

  it('counts what a filter lists, in each group and in the view’s description', async () => {
    const [first, second] = fresh(2);
    const target = items.find((q) => q.domain === first.domain && q.id !== first.id && !api.ctx.progress.get(q.id).starred);
    for (const q of [first, second, target!]) snapshot.remember(q.id);
    const alreadyStarred = items.filter((q) => api.ctx.progress.get(q.id).starred).length;
    await api.ctx.progress.setStarred(first.id, true);
    await api.ctx.progress.setStarred(second.id, true);
    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const group = groups(api).find((g) => g.group.key === first.domain)!;
    assert.equal(group.description, String(group.children.length), 'the group counts the questions it lists');
    const total = items.filter((q) => q.domain === first.domain).length;
    assert.ok(group.children.length < total);
    assert.match(String(group.tooltip), new RegExp(`${group.children.length} of ${total} questions shown by the filter`));
    const listed = questionNodes(api).length;
    assert.equal(listed, alreadyStarred + 2);
    assert.equal(api.tree.view.description, `Starred · ${listed} questions`);

    await api.ctx.progress.setStarred(target!.id, true);
    assert.equal(api.tree.view.description, `Starred · ${listed + 1} questions`, 'the count follows the progress');
  });

  it('presents a question with its title, a short bank name, an escaped preview and a command that opens it', () => {
    const node = questionNodes(api).find((n) => n.question.prompt !== n.question.title)!;
    const { question } = node;
    const bankTitle = api.library.index.documents.find((d) => d.file === question.document)!.title;
    assert.equal(node.id, `q:${question.id}`);
    assert.equal(node.label, question.title);
    assert.equal(node.description, shortLabel(bankTitle, 24));
    assert.ok(questionNodes(api).every((n) => displayWidth(String(n.description)) <= 24), 'descriptions stay short');
    assert.ok(node.tooltip instanceof vscode.MarkdownString);
    const tooltip = node.tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes(new vscode.MarkdownString().appendText(bankTitle).value), 'the tooltip names the bank in full');
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
    await api.ctx.progress.setAttempted(question.id, true);
    assert.equal(icon(), 'edit');
    await api.ctx.progress.markRevealed(question.id);
    assert.equal(icon(), 'pass');
    assert.match(context(), /\bunstarred\b/);
    await api.ctx.progress.setStarred(question.id, true);
    assert.equal(icon(), 'star-full');
    assert.match(context(), /(^| )starred\b/);
  });

  it('gives Random Question a view-title icon that exists in this VS Code and does not read as Help', () => {
    const manifest = vscode.extensions.getExtension(extensionId)!.packageJSON;
    const random = manifest.contributes.commands.find((c: { command: string }) => c.command === 'dojo.randomQuestion');
    const icon = /^\$\(([a-z-]+)\)$/.exec(random.icon)?.[1];
    assert.ok(icon, `a codicon: ${random.icon}`);
    assert.notEqual(icon, 'question');
    // The extension host carries the product's codicon table (name, code point).
    const host = readFileSync(`${vscode.env.appRoot}/out/vs/workbench/api/node/extensionHostProcess.js`, 'utf8');
    assert.ok(host.includes('("question",'), 'the codicon table is found');
    assert.ok(host.includes(`("${icon}",`), `${icon} is a codicon of VS Code ${vscode.version}`);
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
