// The practice panels: one reused panel, or one per question when `dojo.openInNewPanel` is on. Registers the
// serializer that restores panels after a reload, and acts on the (validated) messages their webviews send.
import * as vscode from 'vscode';
import { affects, openInNewPanel } from '../config';
import type { DojoContext, MockInterviews, PracticeView, ReviewSession } from '../context';
import type { MockSession } from '../core/mock/mockSession';
import type { Grade } from '../core/review/grades';
import { chooseCode } from '../scratch/codeChoice';
import { AttemptBuffer } from '../state/attemptBuffer';
import { VisitHistory } from '../core/visitHistory';
import { PanelRecords } from '../state/panelRecords';
import { checkPlans, questionView, referenceView } from './content';
import { loopView, summaryView } from './loopView';
import { mockSummaryView, mockView } from './mockView';
import { PRACTICE_VIEW_TYPE, PracticePanel, type PanelOwner } from './practicePanel';
import type { Question } from '../core/model';
import { parsePracticeState, type AiReviewStatus, type CheckShown, type HostMessage, type NavigationDirection, type WebviewMessage } from './protocol';

type PracticeDeps = Omit<DojoContext, 'practice'>;

/** What a webview reported after rendering: what the user now sees. */
export interface RenderedReport {
  questionId: string;
  attempt: string;
  revealed: boolean;
  /** How many earlier attempts the panel lists. */
  earlierAttempts: number;
}

/** What a webview reported after showing an AI review update: what the user now sees of it. */
export interface AiRenderedReport {
  questionId: string;
  /** Whether the "Ask AI for Feedback" button is shown. */
  offered: boolean;
  status: AiReviewStatus | 'none';
  /** The status line: waiting, cancelled, or why it failed. */
  note: string;
  /** The review's text as shown (rendered). */
  text: string;
}

/** What the panel's navigation buttons do: the commands' handlers (tree order, filter, history), given by the composition root. */
export type Navigate = (direction: NavigationDirection) => Promise<unknown>;

/**
 * @param libraryLoaded settles when the banks have loaded for the first time: panels VS Code restores before that
 * wait for it rather than calling their question missing.
 */
export function createPracticeView(
  ctx: PracticeDeps,
  libraryLoaded: Promise<void> = Promise.resolve(),
  navigate: Navigate = async () => undefined,
): PracticeViewController {
  return new PracticeViewController(ctx, libraryLoaded, navigate);
}

