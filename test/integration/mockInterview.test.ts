// A mock interview in the real host and webview: questions one at a time with the answers hidden, the countdown in
// the panel and the status bar, Next and Skip, the end when the time is up (the clock moved on, no real waiting)
// with the drafts kept, the summary with the self-check, a grade that feeds the review schedule, Retry the weak
// ones, End early from the palette, the stored history, and a stored file that is not a session set aside.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandIds';
import type { MockConfig, MockSession } from '../../src/core/mock/mockSession';
import { GRADE } from '../../src/core/review/grades';
import type { DojoApi } from '../../src/extension';
import { mockSummaryMarkdown } from '../../src/mock/mockExport';
import type { HostMessage } from '../../src/webview/protocol';
import { closeAll, dojo, once } from './helpers';

const RENDER_MS = 45_000;
const MINUTES = 15;

describe('A mock interview', function () {
  this.timeout(4 * RENDER_MS);
  let api: DojoApi;
  let advanced = 0;

  before(async () => {
    api = await dojo();
    closeAll(api.practice);
  });

  after(async () => {
    api.clock.advance(-advanced);
    if (api.mock.running) await api.mock.end('early');
    closeAll(api.practice);
  });

  const mockShown = (mode: 'question' | 'summary', accept: (text: string) => boolean, what: string) =>
    once(api.practice.onDidRenderMock, what, (r) => r.mode === mode && accept(r.text), RENDER_MS);

  it('asks the questions one at a time with the answers hidden, then ends when the time is up, keeping every draft', async () => {
    const config: MockConfig = { length: { kind: 'minutes', minutes: MINUTES }, domains: ['speech'], source: 'any' };
    const first = mockShown('question', (text) => text.includes('Mock interview: question 1 of 5'), 'the first question in mock mode');
    const session = (await vscode.commands.executeCommand(CommandId.startMockInterview, config)) as MockSession;
    assert.ok(session?.id, 'the command resolves to the session');
    assert.equal(session.items.length, MINUTES / 3, 'one question per three minutes');
    assert.ok(session.items.every((item) => api.ctx.library.get(item.id)?.domain === 'speech'), 'from the chosen domain');
    assert.match((await first).text, /15:00 left|14:5\d left/);
    assert.match(api.mockStatus.item.text, /^\$\(watch\) 1[45]:\d\d left · 1\/5$/, 'the countdown in the status bar');

    const panel = api.practice.openPanels.at(-1)!;
    const posted: HostMessage[] = [];
    const post = panel.post.bind(panel);
    panel.post = (message) => {
      posted.push(message);
      return post(message);
    };
    const [q1, q2, q3] = session.items.map((item) => item.id);
    assert.equal(api.practice.currentQuestionId, q1);
    await vscode.commands.executeCommand(CommandId.revealAnswer);
    assert.equal(posted.filter((message) => message.type === 'reference').length, 0, 'no answer during the interview');

    await panel.receive({ type: 'attempt', questionId: q1!, text: 'My answer to the first question.' });
    const second = mockShown('question', (text) => text.includes('question 2 of 5'), 'the second question');
    await panel.receive({ type: 'mockStep', sessionId: session.id, action: 'next' });
    await second;
    const third = mockShown('question', (text) => text.includes('question 3 of 5'), 'the third question');
    await panel.receive({ type: 'mockStep', sessionId: session.id, action: 'skip' });
    await third;
    await panel.receive({ type: 'attempt', questionId: q3!, text: 'Typed when the time ran out.' });
    // Stored before the clock moves on: nothing of this test may carry a time in the future (other suites sort by it).
    await api.practice.flush();

    const summary = mockShown('summary', (text) => text.includes('Ended: the time was up.'), 'the summary once the time is up');
    api.clock.advance(MINUTES * 60_000);
    advanced += MINUTES * 60_000;
    const shown = await summary;
    api.clock.advance(-advanced);
    advanced = 0;
    assert.ok(shown.text.includes('My answer to the first question.'), 'the first attempt beside its reference');
    assert.ok(shown.text.includes('Typed when the time ran out.'), 'the draft on screen when the time ran out is kept');
    assert.ok(shown.text.includes('Answered: 2 of 5; skipped: 1; not reached: 2'), shown.text);
    assert.equal(api.mock.running, undefined);

    const [stored] = await api.mock.history();
    assert.equal(stored?.id, session.id);
    assert.equal(stored!.endReason, 'time');
    assert.deepEqual(stored!.items.map((item) => [item.id, item.skipped, item.attempt]), [
      [q1, false, 'My answer to the first question.'],
      [q2, true, ''],
      [q3, false, 'Typed when the time ran out.'],
      [session.items[3]!.id, false, undefined],
      [session.items[4]!.id, false, undefined],
    ]);
    assert.ok(stored!.items[0]!.coverage !== undefined, 'the self-check of the first attempt');
    assert.equal(stored!.items[0]!.spentMs + stored!.items[1]!.spentMs + stored!.items[2]!.spentMs, MINUTES * 60_000, 'the time adds up to the length');

    const markdown = mockSummaryMarkdown(stored!, api.ctx.library);
    assert.match(markdown, /^# Mock interview, .+ \(15 minutes\)\n\n- Ended: the time was up\./);
    assert.ok(markdown.includes('```text\nMy answer to the first question.\n```'), 'the attempt fenced in the export');
  });

  it('feeds a grade from the summary into the review schedule, and retries the weak ones', async () => {
    const [stored] = await api.mock.history();
    const q1 = stored!.items[0]!.id;
    const regraded = mockShown('summary', (text) => text.includes('Again'), 'the summary after the grade');
    await api.practice.openPanels.at(-1)!.receive({ type: 'mockGrade', sessionId: stored!.id, questionId: q1, grade: GRADE.again });
    await regraded;
    assert.equal(api.review.lastGrade?.id, q1, 'graded into the review store');
    assert.ok(api.review.card(q1), 'the question has a card now');
    assert.equal((await api.mock.history())[0]!.items[0]!.grade, GRADE.again);

    const retry = mockShown('question', (text) => text.includes('question 1 of 1'), 'the retry session');
    await api.practice.openPanels.at(-1)!.receive({ type: 'mockRetry', sessionId: stored!.id });
    await retry;
    assert.equal(api.practice.currentQuestionId, q1);

    const ended = mockShown('summary', (text) => text.includes('Ended early.'), 'the summary after End');
    await vscode.commands.executeCommand(CommandId.endMockInterview);
    await ended;
    assert.equal((await api.mock.history()).length, 2);
    await api.review.undoLastGrade();
  });

  it('sets aside a stored file that is not a session, and lists the others', async () => {
    const folder = vscode.Uri.joinPath(api.ctx.extension.globalStorageUri, 'mock');
    const bad = vscode.Uri.joinPath(folder, 'not-a-session.json');
    await vscode.workspace.fs.writeFile(bad, new TextEncoder().encode('{"id": "not-a-session", "items": 3}'));
    const sessions = await api.mock.history();
    assert.equal(sessions.length, 2);
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name);
    assert.ok(names.some((name) => name.startsWith('not-a-session.json.corrupt-')), names.join(', '));
    assert.ok(!names.includes('not-a-session.json'));
  });
});
