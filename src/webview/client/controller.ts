// The panel's behaviour: what each message from the extension shows, and what each user action sends. Keeps the
// attempt in the webview state and a local copy (unsavedCopy.ts) until the extension confirms storing it, and
// delivers every change of it to the extension at once (which stores it after a pause).
import type { Grade } from '../../core/review/grades';
import { MAX_REVIEW_LENGTH } from '../../core/ai/reviewRequest';
import type { AiReviewStatus, HostMessage, LoopView, NavigationDirection, WebviewMessage } from '../protocol';
import type { CheckView } from './checkView';
import type { ContentHtml } from './contentHtml';
import type { MockPanel } from './mockPanel';
import { stillRevealed, type PanelState } from './panelState';
import type { PanelView } from './panelView';
import { attemptToShow, sentAfterStored, withSent, type LocalCopies } from './unsavedCopy';

/** How long after the extension confirms storing a text its local copy is kept (its own write reaches disk later). */
const KEEP_CONFIRMED_MS = 2000;

export class PracticeController {
  /** The loop view of the question shown (its note, for editing). */
  private loop: LoopView | undefined;
  /** The note's source and HTML as last rendered: a loop update re-renders the note only when it changed. */
  private renderedNote = { source: '', html: '' };
  /** Where the shown question's relative images load from (its bank's folder), for its prompt and its reference. */
  private imageBase: string | undefined;
  /** The AI review shown, for `aiRendered`; 'none' when there is none. */
  private aiStatus: AiReviewStatus | 'none' = 'none';

  constructor(
    private readonly post: (message: WebviewMessage) => void,
    private readonly state: PanelState,
    private readonly view: PanelView,
    private readonly content: ContentHtml,
    private readonly copies: LocalCopies,
    private readonly panelKey: string | undefined,
    private readonly check: CheckView,
    private readonly mock: MockPanel,
  ) {}

  /** Before the extension answers: what the state kept is shown at once. */
  start(): void {
    const state = this.state.current;
    if (state) this.view.restoreAttempt(state.attempt);
    this.view.showLayout(state?.layout === 'stacked');
    this.post({ type: 'ready' });
  }

  receive(message: HostMessage): void {
    const shown = this.state.current?.questionId;
    switch (message.type) {
      case 'show':
        return this.show(message);
      case 'missing':
        return this.view.showMissing();
      case 'loop':
        if (shown === message.questionId) this.showLoop(message.loop);
        return;
      case 'summary':
        this.mock.hideSummaryParts();
        return this.view.showSummary(message.summary);
      case 'mockSummary':
        this.view.showSummary({ title: message.summary.title, lines: message.summary.lines });
        return this.mock.showSummary(message.summary);
      case 'reference':
        if (shown !== message.questionId) return;
        this.showReference(this.content.reference(message.reference, this.imageBase));
        this.check.waiting();
        // Only when asked here: a reveal from the command palette leaves focus and scrolling alone.
        if (document.hasFocus()) this.view.bringReferenceIntoView();
        return this.rendered();
      case 'starred':
        if (shown === message.questionId) this.view.showStarred(message.starred);
        return;
      case 'saved':
        return this.saved(message.questionId, message.text);
      case 'check':
        if (shown === message.questionId && this.view.revealed) this.check.setPlans(message.plans);
        return;
      case 'aiAvailable':
        this.view.offerAi(message.available);
        return this.aiRendered();
      case 'aiReview':
        if (shown !== message.questionId) return;
        this.aiStatus = message.status;
        this.view.showAiReview(message.status, this.content.markdown(message.text), message.message);
        return this.aiRendered();
      default: {
        // A new message type fails to compile here until it is handled.
        const never: never = message;
        return never;
      }
    }
  }

  // User actions.

  /** Every change goes to the extension at once, and into the state and the local copy until it is stored. */
  attemptTyped(): void {
    const text = this.view.attemptText;
    this.state.update((state) => {
      state.attempt = text;
      state.unsaved = true;
      state.sent = withSent(state.sent ?? [], text);
      this.check.attemptChanged();
      this.copies.remember(state.questionId, { text, base: state.base, sent: state.sent, filed: state.filed });
      this.view.showSaveStatus('saving');
      this.post({ type: 'attempt', questionId: state.questionId, text });
    });
  }

  /** The Reveal button is a toggle: hiding puts the answer (with the note and the grades) away again. */
  toggleAnswer(): void {
    this.withQuestion((questionId) => {
      if (!this.view.revealed) {
        this.post({ type: 'reveal', questionId });
        return;
      }
      this.view.setRevealed(false);
      this.check.clear();
      this.state.update((state) => (state.revealed = false));
      this.post({ type: 'hide', questionId });
      this.rendered();
    });
  }

  toggleStar(): void {
    this.withQuestion((questionId) => {
      const starred = !this.view.starred;
      this.view.showStarred(starred);
      this.post({ type: 'star', questionId, starred });
    });
  }

  /** Side by side or stacked, remembered in the state. */
  toggleLayout(): void {
    this.state.update((state) => (state.layout = state.layout === 'stacked' ? 'side' : 'stacked'));
    this.view.showLayout(this.state.current?.layout === 'stacked');
  }

  editNote(): void {
    this.view.editNote(this.loop?.note ?? '');
  }

