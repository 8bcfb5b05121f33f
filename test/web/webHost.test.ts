// The extension in the browser's web-worker extension host (package.json's `browser` entry, as on vscode.dev): what
// a learner does works there as on the desktop, with no Node: the bundled banks indexed in thread, the practice
// panel, scratch files in the extension's storage, and progress stored through vscode.workspace.fs and globalState.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DojoContext } from '../../src/context';
import { fnv1a64 } from '../../src/core/fnv';
import { groupQuestions } from '../../src/core/grouping';
import { buildIndex, practiceItems } from '../../src/core/indexer';
import type { Domain, Question } from '../../src/core/model';
import { GRADE } from '../../src/core/review/grades';
import { scratchHeader } from '../../src/core/scratchName';
import type { DojoApi } from '../../src/extension';
import { createScratchFiles } from '../../src/scratch/scratchFiles';
import { RECORDS_FOLDER } from '../../src/state/recordFiles';
import type { GroupNode } from '../../src/tree/treeNodes';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { closeAll, dojo, once, ProgressSnapshot, rendered, until } from '../integration/helpers';

// The first webview of a session can take long to load on a busy 2-core machine.
const FIRST_RENDER_MS = 45_000;

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

async function readText(uri: vscode.Uri): Promise<string> {
  return decode(await vscode.workspace.fs.readFile(uri));
}

/** The bundled banks indexed by the core in this test, from the extension's own files: what the tree must list. */
async function bundledGroups(extensionUri: vscode.Uri): Promise<{ key: string; ids: string[] }[]> {
  const content = vscode.Uri.joinPath(extensionUri, 'content');
  const domains = JSON.parse(await readText(vscode.Uri.joinPath(content, 'domains.json'))) as Domain[];
  const names = (await vscode.workspace.fs.readDirectory(content)).map(([name]) => name).filter((name) => name.endsWith('.md'));
  const sources = await Promise.all(
    names.sort().map(async (name) => {
      const uri = vscode.Uri.joinPath(content, name);
      return { file: uri.toString(true), relativePath: name, bundled: true, bytes: await vscode.workspace.fs.readFile(uri) };
    }),
  );
  const index = buildIndex(sources, domains);
  return groupQuestions(practiceItems(index), 'domain', { domains, documents: index.documents }).map((group) => ({
    key: `${group.kind}:${group.key}`,
    ids: group.questions.map((question) => question.id),
  }));
}

type StoredRecord = { id: string; attempts: { text: string; grade?: number }[] };

