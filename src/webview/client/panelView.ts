// The practice page's DOM: fills in what the controller decides to show. Text from the extension and the user goes
// in as text; HTML only from ContentHtml (the core renderer: bank HTML through an allow-list).
import type { ScriptStrings } from '../html';
import type { Grade } from '../../core/review/grades';
import type { AiReviewStatus, LoopView, QuestionView, SummaryView } from '../protocol';
import type { PanelElements } from './elements';
import { format } from './format';

export class PanelView {
  /** Whether the extension offers the AI review (a model is available and `dojo.ai.enabled` is on). */
  private aiOffered = false;

  constructor(
    private readonly el: PanelElements,
    private readonly strings: ScriptStrings,
  ) {}

  /** A question, its answer hidden; `promptHtml` is rendered, `attempt` the text to put in the attempt box. */
  showQuestion(question: QuestionView, promptHtml: string, attempt: string, nav: { canGoBack: boolean; canGoForward: boolean }): void {
    const el = this.el;
    el.domain.textContent = question.domain;
    el.bank.textContent = question.bank;
    el.title.textContent = question.title;
    insertHtml(el.prompt, promptHtml);
    el.prompt.hidden = promptHtml === '';
    if (el.attempt.value !== attempt) el.attempt.value = attempt;
    el.attempt.disabled = false;
    el.saveStatus.textContent = '';
    el.openCode.hidden = !question.hasCode;
    el.blank.hidden = question.hasCode;
    el.reveal.disabled = !question.hasReference;
    el.noReference.hidden = question.hasReference;
    el.back.disabled = !nav.canGoBack;
    el.forward.disabled = !nav.canGoForward;
    el.reference.replaceChildren();
    this.setRevealed(false);
    this.closeNoteEditor();
    el.main.classList.remove('dojo-summary-mode');
    el.summary.hidden = true;
  }

  /** The page has what it waited for: the loading line goes. */
  loaded(): void {
    this.el.status.hidden = true;
    this.el.main.setAttribute('aria-busy', 'false');
  }

  showMissing(): void {
    this.el.status.textContent = this.strings.missing;
    this.el.status.hidden = false;
    this.el.attempt.disabled = true;
    this.el.main.setAttribute('aria-busy', 'false');
  }

  /** Restored from the webview state before the extension answers: the user's text is there at once. */
  restoreAttempt(text: string): void {
    this.el.attempt.value = text;
    this.el.attempt.disabled = false;
  }

  get attemptText(): string {
    return this.el.attempt.value;
  }

  get revealed(): boolean {
    return this.el.reveal.getAttribute('aria-expanded') === 'true';
  }

  get starred(): boolean {
    return this.el.star.getAttribute('aria-pressed') === 'true';
  }

  get gradesShown(): boolean {
    return !this.el.grades.hidden;
  }

  showReference(html: string): void {
    insertHtml(this.el.reference, html);
    this.setRevealed(true);
  }

  setRevealed(revealed: boolean): void {
    const el = this.el;
    el.reveal.setAttribute('aria-expanded', String(revealed));
    const text = revealed ? this.strings.hide : this.strings.reveal;
    const label = el.reveal.querySelector('.label');
    if (label) label.textContent = text;
    this.setTooltip(el.reveal, text);
    el.reference.hidden = !revealed;
    el.note.hidden = !revealed;
    el.grades.hidden = !revealed || el.gradeButtons.childElementCount === 0;
    el.layout.hidden = !revealed;
    el.askAi.hidden = !revealed || !this.aiOffered;
    el.main.classList.toggle('dojo-revealed', revealed);
  }

  /** Shows or hides "Ask AI for Feedback" (shown only after Reveal). */
  offerAi(offered: boolean): void {
    this.aiOffered = offered;
    this.el.askAi.hidden = !this.revealed || !offered;
  }

  get aiButtonShown(): boolean {
    return !this.el.askAi.hidden;
  }

