// The review surfaces in the real host, on the store's clock (moved forward instead of waiting days): due state,
// Start Review, the status bar, the tree's badge and Due filter, Random and Search preferring due questions,
// Undo Last Grade, and Export → Reset → Import.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandIds';
import type { CommandDeps } from '../../src/commands/commandDeps';
import { randomQuestion } from '../../src/commands/practiceCommands';
import { exportProgress, importProgress, resetProgress } from '../../src/commands/progressCommands';
import { startReview, undoLastGrade } from '../../src/commands/reviewCommands';
import { searchItems } from '../../src/commands/searchCommand';
import { CARD_STATE } from '../../src/core/review/card';
import { GRADE } from '../../src/core/review/grades';
import type { DojoApi } from '../../src/extension';
import type { GroupNode, QuestionNode } from '../../src/tree/treeNodes';
import { dojo } from './helpers';

function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(command, ...args));
}

function listed(api: DojoApi): QuestionNode[] {
  return (api.tree.provider.getChildren() as GroupNode[]).flatMap((group) => api.tree.provider.getChildren(group) as QuestionNode[]);
}

/** The tooltip as the tree resolves it on hover. */
async function tooltipOf(api: DojoApi, node: QuestionNode): Promise<vscode.MarkdownString> {
  return (await api.tree.provider.resolveTreeItem(node, node)).tooltip as vscode.MarkdownString;
}