export class PracticeViewController implements PracticeView, PanelOwner, vscode.Disposable {
  /**
   * The open panels, the one focused last at the end: commands run from the palette or an editor act on it, and when
   * it closes the one focused before it takes over.
   */
  private readonly panels: PracticePanel[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedReport>();
  private readonly refusedEmitter = new vscode.EventEmitter<string>();
  private readonly aiRenderedEmitter = new vscode.EventEmitter<AiRenderedReport>();
  private readonly checkRenderedEmitter = new vscode.EventEmitter<CheckShown>();
  private readonly disposables: vscode.Disposable[] = [this.renderedEmitter, this.refusedEmitter, this.aiRenderedEmitter, this.checkRenderedEmitter];
  /** The attempts the webviews delivered, stored debounced; flushed on close, question switch and deactivate. */
  private readonly attempts: AttemptBuffer;
  /** What each panel showed last, recorded as it switches: VS Code's copy can be older after a quick reload. */
  private readonly records: PanelRecords;
  /** Set while the extension shuts down: its panels close then, but VS Code restores them. */
  private shuttingDown = false;
  /** The running review, for "Review 3 of 12" and moving on after a grade (see `useReviewSession`). */
  private reviewSession: ReviewSession | undefined;
  /** The mock interviews, whose questions this view shows with the answers hidden (see `useMock`). */
  private mock: MockInterviews | undefined;
  private readonly mockRenderedEmitter = new vscode.EventEmitter<{ sessionId: string; mode: 'question' | 'summary'; text: string }>();
  /** Fires when a webview has shown a mock interview's question or summary (integration tests wait on it). */
  readonly onDidRenderMock = this.mockRenderedEmitter.event;

  /** Fires when a webview has rendered a question or its reference (integration tests wait on it). */
  readonly onDidRender = this.renderedEmitter.event;
  /** Fires with the reason when a message from a webview was refused and logged. */
  readonly onDidRefuseMessage = this.refusedEmitter.event;
  /** Fires when a webview has shown an AI review update or whether it offers one (integration tests wait on it). */
  readonly onDidRenderAi = this.aiRenderedEmitter.event;
  /** Fires when a webview has shown or updated the self-check of an attempt (integration tests wait on it). */
  readonly onDidRenderCheck = this.checkRenderedEmitter.event;

  constructor(
    private readonly ctx: PracticeDeps,
    private readonly libraryLoaded: Promise<void>,
    private readonly navigate: Navigate,
  ) {
    this.attempts = new AttemptBuffer({
      // Both start at once: the mark (tree state) is in memory before this returns, the draft in the store's queue.
      store: async (id, text) => {
        await Promise.all([ctx.review.setDraft(id, text), ctx.progress.setAttempted(id, text.trim() !== '')]);
      },
      stored: (id, text) => this.attemptStored(id, text),
      failed: (id, error) => ctx.log.error(`Practice panel: storing the attempt for ${id} failed: ${String(error)}`),
    });
    this.records = new PanelRecords(ctx.extension.workspaceState);
    this.disposables.push(this.mockRenderedEmitter);
    this.reviewSession = ctx.reviewSession;
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PRACTICE_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => this.revive(panel, state),
      }),
      ctx.progress.onDidChange((ids) => this.progressChanged(ids)),
      ctx.review.onDidChange((ids) => this.loopChanged(ids)),
      ...(ctx.ai ? [ctx.ai.onDidChangeAvailability(() => this.postAiAvailable())] : []),
      // Reloaded banks may have changed the question's text (the webview keeps unsaved typing).
      ctx.library.onDidChange(() => {
        for (const panel of this.panels) void this.sendQuestion(panel);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // The page's CSP and its content follow dojo.allowRemoteImages; a rebuilt page asks for its question again.
        if (event.affectsConfiguration('markdown.preview') || affects(event, 'allowRemoteImages')) {
          for (const panel of this.panels) panel.render();
        }
      }),
    );
  }

  /**
   * Connects the review session, which is composed after this view (it shows its questions here): the panels then
   * show the review position and move on after each grade.
   */
  useReviewSession(session: ReviewSession): vscode.Disposable {
    this.reviewSession = session;
    const subscription = session.onDidChange(() => {
      for (const panel of this.panels) if (panel.questionId) void this.postLoop(panel, panel.questionId);
    });
    return {
      dispose: () => {
        subscription.dispose();
        if (this.reviewSession === session) this.reviewSession = undefined;
      },
    };
  }

  /** Connects the mock interviews, composed after this view. */
  useMock(mock: MockInterviews): vscode.Disposable {
    this.mock = mock;
    return { dispose: () => this.mock === mock && (this.mock = undefined) };
  }

  /** Shows a mock interview's summary in the panel focused last (or a new one). */
  async showMockSummary(session: MockSession): Promise<void> {
    const panel = this.active ?? PracticePanel.create(this, vscode.ViewColumn.Active);
    this.focused(panel);
    panel.panel.reveal(undefined, false);
    panel.panel.title = vscode.l10n.t('Mock Interview Summary');
    // The page shows the summary instead of a question; a question shown next replaces it.
    panel.cancelAi();
    panel.revealed = false;
    await panel.post({ type: 'mockSummary', summary: mockSummaryView(session, this.ctx.library) });
  }

  get extensionUri(): vscode.Uri {
    return this.ctx.extension.extensionUri;
  }

  get log(): vscode.LogOutputChannel {
    return this.ctx.log;
  }

  get currentQuestionId(): string | undefined {
    return this.active?.questionId;
  }

  /** The panels open now, the one focused last at the end. */
  get openPanels(): readonly PracticePanel[] {
    return this.panels;
  }

  /**
   * The panel that shows a question: the one already showing it, else the current one reused, or a new one per
   * question with `dojo.openInNewPanel`. Never two panels on one question: each would autosave over the other's attempt.
   */
  createOrShow(questionId: string): PracticePanel {
    const showing = this.panels.find((panel) => panel.questionId === questionId);
    const existing = showing ?? (openInNewPanel() ? undefined : this.active);
    const panel = existing ?? PracticePanel.create(this, vscode.ViewColumn.Active);
    if (existing) panel.panel.reveal(undefined, false);
    this.focused(panel);
    return panel;
  }

  async show(questionId: string): Promise<void> {
    if (!this.ctx.library.get(questionId)) {
      this.ctx.log.warn(`Practice panel: no question with id ${questionId}.`);
      return;
    }
    await this.showIn(this.createOrShow(questionId), questionId);
  }

  goBack(): Promise<string | undefined> {
    return this.travel('back');
  }

  goForward(): Promise<string | undefined> {
    return this.travel('forward');
  }

  /** The serializer's work: takes over a panel VS Code restored, showing the question its state names. */
  async revive(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const restored = parsePracticeState(state);
    if (!restored) {
      // Without its state the panel cannot know what it showed: close it rather than leave an empty page.
      webviewPanel.dispose();
      return;
    }
    const panel = PracticePanel.revive(this, webviewPanel, restored.panelKey);
    // The record is newer than VS Code's copy of the state, which a browser window saves only now and then.
    panel.questionId = (restored.panelKey && this.records.questionOf(restored.panelKey)) ?? restored.questionId;
    panel.history = new VisitHistory(restored.panelKey ? this.records.historyOf(restored.panelKey) : undefined);
    panel.history.visit(panel.questionId);
    void this.records.record(panel.key, panel.questionId, panel.history.toState());
    // Not focused in this session yet: a restored panel counts as focused last only if VS Code shows it as active.
    if (webviewPanel.active) this.panels.push(panel);
    else this.panels.unshift(panel);
    // The question is sent when the webview says it is ready (once the banks have loaded, if they are still loading).
  }

  async reveal(): Promise<void> {
    const panel = this.active;
    if (panel) await this.revealIn(panel);
  }

  async askAi(): Promise<void> {
    const panel = this.active;
    const question = panel?.questionId ? this.ctx.library.get(panel.questionId) : undefined;
    if (panel && question) await this.askAiIn(panel, question);
  }

  /** Stores every attempt not stored yet; resolves when they are written (what `deactivate` awaits). */
  flush(): Promise<void> {
    return this.attempts.flush();
  }

  dispose(): void {
    this.shuttingDown = true;
    for (const panel of this.panels.slice()) panel.dispose();
    this.attempts.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  // PanelOwner: called by the panels.

  async handle(panel: PracticePanel, message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.sendQuestion(panel);
      case 'rendered':
        this.renderedEmitter.fire({
          questionId: message.questionId,
          attempt: message.attempt,
          revealed: message.revealed,
          earlierAttempts: message.earlierAttempts,
        });
        return;
      case 'attempt':
        return this.keepAttempt(message.questionId, message.text);
      case 'navigate':
        this.focused(panel);
        await this.navigate(message.direction);
        return;
      case 'undoGrade':
        return this.undoIn(panel);
      case 'aiRendered': {
        const { questionId, offered, status, note, text } = message;
        this.aiRenderedEmitter.fire({ questionId, offered, status, note, text });
        return;
      }
      case 'mockStep':
        return this.mock?.step(message.sessionId, message.action);
      case 'mockGrade':
        await this.mock?.grade(message.sessionId, message.questionId, message.grade);
        return;
      case 'mockRetry':
        await this.mock?.retryWeak(message.sessionId);
        return;
      case 'mockExport':
        await this.mock?.export(message.sessionId);
        return;
      case 'mockRendered':
        this.mockRenderedEmitter.fire({ sessionId: message.sessionId, mode: message.mode, text: message.text });
        return;
      case 'checkRendered': {
        const { type: _type, ...shown } = message;
        this.checkRenderedEmitter.fire(shown);
        return;
      }
    }
    // The rest act on the question the panel shows; a message about another one is stale (sent before navigating).
    const question = message.questionId === panel.questionId ? this.ctx.library.get(message.questionId) : undefined;
    if (!question) {
      this.ctx.log.info(`Practice panel: ignored "${message.type}" for ${message.questionId}, which it no longer shows.`);
      return;
    }
    switch (message.type) {
      case 'reveal':
        return this.revealIn(panel);
      case 'hide':
        panel.revealed = false;
        return;
      case 'grade':
        return this.gradeIn(panel, question.id, message.grade);
      case 'practiseAgain':
        await this.attempts.flush(question.id);
        await this.ctx.review.startAttempt(question.id);
        panel.revealed = false;
        return this.sendQuestion(panel, { fresh: true });
      case 'note':
        await this.ctx.review.setNote(question.id, message.text);
        return;
      case 'star':
        return this.ctx.progress.setStarred(question.id, message.starred);
      case 'openCode': {
        const choice = await chooseCode(this.ctx.library.variants(question), question.title);
        if (choice) await this.ctx.scratch.openReference(choice.question, choice.index);
        return;
      }
      case 'openBlank':
        await this.ctx.scratch.openBlank(question);
        return;
      case 'askAi':
        return this.askAiIn(panel, question);
      case 'cancelAi':
        panel.cancelAi();
        return;
      default: {
        // A new message type fails to compile here until it is handled.
        const never: never = message;
        return never;
      }
    }
  }

  refused(_panel: PracticePanel, reason: string): void {
    this.refusedEmitter.fire(reason);
  }

  disposed(panel: PracticePanel): void {
    const index = this.panels.indexOf(panel);
    if (index >= 0) this.panels.splice(index, 1);
    // Closing must not lose what was typed just before: the write starts now (the review store takes it in memory at once).
    if (panel.questionId) void this.attempts.flush(panel.questionId);
    if (!this.shuttingDown) void this.records.forget(panel.key);
  }

  activated(panel: PracticePanel): void {
    this.focused(panel);
  }

  // Internals.

  /** The panel focused last. */
  private get active(): PracticePanel | undefined {
    return this.panels[this.panels.length - 1];
  }

  /** Moves the panel to the end of the focus order (adding it if new). */
  private focused(panel: PracticePanel): void {
    const index = this.panels.indexOf(panel);
    if (index >= 0) this.panels.splice(index, 1);
    this.panels.push(panel);
  }

  /** Shows the question in this panel, recording the visit for Back and Forward. */
  private async showIn(panel: PracticePanel, questionId: string): Promise<void> {
    if (panel.questionId !== questionId) {
      if (panel.questionId) void this.attempts.flush(panel.questionId);
      panel.cancelAi();
      panel.questionId = questionId;
      panel.revealed = false;
    }
    panel.history.visit(questionId);
    void this.records.record(panel.key, questionId, panel.history.toState());
    await this.sendQuestion(panel);
  }

  /**
   * Moves the active panel through its history, skipping questions no longer in the banks and those another panel
   * shows (one panel per question).
   */
  private async travel(direction: 'back' | 'forward'): Promise<string | undefined> {
    const panel = this.active;
    if (!panel) return undefined;
    const reachable = this.reachableFrom(panel);
    const id = direction === 'back' ? panel.history.back(reachable) : panel.history.forward(reachable);
    if (id !== undefined) await this.showIn(panel, id);
    return id;
  }

  /** Which questions Back and Forward may show in this panel. */
  private reachableFrom(panel: PracticePanel): (id: string) => boolean {
    return (id) => this.ctx.library.get(id) !== undefined && !this.panels.some((other) => other !== panel && other.questionId === id);
  }

  private async sendQuestion(panel: PracticePanel, options: { fresh?: boolean } = {}): Promise<void> {
    const id = panel.questionId;
    if (!id) return;
    let question = this.ctx.library.get(id);
    if (!question) {
      // Restored before the banks have loaded: wait for them rather than call the question missing.
      await this.libraryLoaded;
      if (panel.questionId !== id) return;
      question = this.ctx.library.get(id);
    }
    if (!question) {
      await panel.post({ type: 'missing', questionId: id });
      return;
    }
    panel.panel.title = question.title;
    const progress = this.ctx.progress.get(id);
    const record = await this.ctx.review.record(id);
    if (panel.questionId !== id) return;
    const bankFile = this.ctx.library.userBankFileUri(question.document);
    const imageBase = panel.showBankFolder(bankFile && vscode.Uri.joinPath(bankFile, '..'));
    const message: HostMessage = {
      type: 'show',
      question: questionView(this.ctx.library, question, imageBase),
      attempt: this.attempts.pending(id) ?? record.draft?.text ?? '',
      starred: progress.starred,
      canGoBack: panel.history.canGoBack(this.reachableFrom(panel)),
      canGoForward: panel.history.canGoForward(this.reachableFrom(panel)),
      loop: loopView(this.loopDeps, record),
    };
    const mock = this.mock?.progressOf(id);
    if (mock) {
      // Answers stay hidden until the mock interview ends.
      panel.revealed = false;
      message.mock = mockView(mock);
    }
    if (panel.revealed) message.reference = referenceView(this.ctx.library, question);
    if (options.fresh) message.fresh = true;
    await panel.post(message);
    await panel.post({ type: 'aiAvailable', available: this.ctx.ai?.available ?? false });
    if (message.reference) void this.postCheck(panel, question);
  }

  private async revealIn(panel: PracticePanel): Promise<void> {
    const question = panel.questionId ? this.ctx.library.get(panel.questionId) : undefined;
    if (!question) return;
    if (this.mock?.progressOf(question.id)) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('The answers stay hidden until the mock interview ends.'), 5000);
      return;
    }
    await this.ctx.progress.markRevealed(question.id);
    panel.revealed = true;
    await panel.post({ type: 'reference', questionId: question.id, reference: referenceView(this.ctx.library, question) });
    // The grade buttons' intervals are those of now.
    await this.postLoop(panel, question.id);
    void this.postCheck(panel, question);
  }

  /**
   * Sends what the self-check checks the attempt against, once the term rarities are counted (in the background
   * after a load): the reference is shown without waiting for it. The webview scores the attempt as it changes.
   */
  private async postCheck(panel: PracticePanel, question: Question): Promise<void> {
    const context = await this.ctx.library.checkContext();
    if (panel.questionId !== question.id || !panel.revealed) return;
    // A reload may have replaced the question (its answer edited) while the rarities were counted.
    const current = this.ctx.library.get(question.id) ?? question;
    await panel.post({ type: 'check', questionId: question.id, plans: checkPlans(this.ctx.library, current, context) });
  }

  /**
   * Grades the attempt shown (its latest text stored first), then moves on: to the review's next question or its
   * summary when a review is running, else a fresh attempt at the same question with the answer hidden.
   */
  private async gradeIn(panel: PracticePanel, id: string, grade: Grade): Promise<void> {
    await this.attempts.flush(id);
    await this.ctx.review.grade(id, grade);
    await this.ctx.progress.setAttempted(id, true);
    panel.revealed = false;
    const after = this.reviewSession?.afterGrade(id);
    if (after && 'summary' in after) {
      await panel.post({ type: 'summary', summary: summaryView(after.summary) });
      return;
    }
    if (after && after.next !== id && this.ctx.library.get(after.next)) {
      panel.cancelAi();
      panel.questionId = after.next;
      void this.records.record(panel.key, after.next);
    }
    await this.sendQuestion(panel, { fresh: true });
  }

  /**
   * Streams the AI review of the panel's attempt (its latest text) into the panel. Only on the user's request (the
   * button or the command), only when a model is available, never for an empty attempt.
   */
  private async askAiIn(panel: PracticePanel, question: Question): Promise<void> {
    const ai = this.ctx.ai;
    if (!ai?.available) {
      this.ctx.log.info('AI review: not offered (dojo.ai.enabled is off or no language model is available).');
      return;
    }
    const id = question.id;
    // The review discusses the reference: it is shown beside it (the command may run before Reveal).
    if (!panel.revealed) await this.revealIn(panel);
    const attempt = this.attempts.pending(id) ?? (await this.ctx.review.record(id)).draft?.text ?? '';
    if (attempt.trim() === '') {
      const message = vscode.l10n.t('Write an attempt first: the AI review compares it with the reference answer.');
      await panel.post({ type: 'aiReview', questionId: id, status: 'failed', text: '', message });
      return;
    }
    const request = panel.startAi();
    await panel.post({ type: 'aiReview', questionId: id, status: 'waiting', text: '' });
    const outcome = await ai.review(question, attempt, request.token, (text) => {
      if (panel.runsAi(request)) void panel.post({ type: 'aiReview', questionId: id, status: 'streaming', text });
    });
    // Replaced by another request, or the panel moved to another question: that one is shown now.
    if (!panel.finishAi(request) || panel.questionId !== id) return;
    await panel.post({ type: 'aiReview', questionId: id, ...outcome });
  }

  /** Every panel offers the AI review or stops offering it. */
  private postAiAvailable(): void {
    const available = this.ctx.ai?.available ?? false;
    for (const panel of this.panels) void panel.post({ type: 'aiAvailable', available });
  }

  /** Undoes the session's last grade and shows that question again with its answer, ready to be graded again. */
  private async undoIn(panel: PracticePanel): Promise<void> {
    const id = await this.ctx.review.undoLastGrade();
    if (id === undefined || !this.ctx.library.get(id)) return;
    if (panel.questionId !== id) {
      panel.cancelAi();
      panel.questionId = id;
      void this.records.record(panel.key, id);
    }
    panel.revealed = true;
    await this.sendQuestion(panel, { fresh: true });
  }

  private get loopDeps() {
    return { review: this.ctx.review, reviewSession: this.reviewSession };
  }

  private async postLoop(panel: PracticePanel, id: string): Promise<void> {
    const record = await this.ctx.review.record(id);
    if (panel.questionId === id) await panel.post({ type: 'loop', questionId: id, loop: loopView(this.loopDeps, record) });
  }

  /** A grade, undo, note, import or synced change: the panels showing those questions update their loop view. */
  private loopChanged(ids: readonly string[]): void {
    for (const panel of this.panels) {
      if (panel.questionId && ids.includes(panel.questionId)) void this.postLoop(panel, panel.questionId);
    }
  }

  /** The webview sends every change at once: keep the latest text now, store it when the typing pauses. */
  private async keepAttempt(questionId: string, text: string): Promise<void> {
    // A restored panel takes typing before the banks have loaded.
    if (!this.ctx.library.get(questionId)) await this.libraryLoaded;
    if (!this.ctx.library.get(questionId)) {
      this.ctx.log.warn(`Practice panel: not saving an attempt for unknown question ${questionId}.`);
      return;
    }
    this.attempts.set(questionId, text);
  }

  /** Tells the panels showing the question that `text` is stored (each clears its unsaved mark if it still has it). */
  private attemptStored(questionId: string, text: string): void {
    for (const panel of this.panels) {
      if (panel.questionId === questionId) void panel.post({ type: 'saved', questionId, text });
    }
  }

  private progressChanged(ids: readonly string[]): void {
    for (const panel of this.panels) {
      if (panel.questionId && ids.includes(panel.questionId)) {
        void panel.post({ type: 'starred', questionId: panel.questionId, starred: this.ctx.progress.get(panel.questionId).starred });
      }
    }
  }
}