  /**
   * The AI review: `html` is the reply so far, rendered by ContentHtml (the model's markdown is untrusted, like bank
   * content); `message` says why it failed. Cancel is offered while it runs.
   */
  showAiReview(status: AiReviewStatus, html: string, message?: string): void {
    const el = this.el;
    const running = status === 'waiting' || status === 'streaming';
    el.aiReview.hidden = false;
    el.aiReview.setAttribute('aria-busy', String(running));
    el.aiStatus.textContent =
      status === 'waiting' ? this.strings.aiWaiting
      : status === 'streaming' ? this.strings.aiStreaming
      : status === 'cancelled' ? this.strings.aiCancelled
      : status === 'failed' ? (message ?? '')
      : '';
    el.aiStatus.hidden = el.aiStatus.textContent === '';
    el.aiStatus.classList.toggle('dojo-ai-error', status === 'failed');
    insertHtml(el.aiText, html);
    el.aiCancel.hidden = !running;
    el.askAi.disabled = running;
  }

  clearAiReview(): void {
    const el = this.el;
    el.aiReview.hidden = true;
    el.aiText.replaceChildren();
    el.aiStatus.textContent = '';
    el.aiCancel.hidden = true;
    el.askAi.disabled = false;
  }

  /** What the user sees of the AI review, as text: its status line and the reply. */
  get aiReviewShown(): { note: string; text: string } {
    const el = this.el;
    if (el.aiReview.hidden) return { note: '', text: '' };
    return { note: el.aiStatus.hidden ? '' : (el.aiStatus.textContent ?? ''), text: el.aiText.textContent ?? '' };
  }

  /** Grades, undo, earlier attempts, the note (unless it is being edited) and the review position. */
  showLoop(view: LoopView, noteHtml: () => string, onGrade: (grade: Grade) => void): void {
    const el = this.el;
    const position = view.position;
    el.reviewPosition.hidden = position === undefined;
    el.reviewPosition.textContent = position ? format(this.strings.reviewPosition, String(position.index), String(position.total)) : '';
    el.gradeButtons.replaceChildren(...view.grades.map((grade, index) => gradeButton(grade, index, () => onGrade(grade.grade))));
    el.gradeHint.textContent = view.grades.length === 2 ? this.strings.gradeHintTwo : this.strings.gradeHintFour;
    el.grades.hidden = !this.revealed || view.grades.length === 0;
    el.undoGrade.hidden = !view.canUndo;
    el.practiseAgain.hidden = view.attempts.length === 0;
    if (el.noteEditor.hidden) this.showNote(noteHtml());
    this.showHistory(view);
  }

  editNote(note: string): void {
    const el = this.el;
    el.noteEditor.value = note;
    el.noteEditor.hidden = false;
    el.noteView.hidden = true;
    el.noteEdit.hidden = true;
    el.noteSave.hidden = false;
    el.noteCancel.hidden = false;
    el.noteEditor.focus();
  }

  get noteEditorText(): string {
    return this.el.noteEditor.value;
  }

  closeNoteEditor(): void {
    const el = this.el;
    el.noteEditor.hidden = true;
    el.noteView.hidden = false;
    el.noteEdit.hidden = false;
    el.noteSave.hidden = true;
    el.noteCancel.hidden = true;
  }

  showSummary(summary: SummaryView): void {
    const el = this.el;
    el.summaryTitle.textContent = summary.title;
    el.summaryLines.replaceChildren(
      ...summary.lines.map((line) => {
        const item = document.createElement('li');
        item.textContent = line;
        return item;
      }),
    );
    el.summary.hidden = false;
    el.main.classList.add('dojo-summary-mode');
    el.main.setAttribute('aria-busy', 'false');
  }

  /** Side by side (when the panel is wide enough) or stacked. */
  showLayout(stacked: boolean): void {
    this.el.main.classList.toggle('dojo-stacked', stacked);
    const label = this.el.layout.querySelector('.label');
    if (label) label.textContent = stacked ? this.strings.sideBySide : this.strings.stacked;
  }

  showStarred(starred: boolean): void {
    const el = this.el;
    el.star.setAttribute('aria-pressed', String(starred));
    const label = el.star.querySelector('.label');
    if (label) label.textContent = starred ? this.strings.starred : this.strings.star;
    this.setTooltip(el.star, starred ? this.strings.unstar : this.strings.star);
  }

  showSaveStatus(status: 'saving' | 'saved'): void {
    this.el.saveStatus.textContent = this.strings[status];
  }