describe('Review', () => {
  let api: DojoApi;
  let graded: string[];
  let advanced = 0;
  const told: string[] = [];
  let deps: CommandDeps;

  /** Questions never graded (other suites may have graded some). */
  function ungraded(count: number): string[] {
    const found = api.library.practiceItems
      .map((q) => q.id)
      .filter((id) => (api.ctx.review.card(id)?.state ?? CARD_STATE.new) === CARD_STATE.new)
      .slice(0, count);
    assert.equal(found.length, count);
    graded.push(...found);
    return found;
  }

  /** Moves the store's clock past the question's due time and recounts. */
  function advancePast(id: string): void {
    const card = api.ctx.review.card(id)!;
    const by = card.due - api.clock.now() + 60_000;
    api.clock.advance(by);
    advanced += by;
    api.due.refresh();
  }

  before(async () => {
    api = await dojo();
    await api.ctx.review.ready;
    await run(CommandId.groupBy, 'domain');
  });

  beforeEach(() => {
    graded = [];
    told.length = 0;
    deps = { ...api.deps, inform: (message) => told.push(message) };
  });

  afterEach(async () => {
    api.clock.advance(-advanced);
    advanced = 0;
    if (graded.length > 0) await api.ctx.review.reset(graded);
    api.due.refresh();
    await run(CommandId.filter, 'all');
    await run('workbench.action.closeAllEditors');
  });

  it('keeps a graded question scheduled, then due once its time comes: queue, status bar, badge, icon and tooltip follow', async () => {
    const [id] = ungraded(1);
    const dueBefore = api.due.dueCount;
    await api.ctx.review.grade(id!, GRADE.good);
    const card = api.ctx.review.card(id!);
    assert.ok(card && card.state !== CARD_STATE.new && card.due > api.clock.now(), 'graded: scheduled for later');
    const stored = (await api.ctx.review.exportData()).cards.get(id!);
    assert.deepEqual(stored, card, 'the schedule is in the stored data');
    assert.equal(api.due.isDue(id!), false);
    const before = listed(api).find((node) => node.question.id === id)!;
    assert.ok(['learning', 'scheduled'].includes(before.state), before.state);
    assert.match((await tooltipOf(api, before)).value.replace(/&nbsp;/g, ' '), /\n\nNext review: \S+/);
    assert.ok(!api.ctx.review.queue([id!]).due.includes(id!));

    advancePast(id!);
    assert.ok(api.ctx.review.queue([id!]).due.includes(id!), 'the queue has it once the clock passes its due time');
    const count = api.due.dueCount;
    assert.equal(count, dueBefore + 1);
    assert.equal(api.dueStatus.item.text, `$(mortar-board) ${count} due`);
    assert.equal(api.dueStatus.shown, true);
    assert.equal(api.dueStatus.item.command, CommandId.startReview);
    assert.equal(api.tree.view.badge?.value, count);
    const node = listed(api).find((n) => n.question.id === id)!;
    assert.equal(node.state, 'due');
    assert.equal((node.iconPath as vscode.ThemeIcon).id, 'bell-dot');

    await api.ctx.review.reset([id!]);
    const reset = listed(api).find((n) => n.question.id === id)!;
    assert.notEqual(reset.state, 'due');
    assert.doesNotMatch((await tooltipOf(api, reset)).value.replace(/&nbsp;/g, ' '), /Next review|Due for review/);
    assert.equal(api.due.dueCount, dueBefore);
    assert.equal(api.dueStatus.shown, dueBefore > 0, 'hidden when nothing is due');
    assert.equal(api.tree.view.badge?.value, dueBefore === 0 ? undefined : dueBefore);
  });

  it('lists exactly the due questions under the Due filter, and offers them first in Random and Search', async () => {
    const ids = ungraded(3);
    for (const id of ids.slice(0, 2)) await api.ctx.review.grade(id, GRADE.good);
    advancePast(ids[0]!);
    advancePast(ids[1]!);
    const due = api.library.practiceItems.filter((q) => api.due.isDue(q.id)).map((q) => q.id);
    assert.ok(ids.slice(0, 2).every((id) => due.includes(id)) && !due.includes(ids[2]!));

    await run(CommandId.filter, 'due');
    assert.deepEqual(new Set(listed(api).map((n) => n.question.id)), new Set(due));

    await run(CommandId.filter, 'all');
    for (const r of [0, 0.5, 0.99]) {
      const picked = await randomQuestion({ ...deps, random: () => r })();
      assert.ok(picked && due.includes(picked), `random picks a due question (${r})`);
    }
    const items = searchItems(api.library, api.deps, '');
    assert.equal(items[0]!.label, 'Due for review');
    assert.equal(items[0]!.kind, vscode.QuickPickItemKind.Separator);
    assert.ok(items[1]!.id !== undefined && due.includes(items[1]!.id));
  });

  it('starts a review with the due questions first, counts "Review n of N", moves on after a grade and undoes it', async () => {
    const [first, second] = ungraded(2);
    await api.ctx.review.grade(first!, GRADE.again);
    await api.ctx.review.grade(second!, GRADE.good);
    advancePast(second!);
    const order = (api.tree.provider.getChildren() as GroupNode[]).flatMap((g) => g.children.map((c) => c.question.id));
    const queue = api.ctx.review.queue(order);
    assert.ok(queue.due.includes(first!) && queue.due.includes(second!));

    const shown = await run<string>(CommandId.startReview);
    assert.equal(shown, queue.due[0], 'the most likely forgotten question first');
    assert.equal(api.ctx.practice.currentQuestionId, shown);
    const total = queue.due.length + queue.fresh.length;
    assert.deepEqual(api.session.positionOf(shown), { index: 1, total });

    await api.ctx.review.grade(shown, GRADE.good);
    const step = api.session.afterGrade(shown);
    assert.deepEqual(step, { next: queue.due[1] ?? queue.fresh[0] });
    assert.deepEqual(api.session.positionOf((step as { next: string }).next), { index: 2, total });

    assert.equal(await undoLastGrade(deps)(), shown);
    assert.deepEqual(api.session.positionOf(shown), { index: 1, total }, 'the review goes back to the question');
    assert.equal(api.ctx.practice.currentQuestionId, shown);
    assert.ok(api.due.isDue(shown), 'due again');
    assert.equal(await undoLastGrade(deps)(), undefined);
    assert.match(told.at(-1) ?? '', /no grade to undo/);
  });

  it('says when the next review is when nothing is due and no new question is left', async () => {
    const [id] = ungraded(1);
    await api.ctx.review.grade(id!, GRADE.easy);
    const settings = vscode.workspace.getConfiguration('dojo.review');
    await settings.update('newPerDay', 0, vscode.ConfigurationTarget.Global);
    try {
      assert.equal(api.due.dueCount, 0, 'no other suite left a question due');
      assert.equal(await startReview(deps)(), undefined);
      assert.match(told.at(-1) ?? '', /^Nothing to review now: .* Next review: (today|tomorrow|\w+ \d+) .+\.$/);
      assert.equal(api.session.running, false);
    } finally {
      await settings.update('newPerDay', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('restores everything by Export → Reset → Import, with a preview and a confirmation', async () => {
    const [a, b] = ungraded(2);
    await api.ctx.review.setDraft(a!, 'my first answer');
    await api.ctx.review.grade(a!, GRADE.hard);
    await api.ctx.review.setNote(a!, 'remember the **base case**');
    await api.ctx.review.grade(b!, GRADE.easy);
    const before = await api.ctx.review.exportData();

    const file = vscode.Uri.file(path.join(os.tmpdir(), `dojo-export-${process.pid}-${Date.now()}.json`));
    assert.equal((await exportProgress(deps)(file))?.toString(), file.toString());
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    assert.equal(written.format, 'interview-dojo-progress');
    assert.equal(written.version, 1);

    const asked: string[] = [];
    const answering = (answer: string | undefined): CommandDeps => ({
      ...deps,
      ask: async (message, detail) => {
        asked.push(`${message}\n${detail}`);
        return answer;
      },
    });
    assert.equal(await resetProgress(answering(undefined))('all'), false, 'Cancel resets nothing');
    assert.ok(api.ctx.review.card(a!));
    assert.equal(await resetProgress(answering('Reset'))('all'), true);
    assert.match(asked.at(-1)!, /every question/);
    assert.equal(api.ctx.review.card(a!)?.state ?? CARD_STATE.new, CARD_STATE.new);
    assert.deepEqual((await api.ctx.review.record(a!)).attempts, []);

    assert.equal(await importProgress(answering('Import'))(file), true);
    assert.match(asked.at(-1)!, /Attempts added: [1-9]/);
    const after = await api.ctx.review.exportData();
    for (const [id, card] of before.cards) {
      if (card.state !== CARD_STATE.new) assert.deepEqual(after.cards.get(id), card, `card ${id}`);
    }
    for (const [id, record] of before.records) assert.deepEqual(after.records.get(id), record, `record ${id}`);
    assert.deepEqual(after.marks, before.marks);
    assert.equal(after.log.length, before.log.length);

    assert.equal(await importProgress(answering('Import'))(file), false, 'importing again changes nothing');
    assert.match(told.at(-1)!, /nothing that is not here already/);
    await vscode.workspace.fs.delete(file);
  });

  it('refuses a file that is not an export, saying why, and imports nothing', async () => {
    const file = vscode.Uri.file(path.join(os.tmpdir(), `dojo-bad-${process.pid}-${Date.now()}.json`));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify({ format: 'something-else', version: 2 })));
    const asked: string[] = [];
    const imported = await importProgress({ ...deps, ask: async (m) => (asked.push(m), 'Import') })(file);
    assert.equal(imported, false);
    assert.deepEqual(asked, [], 'no confirmation for a file that cannot be imported');
    assert.match(told.at(-1)!, /is not an Interview Dojo progress export/);
    assert.match(told.at(-1)!, /format is not "interview-dojo-progress"/);
    await vscode.workspace.fs.delete(file);
  });
});
