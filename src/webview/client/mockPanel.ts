// The mock interview in the practice page: over a question of a running session, the bar with its position, the
// countdown (counted here from what the extension sent, once a second) and Next, Skip and End; and the summary, with
// per question the attempt beside the reference answer and the grade buttons, Retry the weak ones and Export.
import { clockText } from '../../core/mock/clockText';
import type { Grade } from '../../core/review/grades';
import type { ScriptStrings } from '../html';
import { MAX_RENDERED_TEXT, type MockSummaryView, type MockView, type WebviewMessage } from '../protocol';
import type { ContentHtml } from './contentHtml';
import type { PanelElements } from './elements';
import { format } from './format';

const TICK_MS = 1000;

export class MockPanel {
  private sessionId: string | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly el: PanelElements,
    private readonly strings: ScriptStrings,
    private readonly content: ContentHtml,
    private readonly post: (message: WebviewMessage) => void,
    /** Inserts rendered HTML (ContentHtml's) into an element. */
    private readonly insertHtml: (container: HTMLElement, html: string) => void,
  ) {
    el.mockNext.addEventListener('click', () => this.step('next'));
    el.mockSkip.addEventListener('click', () => this.step('skip'));
    el.mockEnd.addEventListener('click', () => this.step('end'));
    el.mockRetry.addEventListener('click', () => this.sessionId && this.post({ type: 'mockRetry', sessionId: this.sessionId }));
    el.mockExport.addEventListener('click', () => this.sessionId && this.post({ type: 'mockExport', sessionId: this.sessionId }));
  }

  /** A question was shown: in the mock mode when `mock` is given, else the ordinary page. */
  showQuestion(mock: MockView | undefined): void {
    this.stopClock();
    const el = this.el;
    el.main.classList.toggle('dojo-mock-mode', mock !== undefined);
    el.mockBar.hidden = mock === undefined;
    this.hideSummaryParts();
    if (!mock) return;
    this.sessionId = mock.sessionId;
    el.mockPosition.textContent = mock.position;
    for (const button of [el.mockNext, el.mockSkip, el.mockEnd]) button.disabled = false;
    const sent = Date.now();
    const draw = () => {
      const now = Date.now();
      if (mock.remainingMs === undefined) {
        el.mockClock.textContent = format(this.strings.mockElapsed, clockText(mock.elapsedMs + now - sent, false));
        return;
      }
      const left = mock.remainingMs - (now - sent);
      el.mockClock.textContent = left > 0 ? format(this.strings.mockLeft, clockText(left)) : this.strings.mockTimeUp;
      el.mockClock.classList.toggle('dojo-mock-hurry', left < 60_000);
    };
    draw();
    this.timer = setInterval(draw, TICK_MS);
    this.rendered('question', el.mockBar.textContent ?? '');
  }

  /** The session's summary (the page is in its summary mode: the title and lines are the view's). */
  showSummary(summary: MockSummaryView): void {
    this.stopClock();
    const el = this.el;
    this.sessionId = summary.sessionId;
    el.main.classList.remove('dojo-mock-mode');
    el.mockBar.hidden = true;
    el.mockSummaryActions.hidden = false;
    el.mockRetry.hidden = !summary.canRetry;
    el.mockItems.hidden = false;
    el.mockItems.replaceChildren(...summary.items.map((item) => this.summaryItem(summary, item)));
    this.rendered('summary', el.summary.textContent ?? '');
  }

  /** Another kind of summary (a review's) is shown. */
  hideSummaryParts(): void {
    this.el.mockSummaryActions.hidden = true;
    this.el.mockItems.hidden = true;
    this.el.mockItems.replaceChildren();
  }

  private summaryItem(summary: MockSummaryView, item: MockSummaryView['items'][number]): HTMLLIElement {
    const li = document.createElement('li');
    const title = document.createElement('h2');
    title.textContent = item.title;
    const meta = document.createElement('p');
    meta.className = 'dojo-attempt-meta';
    meta.textContent = item.meta;
    const compare = document.createElement('div');
    compare.className = 'dojo-mock-compare';
    const attempt = document.createElement('section');
    const attemptHeading = document.createElement('h3');
    attemptHeading.textContent = this.strings.mockAttempt;
    const attemptText = document.createElement('pre');
    attemptText.className = 'dojo-attempt-text';
    attemptText.textContent = item.attempt.trim() === '' ? this.strings.mockNoAttempt : item.attempt;
    attempt.append(attemptHeading, attemptText);
    const reference = document.createElement('section');
    const referenceHeading = document.createElement('h3');
    referenceHeading.textContent = this.strings.mockReference;
    const answer = document.createElement('div');
    answer.className = 'dojo-markdown';
    if (item.answer.trim() === '') answer.textContent = this.strings.mockNoReference;
    else this.insertHtml(answer, this.content.markdown(item.answer));
    reference.append(referenceHeading, answer);
    compare.append(attempt, reference);
    const grades = document.createElement('div');
    grades.className = 'dojo-grade-buttons';
    grades.setAttribute('role', 'group');
    grades.setAttribute('aria-label', format(this.strings.mockGradeGroup, item.title));
    grades.append(
      ...summary.grades.map(({ grade, label }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = `dojo-grade dojo-grade-${grade}`;
        button.dataset['grade'] = String(grade);
        button.textContent = label;
        button.setAttribute('aria-pressed', String(item.grade === grade));
        // Graded once: the grade went into the review schedule.
        button.disabled = item.grade !== undefined;
        button.addEventListener('click', () => this.grade(summary.sessionId, item.questionId, grade));
        return button;
      }),
    );
    li.append(title, meta, compare, grades);
    return li;
  }

  private grade(sessionId: string, questionId: string, grade: Grade): void {
    this.post({ type: 'mockGrade', sessionId, questionId, grade });
  }

  private step(action: 'skip' | 'next' | 'end'): void {
    if (!this.sessionId) return;
    // One step per click: the extension answers with the next question or the summary.
    for (const button of [this.el.mockNext, this.el.mockSkip, this.el.mockEnd]) button.disabled = true;
    this.post({ type: 'mockStep', sessionId: this.sessionId, action });
  }

  private rendered(mode: 'question' | 'summary', text: string): void {
    if (this.sessionId) this.post({ type: 'mockRendered', sessionId: this.sessionId, mode, text: text.replace(/\s+/g, ' ').trim().slice(0, MAX_RENDERED_TEXT) });
  }

  private stopClock(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
