// The progress dashboard in the real host: after grading questions on the store's clock, "Dojo: Show Progress" opens a
// webview that reports what it drew (the totals, the domain rows, the heatmap with today's cell); a grade while it is
// open redraws it; choosing a domain's segment or a day lists the right questions in a quick pick, and the one chosen
// opens in the practice panel. Messages the page would not send are refused.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandId } from '../../src/commandIds';
import { progressState } from '../../src/core/progress/dashboardStats';
import { CARD_STATE } from '../../src/core/review/card';
import { GRADE } from '../../src/core/review/grades';
import type { DojoApi } from '../../src/extension';
import type { DashboardReport, QuestionPickItem } from '../../src/webview/dashboardView';
import { dojo, once, rendered, seen } from './helpers';

describe('Progress dashboard', () => {
  let api: DojoApi;
  let graded: string[] = [];

  /** Never-graded questions of one domain (other suites may have graded some). */
  function ungradedIn(domain: string, count: number): string[] {
    const found = api.library.listed
      .filter((q) => q.domain === domain && (api.ctx.review.card(q.id)?.state ?? CARD_STATE.new) === CARD_STATE.new)
      .slice(0, count)
      .map((q) => q.id);
    assert.equal(found.length, count);
    graded.push(...found);
    return found;
  }

  /** The next drawing the webview reports that `accept` likes (subscribe before acting). */
  function drawn(accept: (report: DashboardReport) => boolean = () => true): Promise<DashboardReport> {
    return once(api.dashboard.onDidRender, 'the dashboard to draw', accept);
  }

  before(async () => {
    api = await dojo();
    await api.ctx.review.ready;
  });

  afterEach(async () => {
    api.dashboard.usePicker((items, options) => vscode.window.showQuickPick(items, options));
    if (graded.length > 0) await api.ctx.review.reset(graded);
    graded = [];
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the totals, a row per domain and a year of days with today marked, and redraws after a grade', async () => {
    const domain = api.library.listed[0]!.domain;
    const before = api.dashboard.model();
    const [first, second, third] = ungradedIn(domain, 3);
    const newlyPractised = [first!, second!].filter((id) => !seen(api, id)).length;
    await api.ctx.review.grade(first!, GRADE.good);
    await api.ctx.review.grade(second!, GRADE.again);

    const shown = drawn();
    await vscode.commands.executeCommand(CommandId.showProgress);
    const report = await shown;
    const model = api.dashboard.model();
    assert.equal(model.totals.practised, before.totals.practised + newlyPractised);
    assert.equal(report.totals[0], `${model.totals.practised} of ${model.totals.questions} questions practised`);
    assert.equal(report.totals[1], `${model.totals.dueToday} due today`);
    assert.match(report.totals[2]!, /^Days in a row: [1-9]\d*$/, 'graded today: the streak is at least one day');
    assert.deepEqual(report.domains, model.domains.map((row) => row.label));
    assert.ok(report.domains.length >= 10, `${report.domains.length} domain rows`);
    assert.ok(report.heatmapCells >= 52 * 7 + 1 && report.heatmapCells <= 53 * 7, `${report.heatmapCells} heatmap cells`);
    assert.equal(report.today, model.today);
    assert.equal(report.todayCount, before.totals.reviewedToday + 2);
    assert.equal(api.dashboard.openPanel?.panel.viewType, 'dojo.progress');
    assert.match(api.dashboard.openPanel!.html, /script-src 'nonce-[0-9a-f]{32}'/);

    const redrawn = drawn((r) => r.todayCount === report.todayCount + 1);
    await api.ctx.review.grade(third!, GRADE.good);
    assert.equal((await redrawn).todayCount, before.totals.reviewedToday + 3, 'a grade while it is open redraws it');
  });

  it('lists the questions of a domain in the state chosen, and of a day, and opens the one chosen in the practice panel', async () => {
    const domain = api.library.listed[0]!.domain;
    const [learning, good] = ungradedIn(domain, 2);
    await api.ctx.review.grade(learning!, GRADE.again);
    await api.ctx.review.grade(good!, GRADE.good);
    const shown = drawn();
    await vscode.commands.executeCommand(CommandId.showProgress);
    await shown;
    const panel = api.dashboard.openPanel!;

    const offered: { items: QuestionPickItem[]; title?: string }[] = [];
    api.dashboard.usePicker(async (items, options) => {
      offered.push({ items, title: options.title });
      return items.find((item) => item.id === learning);
    });
    const expected = api.library.listed
      .filter((q) => q.domain === domain && progressState(api.ctx.review.card(q.id)) === 'learning')
      .map((q) => q.id);
    assert.equal(progressState(api.ctx.review.card(learning!)), 'learning', 'Again on a new question starts its learning steps');
    assert.ok(expected.includes(learning!));
    const opened = rendered(api.practice, learning!);
    await panel.receive({ type: 'openDomain', domain, state: 'learning' });
    assert.deepEqual(offered[0]!.items.map((item) => item.id), expected);
    assert.equal(offered[0]!.items.find((item) => item.id === learning)!.label, api.library.get(learning!)!.title);
    assert.match(offered[0]!.title!, /: Learning$/);
    await opened;
    assert.equal(api.ctx.practice.currentQuestionId, learning, 'the question chosen opens in the practice panel');

    await panel.receive({ type: 'openDay', date: api.dashboard.model().today });
    const today = offered[1]!.items.map((item) => item.id);
    assert.ok(today.includes(learning!) && today.includes(good!), 'both were reviewed today');
    assert.match(offered[1]!.title!, /^Reviewed on /);

    await panel.receive({ type: 'openDay', date: '1999-01-01' });
    assert.equal(offered.length, 2, 'a day without reviews offers no quick pick');
  });

  it('refuses messages its page would not send', async () => {
    const shown = drawn();
    await vscode.commands.executeCommand(CommandId.showProgress);
    await shown;
    const panel = api.dashboard.openPanel!;
    const refused = once(api.dashboard.onDidRefuse, 'a refusal');
    await panel.receive({ type: 'openDomain', domain: 'ml', state: 'due' });
    assert.match(await refused, /openDomain: invalid state/);
    const alsoRefused = once(api.dashboard.onDidRefuse, 'a refusal');
    await panel.receive({ type: 'openDay', date: '2026-01-01', command: 'workbench.action.terminal.new' });
    assert.match(await alsoRefused, /unexpected field "command"/);
  });
});