/** The record file once `accept` likes it (the store writes it after the grade has been applied). */
async function storedRecord(uri: vscode.Uri, accept: (record: StoredRecord) => boolean): Promise<StoredRecord> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const record = await readText(uri).then((text) => JSON.parse(text) as StoredRecord, () => undefined);
    if (record && accept(record)) return record;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${uri.toString()} to hold the graded attempt`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function referenceOf(question: Question): string {
  return scratchHeader(question, question.code[0]!.lang) + question.code[0]!.source.replace(/\n?$/, '\n');
}

describe('In the browser (web-worker extension host)', function () {
  this.timeout(FIRST_RENDER_MS + 30_000);
  let api: DojoApi;
  let ctx: DojoContext;
  let view: PracticeViewController;
  let snapshot: ProgressSnapshot;
  const graded: string[] = [];

  before(async () => {
    api = await dojo();
    ({ ctx } = api);
    view = ctx.practice as PracticeViewController;
    snapshot = new ProgressSnapshot(ctx);
  });

  afterEach(() => closeAll(view));

  after(async () => {
    await ctx.review.reset(graded);
    await snapshot.restore();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('runs in a web worker, without Node', () => {
    assert.equal(typeof process, 'undefined', 'no Node `process` global');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a web worker');
  });

  it('lists the bundled banks in the tree: every domain, with its questions and count', async () => {
    const expected = await bundledGroups(ctx.extension.extensionUri);
    assert.ok(expected.length >= 5 && expected.every((group) => group.ids.length > 0), 'the bundled banks have domains');
    const groups = api.tree.provider.getChildren() as GroupNode[];
    assert.deepEqual(
      groups.map((group) => group.id),
      expected.map((group) => group.key),
    );
    groups.forEach((group, i) => {
      assert.deepEqual(
        group.children.map((node) => node.question.id),
        expected[i]!.ids,
        `the questions of ${group.id}`,
      );
      assert.match(String(group.description), new RegExp(`^\\d+/${expected[i]!.ids.length}$`), `the count of ${group.id}`);
    });
  });

  it('shows a question in the practice panel and reveals its answer', async () => {
    const question = ctx.library.practiceItems.find((q) => q.hasReference)!;
    snapshot.remember(question.id);
    const shown = rendered(view, question.id, undefined, FIRST_RENDER_MS);
    await view.show(question.id);
    assert.equal((await shown).revealed, false);
    const panel = view.openPanels.find((p) => p.questionId === question.id)!;
    assert.equal(panel.panel.title, question.title);

    const revealed = rendered(view, question.id, (report) => report.revealed);
    await panel.receive({ type: 'reveal', questionId: question.id });
    await revealed;
    assert.ok(ctx.progress.get(question.id).revealedAt, 'recorded as revealed');
  });

  it("opens reference code as a scratch file in the extension's storage, keeps the user's edits, resets on request", async () => {
    const question = ctx.library.practiceItems.find((q) => q.code.length > 0)!;
    const asked: string[] = [];
    const scratch = createScratchFiles({ extension: ctx.extension, log: ctx.log, library: ctx.library, confirm: async (m) => !!asked.push(m) });
    try {
      const editor = (await scratch.openReference(question))!;
      const uri = editor.document.uri;
      assert.equal(vscode.Uri.joinPath(uri, '..').toString(), vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'scratch').toString());
      assert.equal(editor.document.getText(), referenceOf(question));
      assert.equal(await readText(uri), referenceOf(question));

      await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '// mine\n'));
      assert.ok(await editor.document.save(), 'saved');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const again = (await scratch.openReference(question))!;
      assert.equal(again.document.uri.toString(), uri.toString());
      assert.equal(again.document.getText(), `${referenceOf(question)}// mine\n`, 'reopened, not overwritten');

      assert.equal(await scratch.resetToReference(question), true);
      assert.equal(asked.length, 1, 'asked before resetting');
      assert.equal(await readText(uri), referenceOf(question));
    } finally {
      scratch.dispose();
    }
  });

  it('grades from the panel and stores the card, the graded attempt and the review state', async () => {
    const question = ctx.library.practiceItems.filter((q) => q.hasReference && ctx.review.card(q.id) === undefined).at(-1)!;
    graded.push(question.id);
    snapshot.remember(question.id);
    const shown = rendered(view, question.id, undefined, FIRST_RENDER_MS);
    await view.show(question.id);
    await shown;
    const panel = view.openPanels.find((p) => p.questionId === question.id)!;
    await panel.receive({ type: 'attempt', questionId: question.id, text: 'answered in the browser' });
    const revealed = rendered(view, question.id, (report) => report.revealed);
    await panel.receive({ type: 'reveal', questionId: question.id });
    await revealed;
    const fresh = rendered(view, question.id, (report) => !report.revealed && report.earlierAttempts === 1);
    await panel.receive({ type: 'grade', questionId: question.id, grade: GRADE.good });
    await fresh;

    const card = ctx.review.card(question.id);
    assert.ok(card, 'the question has a card');
    assert.ok(card.due > Date.now(), 'due later');
    assert.ok(ctx.progress.get(question.id).attemptedAt, 'marked attempted');
    // What the next window reads: the record file in globalStorage, and the cards in globalState.
    const recordFile = vscode.Uri.joinPath(ctx.extension.globalStorageUri, RECORDS_FOLDER, `${fnv1a64(question.id)}.json`);
    const stored = await storedRecord(recordFile, (record) => record.attempts.length > 0);
    assert.equal(stored.id, question.id);
    assert.deepEqual(stored.attempts.map((a) => [a.text, a.grade]), [['answered in the browser', GRADE.good]]);
    assert.ok(JSON.stringify(ctx.extension.globalState.get('dojo.cards.v1')).includes(question.id), 'the card is in globalState');
  });

  it('loads a bank from the workspace through vscode.workspace.fs (dojo.extraBanks)', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const folderName = `web-bank-${Date.now().toString(36)}`;
    const bank = vscode.Uri.joinPath(root, folderName, 'bank.md');
    await vscode.workspace.fs.writeFile(bank, encode('# Web bank\n\n### 1. What is a web worker extension host?\n\n**Answer:** The browser runs the extension.\n'));
    const config = vscode.workspace.getConfiguration('dojo');
    try {
      await config.update('extraBanks', [folderName], vscode.ConfigurationTarget.Global);
      await until(() => ctx.library.practiceItems.some((q) => q.title.includes('web worker extension host')), 'the workspace bank to load', 30_000);
    } finally {
      await config.update('extraBanks', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(root, folderName), { recursive: true, useTrash: false });
    }
  });
  it('explains how a workspace bank file is read, with the parser on the extension thread', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri;
    const bank = vscode.Uri.joinPath(root, `web-explain-${Date.now().toString(36)}.md`);
    await vscode.workspace.fs.writeFile(bank, encode('# Notes\n\n<details>\n<summary>Why explain a bank?</summary>\n\nTo see how it was read.\n</details>\n'));
    try {
      const explained = await vscode.commands.executeCommand<{ lines: string[] }>('dojo.explainBank', bank);
      assert.match(explained.lines.join('\n'), /question "Why explain a bank\?" \(<details> blocks\)/);
      assert.ok(vscode.window.visibleTextEditors.some((editor) => editor.document.uri.scheme === 'dojo-explain'), 'the explanation is shown');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(bank, { useTrash: false });
    }
  });

  it('checks an attempt after Reveal, counting rarities with the in-thread index (Intl.Segmenter in the worker)', async () => {
    const question = ctx.library.practiceItems.find((q) => q.hasReference && /^\s*\d+\.\s/m.test(q.answer))!;
    snapshot.remember(question.id);
    const attempt = question.answer.split('\n').find((line) => /^\s*\d+\.\s/.test(line))!;
    await ctx.review.setDraft(question.id, attempt);
    const shown = rendered(view, question.id, (report) => report.attempt === attempt, FIRST_RENDER_MS);
    await view.show(question.id);
    await shown;
    const checked = once(view.onDidRenderCheck, 'the self-check', (r) => r.questionId === question.id && r.state === 'checked', FIRST_RENDER_MS);
    await vscode.commands.executeCommand('dojo.revealAnswer');
    const report = await checked;
    assert.ok(report.points.some((point) => point.status === 'covered'), JSON.stringify(report.points));
    assert.ok(report.highlighted.length > 0, 'terms highlighted in the attempt');
    await ctx.review.setDraft(question.id, '');
  });

  it('runs a mock interview and shows its summary, stored through vscode.workspace.fs', async () => {
    const config = { length: { kind: 'questions', count: 2 }, domains: [], source: 'any' };
    const first = once(view.onDidRenderMock, 'the first mock question', (r) => r.mode === 'question' && r.text.includes('question 1 of 2'), FIRST_RENDER_MS);
    const session = (await vscode.commands.executeCommand('dojo.startMockInterview', config)) as { id: string; items: { id: string }[] };
    await first;
    for (const item of session.items) snapshot.remember(item.id);
    const summary = once(view.onDidRenderMock, 'the summary', (r) => r.mode === 'summary' && r.text.includes('Ended early.'), FIRST_RENDER_MS);
    await vscode.commands.executeCommand('dojo.endMockInterview');
    await summary;
    const stored = await readText(vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'mock', `${session.id}.json`));
    assert.equal((JSON.parse(stored) as { endReason: string }).endReason, 'early');
  });

  it('draws the progress dashboard', async () => {
    const drawn = once(api.dashboard.onDidRender, 'the dashboard to draw', () => true, FIRST_RENDER_MS);
    await vscode.commands.executeCommand('dojo.showProgress');
    const report = await drawn;
    assert.match(report.totals[0]!, /^\d+ of \d+ questions practised$/);
  });
});