  saveNote(): void {
    this.withQuestion((questionId) => {
      const text = this.view.noteEditorText;
      this.post({ type: 'note', questionId, text });
      // The extension answers with the loop view (a `loop` message), which shows the note rendered.
      if (this.loop) this.loop.note = text;
      this.view.closeNoteEditor();
    });
  }

  /** "Ask AI for Feedback": the only way a review is requested from the panel. */
  askAi(): void {
    this.about((questionId) => ({ type: 'askAi', questionId }));
  }

  cancelAi(): void {
    this.about((questionId) => ({ type: 'cancelAi', questionId }));
  }

  navigate(direction: NavigationDirection): void {
    this.post({ type: 'navigate', direction });
  }

  /** Sends a message about the question shown, if any. */
  about(message: (questionId: string) => WebviewMessage): void {
    this.withQuestion((questionId) => this.post(message(questionId)));
  }

  // Internals.

  private show(message: Extract<HostMessage, { type: 'show' }>): void {
    const question = message.question;
    const previous = this.state.current;
    const same = previous?.questionId === question.id;
    const fresh = message.fresh === true;
    // The attempt was just filed (graded, or set aside by "Practise again"): what is typed locally belongs to it.
    if (fresh) this.copies.forget(question.id);
    // Never replace what the user typed with an older stored copy: unsaved local text wins and is sent again.
    const stateCopy =
      same && previous.unsaved ? { text: previous.attempt, base: previous.base, sent: previous.sent ?? [], filed: previous.filed } : undefined;
    const filed = message.loop.attempts.length;
    const shown = attemptToShow({ text: message.attempt, filed }, fresh, fresh ? [] : [stateCopy, this.copies.get(question.id)]);
    if (!shown.local) this.copies.forget(question.id);
    const wasRevealed = stillRevealed(previous, question.id, filed, fresh);
    // The AI review belongs to the attempt it reviewed: it stays while that attempt is shown (a reload of the banks).
    const keepAi = same && !fresh;
    // Recorded before anything is drawn: this state is what a reload restores, so it must name this question.
    this.state.replace({
      panelKey: this.panelKey,
      questionId: question.id,
      attempt: shown.text,
      unsaved: shown.local,
      base: message.attempt,
      sent: shown.local ? withSent([], shown.text) : [],
      filed,
      revealed: false,
      layout: previous?.layout,
    });

    this.imageBase = question.imageBase;
    this.view.showQuestion(question, this.content.markdown(question.prompt, question.imageBase), shown.text, message);
    this.check.clear();
    this.mock.showQuestion(message.mock);
    if (!keepAi) {
      this.aiStatus = 'none';
      this.view.clearAiReview();
    }
    this.view.showStarred(message.starred);
    this.showLoop(message.loop);
    if (message.reference !== undefined) {
      this.showReference(this.content.reference(message.reference, question.imageBase));
      this.check.waiting();
    } else if (wasRevealed && question.hasReference) this.post({ type: 'reveal', questionId: question.id });
    this.view.loaded();
    if (shown.local) this.post({ type: 'attempt', questionId: question.id, text: shown.text });
    this.view.focusAttemptIfIdle();
    this.rendered();
  }

  private showReference(html: string): void {
    this.view.showReference(html);
    this.state.update((state) => (state.revealed = true));
  }

  private showLoop(loop: LoopView): void {
    this.loop = loop;
    this.view.showLoop(loop, () => this.noteHtml(loop.note), (grade: Grade) => this.about((questionId) => ({ type: 'grade', questionId, grade })));
    this.check.gradesChanged();
  }

  private noteHtml(note: string): string {
    if (this.renderedNote.source !== note) this.renderedNote = { source: note, html: this.content.markdown(note) };
    return this.renderedNote.html;
  }

  /** The extension stored `text`: its local copy goes a little later, and the unsaved mark if that is still the text. */
  private saved(questionId: string, text: string): void {
    setTimeout(() => this.copies.forget(questionId, text), KEEP_CONFIRMED_MS);
    if (this.state.current?.questionId !== questionId) return;
    this.state.update((state) => {
      // Texts delivered after this one may still be on their way: they stay recognisable.
      state.sent = sentAfterStored(state.sent ?? [], text);
      state.base = text;
      if (state.attempt === text) {
        state.unsaved = false;
        this.view.showSaveStatus('saved');
      }
    });
  }

  /** Tells the extension what the user now sees of the AI review. */
  private aiRendered(): void {
    const state = this.state.current;
    if (!state) return;
    const { note, text } = this.view.aiReviewShown;
    const offered = this.view.aiButtonShown;
    this.post({ type: 'aiRendered', questionId: state.questionId, offered, status: this.aiStatus, note, text: text.slice(0, MAX_REVIEW_LENGTH) });
  }

  /** Tells the extension what the user now sees. */
  private rendered(): void {
    const state = this.state.current;
    if (!state) return;
    const earlierAttempts = this.loop?.attempts.length ?? 0;
    this.post({ type: 'rendered', questionId: state.questionId, attempt: this.view.attemptText, revealed: state.revealed, earlierAttempts });
    // Reveal and Hide show and hide the AI button.
    this.aiRendered();
  }

  private withQuestion(action: (questionId: string) => void): void {
    const state = this.state.current;
    if (state) action(state.questionId);
  }
}