  /** The tooltip names the button's shortcut, from its `kbd`. */
  readonly setTooltip = (button: HTMLButtonElement, text: string): void => {
    const kbd = button.querySelector('kbd')?.textContent;
    button.title = kbd ? `${text} (${kbd})` : text;
  };

  /**
   * Shows the start of the answer without taking the attempt off screen: scrolls only when the answer starts below
   * the fold, and then no further than puts the attempt at the top. Focus moves to the answer (for screen readers)
   * unless the user is writing in the attempt.
   */
  bringReferenceIntoView(): void {
    const el = this.el;
    if (document.activeElement !== el.attempt) el.reference.focus({ preventScroll: true });
    const lineHeight = parseFloat(getComputedStyle(el.reference).lineHeight) || 20;
    const referenceTop = el.reference.getBoundingClientRect().top;
    if (referenceTop <= window.innerHeight - 3 * lineHeight) return;
    const attemptTop = el.attemptLabel.getBoundingClientRect().top - lineHeight;
    const by = Math.min(attemptTop, referenceTop - lineHeight);
    if (by > 0) window.scrollBy({ top: by });
  }

  /** Puts the cursor in the attempt when the page has focus but nothing in it is focused. */
  focusAttemptIfIdle(): void {
    const idle = !document.activeElement || document.activeElement === document.body;
    if (idle && document.hasFocus() && !this.el.attempt.disabled) this.el.attempt.focus();
  }

  private showNote(html: string): void {
    const el = this.el;
    if (html === '') {
      el.noteView.textContent = this.strings.noNote;
      el.noteView.classList.add('dojo-empty');
    } else {
      insertHtml(el.noteView, html);
      el.noteView.classList.remove('dojo-empty');
    }
  }

  /** "Earlier attempts (n)", newest first; the texts are the user's own and are shown as text, never as HTML. */
  private showHistory(view: LoopView): void {
    const el = this.el;
    el.history.hidden = view.attempts.length === 0;
    el.historySummary.textContent = format(this.strings.earlierAttempts, String(view.attempts.length));
    el.historyList.replaceChildren(
      ...view.attempts.map((attempt) => {
        const item = document.createElement('li');
        const meta = document.createElement('p');
        meta.className = 'dojo-attempt-meta';
        meta.textContent = [attempt.when, attempt.spent, attempt.grade].join(' · ');
        const text = document.createElement('pre');
        text.className = 'dojo-attempt-text';
        text.textContent = attempt.text;
        item.append(meta, text);
        return item;
      }),
    );
  }
}

/** The `markdown.preview` font settings, as CSSOM custom properties (the CSP allows no style attributes). */
export function applyTypography(fontSize: number, lineHeight: number): void {
  const root = document.documentElement.style;
  if (Number.isFinite(fontSize) && fontSize > 0) root.setProperty('--dojo-font-size', `${fontSize}px`);
  if (Number.isFinite(lineHeight) && lineHeight > 0) root.setProperty('--dojo-line-height', String(lineHeight));
}

/** "Good · 3d" with its key, 1–4 by position. */
function gradeButton(grade: LoopView['grades'][number], index: number, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset['grade'] = String(grade.grade);
  button.dataset['label'] = grade.label;
  button.className = `dojo-grade dojo-grade-${grade.grade}`;
  const label = document.createElement('span');
  label.className = 'label';
  label.textContent = `${grade.label} · ${grade.interval}`;
  const kbd = document.createElement('kbd');
  kbd.textContent = String(index + 1);
  button.append(label, ' ', kbd);
  button.setAttribute('aria-keyshortcuts', String(index + 1));
  button.title = `${grade.label} · ${grade.interval} (${index + 1})`;
  button.addEventListener('click', onClick);
  return button;
}

/**
 * Inserts HTML from ContentHtml. KaTeX sizes formulas with style attributes, which the CSP forbids; ContentHtml moved
 * them to `data-dojo-style`, applied here through the CSSOM, which the CSP allows.
 */
export function insertHtml(container: HTMLElement, html: string): void {
  container.innerHTML = html;
  for (const node of container.querySelectorAll<HTMLElement>('[data-dojo-style]')) {
    node.style.cssText = node.dataset['dojoStyle'] ?? '';
  }
}
