import * as assert from 'node:assert/strict';
import type { DojoContext } from '../../src/context';
import type { Question } from '../../src/core/model';
import { GRADE } from '../../src/core/review/grades';
import { ContentHtml } from '../../src/webview/client/contentHtml';
import { renderSettings } from '../../src/webview/content';
import type { PracticeViewController } from '../../src/webview/practiceView';
import { MAX_NOTE_LENGTH } from '../../src/webview/protocol';
import { closeAll, dojo, once, ProgressSnapshot, rendered } from './helpers';

// The first webview of a session can take much longer to load on a busy 2-core machine.
const FIRST_RENDER_MS = 45_000;

describe('Practice loop in the panel (grade, attempts, undo, note)', function () {
  this.timeout(FIRST_RENDER_MS + 30_000);
  let ctx: DojoContext;
  let view: PracticeViewController;
  let snapshot: ProgressSnapshot;
  let questions: Question[];
  const touched = new Set<string>();

  before(async () => {
    ({ ctx } = await dojo());
    view = ctx.practice as PracticeViewController;
    questions = ctx.library.practiceItems.filter((q) => q.hasReference && ctx.review.card(q.id) === undefined).slice(-4);
    assert.equal(questions.length, 4, 'questions never graded in this host');
    snapshot = new ProgressSnapshot(ctx);
    closeAll(view);
  });

  afterEach(async () => {
    closeAll(view);
    await ctx.review.reset([...touched]);
    touched.clear();
    await snapshot.restore();
  });

  /** Shows the question and waits until the webview has rendered it. */
  async function open(question: Question, waitMs = FIRST_RENDER_MS) {
    touched.add(question.id);
    snapshot.remember(question.id);
    const shown = rendered(view, question.id, undefined, waitMs);
    await view.show(question.id);
    await shown;
    return view.openPanels.find((p) => p.questionId === question.id)!;
  }

  it('grades from the panel: the card exists, the attempt is filed with its grade, and a fresh attempt starts', async () => {
    const question = questions[0]!;
    const panel = await open(question);
    await panel.receive({ type: 'attempt', questionId: question.id, text: 'my answer' });
    const revealed = rendered(view, question.id, (r) => r.revealed);
    await panel.receive({ type: 'reveal', questionId: question.id });
    await revealed;
    const fresh = rendered(view, question.id, (r) => !r.revealed && r.earlierAttempts === 1);
    await panel.receive({ type: 'grade', questionId: question.id, grade: GRADE.good });
    const report = await fresh;

    assert.ok(ctx.review.card(question.id), 'the question has a card');
    assert.equal(report.attempt, '', 'the panel shows a fresh, empty attempt');
    const record = await ctx.review.record(question.id);
    assert.deepEqual(record.attempts.map((a) => [a.text, a.grade]), [['my answer', GRADE.good]]);
    assert.ok(ctx.progress.get(question.id).attemptedAt, 'marked attempted (tree state)');
  });

  it('reopens a graded question with a fresh attempt, the answer hidden and one earlier attempt', async () => {
    const question = questions[1]!;
    let panel = await open(question);
    await panel.receive({ type: 'attempt', questionId: question.id, text: 'first pass' });
    await panel.receive({ type: 'reveal', questionId: question.id });
    await panel.receive({ type: 'grade', questionId: question.id, grade: GRADE.hard });
    closeAll(view);

    const reopened = rendered(view, question.id);
    await view.show(question.id);
    const report = await reopened;
    assert.equal(report.revealed, false, 'the reference is hidden');
    assert.equal(report.attempt, '', 'a fresh attempt');
    assert.equal(report.earlierAttempts, 1, 'one earlier attempt listed');
    panel = view.openPanels[0]!;
    assert.equal(panel.revealed, false);
  });

  it('undoes the last grade from the panel: no card again, the attempt back in progress, the answer shown', async () => {
    const question = questions[2]!;
    const panel = await open(question);
    await panel.receive({ type: 'attempt', questionId: question.id, text: 'graded too fast' });
    await panel.receive({ type: 'reveal', questionId: question.id });
    await panel.receive({ type: 'grade', questionId: question.id, grade: GRADE.again });
    assert.ok(ctx.review.card(question.id));

    const back = rendered(view, question.id, (r) => r.revealed && r.attempt === 'graded too fast');
    await panel.receive({ type: 'undoGrade' });
    const report = await back;
    assert.equal(ctx.review.card(question.id), undefined, 'the question is new again');
    assert.equal(report.earlierAttempts, 0);
    assert.equal((await ctx.review.record(question.id)).draft?.text, 'graded too fast');
  });

  it('saves the note and renders it with the safe renderer', async () => {
    const question = questions[3]!;
    const panel = await open(question);
    const note = 'Remember **the edge case** <script>alert(1)</script>';
    await panel.receive({ type: 'note', questionId: question.id, text: note });
    assert.equal((await ctx.review.record(question.id)).note, note);
    const html = new ContentHtml(renderSettings()).markdown(note);
    assert.match(html, /<strong>the edge case<\/strong>/);
    assert.doesNotMatch(html, /<script/);

    const tooLong = once(view.onDidRefuseMessage, 'the refusal of a note that is too long');
    await panel.receive({ type: 'note', questionId: question.id, text: 'x'.repeat(MAX_NOTE_LENGTH + 1) });
    assert.match(await tooLong, /note: invalid text/);
    assert.equal((await ctx.review.record(question.id)).note, note);
  });

  it('refuses a grade that is not 1–4, and grades nothing', async () => {
    const question = questions[0]!;
    const panel = await open(question);
    const before = ctx.review.card(question.id);
    for (const grade of [0, 5, '3', 2.5, null]) {
      const refused = once(view.onDidRefuseMessage, `the refusal of grade ${String(grade)}`);
      await panel.receive({ type: 'grade', questionId: question.id, grade });
      assert.match(await refused, /grade: invalid grade/);
    }
    assert.deepEqual(ctx.review.card(question.id), before);
    assert.equal(ctx.review.lastGrade?.id === question.id, false, 'nothing was graded');
  });
});
