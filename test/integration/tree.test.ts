import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { domainLabel } from '../../src/core/domains';
import { displayWidth, shortLabel } from '../../src/core/shortLabel';
import type { Question } from '../../src/core/model';
import type { DojoApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/questionTreeProvider';
import type { GroupNode, QuestionNode } from '../../src/tree/treeNodes';
import { GRADE } from '../../src/core/review/grades';
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

/** Roots and their questions as ids, in the order the tree shows them. */
function shape(api: DojoApi): string[][] {
  return groups(api).map((group) => [group.id!, ...group.children.map((child) => child.id!)]);
}

/** Every node object the tree shows now. */
function shownNodes(api: DojoApi): TreeNode[] {
  return [...groups(api), ...questionNodes(api)];
}

/** What the provider fires while `act` runs (progress events arrive before the store's write resolves). */
async function firedDuring(api: DojoApi, act: () => PromiseLike<unknown>): Promise<(readonly TreeNode[] | undefined)[]> {
  const fired: (readonly TreeNode[] | undefined)[] = [];
  const listener = api.tree.provider.onDidChangeTreeData((nodes) => fired.push(nodes));
  try {
    await act();
  } finally {
    listener.dispose();
  }
  return fired;
}

/** The tooltip as the tree resolves it on hover. */
async function tooltipOf(api: DojoApi, node: QuestionNode): Promise<vscode.MarkdownString> {
  const tooltip = (await api.tree.provider.resolveTreeItem(node, node)).tooltip;
  assert.ok(tooltip instanceof vscode.MarkdownString, 'a markdown tooltip');
  return tooltip;
}

/** `text` as a markdown tooltip carries it (escaped). */
function escaped(text: string): string {
  return new vscode.MarkdownString().appendText(text).value;
}

describe('Question tree', () => {
  let api: DojoApi;
  let items: readonly Question[];
  let snapshot: ProgressSnapshot;
  const graded: string[] = [];

  /** Questions nobody has practised, starred or graded yet (other suites may have). */
  function fresh(count: number, where: (q: Question) => boolean = () => true): Question[] {
    const found = items
      .filter((q) => !seen(api, q.id) && !api.ctx.progress.get(q.id).starred && api.ctx.review.card(q.id) === undefined && where(q))
      .slice(0, count);
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
    if (graded.length > 0) await api.ctx.review.reset(graded.splice(0));
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

  it('presents a question with its title, a short bank name, an escaped preview and a command that opens it', async () => {
    const node = questionNodes(api).find((n) => api.library.get(n.question.id)!.prompt !== n.question.title)!;
    const { question } = node;
    const bankTitle = api.library.index.documents.find((d) => d.file === question.document)!.title;
    assert.equal(node.id, `q:${question.id}`);
    assert.equal(node.label, question.title);
    assert.equal(node.description, shortLabel(bankTitle, 24));
    assert.ok(questionNodes(api).every((n) => displayWidth(String(n.description)) <= 24), 'descriptions stay short');
    const tooltip = await tooltipOf(api, node);
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
  it('redraws only the starred question’s row: the same nodes stay, the event carries that node alone', async () => {
    const [target] = fresh(1);
    snapshot.remember(target.id);
    const before = shownNodes(api);
    const node = api.tree.provider.findQuestion(target.id)!;
    const group = node.parent;
    const counts = group.description;
    const fired = await firedDuring(api, () => vscode.commands.executeCommand('dojo.toggleStar', target.id));
    assert.deepEqual(fired, [[node]]);
    const after = shownNodes(api);
    assert.equal(after.length, before.length);
    assert.ok(after.every((n, i) => n === before[i]), 'every node is the object it was: nothing was rebuilt');
    assert.equal(api.tree.provider.findQuestion(target.id), node);
    assert.equal((node.iconPath as vscode.ThemeIcon).id, 'star-full');
    assert.match(node.contextValue!, /(^| )starred\b/);
    assert.equal(node.accessibilityInformation?.label, `${target.title}, starred`);
    assert.equal(group.description, counts, 'a star changes no count');
  });

  it('redraws the row and its group’s count after a first attempt, even when the icon stays the star', async () => {
    const [plainOne, starredOne] = fresh(2);
    for (const q of [plainOne, starredOne]) snapshot.remember(q.id);
    await api.ctx.progress.setStarred(starredOne.id, true);
    const before = shownNodes(api);
    for (const target of [plainOne, starredOne]) {
      const node = api.tree.provider.findQuestion(target.id)!;
      const group = node.parent;
      const [seenBefore, total] = String(group.description).split('/').map(Number);
      const fired = await firedDuring(api, () => api.ctx.progress.setAttempted(target.id, true));
      assert.equal(fired.length, 1);
      const expected = target === plainOne ? [node, group] : [group];
      assert.deepEqual(new Set(fired[0]), new Set(expected), `${target.id}: the row (when its icon changed) and its group`);
      assert.equal(group.description, `${seenBefore + 1}/${total}`);
      assert.match(String(group.tooltip), new RegExp(`: ${seenBefore + 1} of ${total} questions practised`));
    }
    assert.equal((api.tree.provider.findQuestion(plainOne.id)!.iconPath as vscode.ThemeIcon).id, 'edit');
    const after = shownNodes(api);
    assert.ok(after.length === before.length && after.every((n, i) => n === before[i]));
  });

  it('moves a question out of and back into the Starred filter by redrawing its group only, in the tree’s order', async () => {
    // Three questions of one domain: the group keeps listing something throughout.
    const [first] = fresh(1);
    const [second, third] = fresh(2, (q) => q.domain === first.domain && q.id !== first.id);
    for (const q of [first, second, third]) {
      snapshot.remember(q.id);
      await api.ctx.progress.setStarred(q.id, true);
    }
    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const listed = api.tree.provider.listedCount();
    const group = api.tree.provider.findQuestion(second.id)!.parent;
    const order = group.children.map((child) => child.question.id);
    const others = shownNodes(api).filter((n) => n !== group && n !== api.tree.provider.findQuestion(second.id));

    const out = await firedDuring(api, () => vscode.commands.executeCommand('dojo.toggleStar', second.id));
    assert.deepEqual(out, [[group]]);
    assert.equal(api.tree.provider.findQuestion(second.id), undefined);
    assert.deepEqual(group.children.map((child) => child.question.id), order.filter((id) => id !== second.id));
    assert.equal(group.description, String(order.length - 1));
    assert.match(String(group.tooltip), new RegExp(`${order.length - 1} of \\d+ questions shown by the filter`));
    assert.equal(api.tree.view.description, `Starred · ${listed - 1} questions`);

    const back = await firedDuring(api, () => vscode.commands.executeCommand('dojo.toggleStar', second.id));
    assert.deepEqual(back, [[group]]);
    assert.deepEqual(group.children.map((child) => child.question.id), order, 'back in its place');
    assert.equal(api.tree.provider.findQuestion(second.id)!.parent, group);
    assert.equal(api.tree.view.description, `Starred · ${listed} questions`);
    const after = shownNodes(api);
    assert.ok(others.every((n) => after.includes(n)), 'the other nodes were kept');

    const incremental = shape(api);
    api.tree.provider.refresh();
    assert.deepEqual(incremental, shape(api), 'the same tree as one built from scratch');
  });

  it('adds a group when its first question enters the filter and drops it when its last one leaves', async () => {
    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const shownDomains = new Set(groups(api).map((g) => g.group.key));
    const [target] = fresh(1, (q) => !shownDomains.has(q.domain));
    snapshot.remember(target.id);
    const kept = groups(api);

    const added = await firedDuring(api, () => api.ctx.progress.setStarred(target.id, true));
    assert.deepEqual(added, [undefined], 'the roots changed');
    const withGroup = shape(api);
    const group = api.tree.provider.findQuestion(target.id)!.parent;
    assert.deepEqual(group.children.map((child) => child.question.id), [target.id]);
    assert.equal(group.description, '1');
    assert.ok(kept.every((g) => groups(api).includes(g)), 'the other groups are the same nodes');
    api.tree.provider.refresh();
    assert.deepEqual(withGroup, shape(api), 'the group sits where a rebuilt tree puts it');

    const dropped = await firedDuring(api, () => api.ctx.progress.setStarred(target.id, false));
    assert.deepEqual(dropped, [undefined]);
    assert.ok(!groups(api).some((g) => g.group.key === target.domain));
    assert.equal(api.tree.provider.findQuestion(target.id), undefined);
  });

  it('takes an attempted question out of Not yet attempted and counts what stays', async () => {
    await vscode.commands.executeCommand('dojo.filter', 'unattempted');
    const [target] = fresh(1);
    snapshot.remember(target.id);
    const node = api.tree.provider.findQuestion(target.id)!;
    const group = node.parent;
    const listed = group.children.length;
    const fired = await firedDuring(api, () => api.ctx.progress.setAttempted(target.id, true));
    assert.deepEqual(fired, [listed === 1 ? undefined : [group]]);
    assert.equal(api.tree.provider.findQuestion(target.id), undefined);
    assert.ok(!group.children.includes(node));
    assert.equal(group.description, String(listed - 1));
  });

  it('redraws a graded question’s row from the review store, its next review in the tooltip, without a full refresh', async () => {
    const [target] = fresh(1);
    graded.push(target.id);
    const node = api.tree.provider.findQuestion(target.id)!;
    const fired = await firedDuring(api, () => api.ctx.review.grade(target.id, GRADE.good));
    assert.ok(fired.some((nodes) => nodes?.includes(node)), 'the event carries the graded row');
    assert.ok(fired.every((nodes) => nodes !== undefined), 'no full refresh');
    assert.ok(['learning', 'scheduled'].includes(node.state), node.state);
    assert.match((await tooltipOf(api, node)).value.replace(/&nbsp;/g, ' '), /\n\nNext review: \S+/);
  });

  it('builds a question’s tooltip only when asked, and again after its progress changed', async () => {
    const [target] = fresh(1, (q) => q.prompt !== q.title);
    snapshot.remember(target.id);
    const node = api.tree.provider.findQuestion(target.id)!;
    assert.equal(node.tooltip, undefined, 'no tooltip until the row is hovered');
    const bankTitle = api.library.index.documents.find((d) => d.file === target.document)!.title;
    const first = await tooltipOf(api, node);
    assert.ok(first.value.startsWith(`**${escaped(target.title)}**`));
    assert.ok(first.value.includes(escaped(target.prompt.slice(0, 20))), 'a preview of the prompt');
    assert.ok(first.value.includes(escaped(bankTitle)), 'the bank in full');
    assert.ok(first.value.includes(escaped('not attempted')), first.value);
    assert.equal(node.tooltip, first, 'kept until the progress changes');

    await api.ctx.progress.setStarred(target.id, true);
    assert.equal(node.tooltip, undefined, 'dropped when the row is redrawn');
    const second = await tooltipOf(api, node);
    assert.ok(second.value.includes(escaped(' · starred')) && !second.value.includes(escaped('not attempted')), second.value);
  });

  /** A fresh snapshot with every group collapsed: the view asks for no group's children until one is expanded. */
  async function collapsedTree(): Promise<GroupNode[]> {
    await vscode.commands.executeCommand('workbench.actions.treeView.dojo.questions.collapseAll');
    api.tree.provider.refresh();
    return groups(api);
  }

  it('makes a group’s question nodes only when the view asks for its children or one of its questions is looked for', async () => {
    const roots = await collapsedTree();
    assert.ok(roots.length >= 3);
    assert.ok(roots.every((g) => !g.listing.made), 'the first snapshot makes no question node');
    assert.equal(api.tree.provider.listedCount(), items.length, 'yet counts every listed question');
    assert.ok(roots.every((g) => g.description === `${g.listing.seen}/${g.listing.total}`), 'and every group’s progress');

    const [expanded, looked, ...others] = roots;
    const children = api.tree.provider.getChildren(expanded) as QuestionNode[];
    assert.deepEqual(children.map((n) => n.question.id), expanded.group.questions.map((q) => q.id));
    assert.ok(expanded.listing.made);
    const question = looked.group.questions[Math.floor(looked.group.questions.length / 2)];
    const node = api.tree.provider.findQuestion(question.id)!;
    assert.equal(node.parent, looked);
    assert.ok(looked.listing.made);
    assert.ok(others.every((g) => !g.listing.made), 'the other groups still have no question node');
  });

  it('counts a star or an attempt in a group never expanded, redrawing only that group', async () => {
    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const [listedOne] = fresh(1);
    const [target] = fresh(1, (q) => q.domain === listedOne.domain && q.id !== listedOne.id);
    for (const q of [listedOne, target]) snapshot.remember(q.id);
    await api.ctx.progress.setStarred(listedOne.id, true);
    const group = (await collapsedTree()).find((g) => g.group.key === target.domain)!;
    const listed = group.listing.listedCount;
    const viewListed = api.tree.provider.listedCount();

    const starred = await firedDuring(api, () => vscode.commands.executeCommand('dojo.toggleStar', target.id));
    assert.deepEqual(starred, [[group]]);
    assert.ok(!group.listing.made, 'the star made no question node');
    assert.equal(group.description, String(listed + 1));
    assert.equal(api.tree.view.description, `Starred · ${viewListed + 1} questions`);
    const order = group.group.questions.filter((q) => api.ctx.progress.get(q.id).starred).map((q) => q.id);
    assert.ok(order.includes(target.id));
    assert.deepEqual(group.children.map((n) => n.question.id), order, 'expanded later, it lists the starred question in its place');

    await vscode.commands.executeCommand('dojo.filter', 'all');
    const all = (await collapsedTree()).find((g) => g.group.key === target.domain)!;
    const seenBefore = all.listing.seen;
    const attempted = await firedDuring(api, () => api.ctx.progress.setAttempted(target.id, true));
    assert.deepEqual(attempted, [[all]]);
    assert.ok(!all.listing.made);
    assert.equal(all.description, `${seenBefore + 1}/${all.listing.total}`);
  });

  it('reveals a question of a group the view never expanded', async () => {
    await vscode.commands.executeCommand('dojo.questions.focus');
    await until(() => api.tree.view.visible, 'the question view to show', WAIT_MS);
    const roots = await collapsedTree();
    const group = roots[roots.length - 1];
    const target = group.group.questions[Math.floor(group.group.questions.length / 2)];
    assert.ok(!group.listing.made);
    await api.tree.reveal(target.id);
    await until(() => api.tree.view.selection[0]?.id === `q:${target.id}`, 'the tree to select the question', WAIT_MS);
    assert.equal(api.tree.view.selection[0], api.tree.provider.findQuestion(target.id));
    assert.equal(api.tree.provider.getParent(api.tree.view.selection[0]), group);
  });

  it('reveals a question that entered the filter after the tree was drawn', async () => {
    await vscode.commands.executeCommand('dojo.questions.focus');
    await until(() => api.tree.view.visible, 'the question view to show', WAIT_MS);
    await vscode.commands.executeCommand('dojo.filter', 'starred');
    const [target] = fresh(1);
    snapshot.remember(target.id);
    await api.ctx.progress.setStarred(target.id, true);
    await api.tree.reveal(target.id);
    await until(() => api.tree.view.selection[0]?.id === `q:${target.id}`, 'the tree to select the starred question', WAIT_MS);
    assert.equal(api.tree.view.selection[0], api.tree.provider.findQuestion(target.id));
  });
});
