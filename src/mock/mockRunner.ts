// Runs a mock interview: keeps the session (src/core/mock), shows its questions one at a time in the practice panel,
// ticks the countdown once a second, stores the session after every step, and at the end files what was typed
// (the drafts, autosaved as in any practice) with its self-check, then shows the summary, where each grade feeds the
// review schedule. One session at a time.
import * as vscode from 'vscode';
import type { DojoContext, MockInterviews, MockProgress } from '../context';
import { checkAttempt } from '../core/check/checkAttempt';
import {
  checkTime, currentQuestion, endMock, isRunning, moveOn, reachedItems, startMock, timeLeft, weakOnes, withAttempts, withGrade, type MockConfig, type MockEnd,
  type MockSession,
} from '../core/mock/mockSession';
import type { Grade } from '../core/review/grades';
import type { MockStore } from '../state/mockStore';

export interface MockPanel {
  /** Shows the question (mock mode: answers hidden) in the practice panel. */
  show(id: string): Promise<void>;
  /** Shows the session's summary in the practice panel. */
  showMockSummary(session: MockSession): Promise<void>;
  /** Stores what was typed and not yet stored. */
  flush(): Promise<void>;
}

export interface MockRunnerDeps {
  ctx: Pick<DojoContext, 'library' | 'review' | 'log'>;
  store: MockStore;
  now: () => number;
  /** Asks where to save the summary as Markdown and writes it; resolves to the file, or undefined when cancelled. */
  exportSummary(session: MockSession): Promise<vscode.Uri | undefined>;
}

const TICK_MS = 1000;
/** Set while a session runs: "Dojo: End Mock Interview" is offered then. */
const RUNNING_CONTEXT_KEY = 'dojo.mockRunning';

export class MockRunner implements MockInterviews, vscode.Disposable {
  private session: MockSession | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private panel: MockPanel | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires on every step and tick of the running session, and when it ends. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly deps: MockRunnerDeps) {}

  /** The practice view, composed after this runner. */
  usePanel(panel: MockPanel): void {
    this.panel = panel;
  }

  get running(): MockSession | undefined {
    return this.session && isRunning(this.session) ? this.session : undefined;
  }

  /** The running session's place on its current question `id`, if that is what `id` is. */
  progressOf(id: string): MockProgress | undefined {
    const session = this.running;
    if (!session || currentQuestion(session) !== id) return undefined;
    const now = this.deps.now();
    const remainingMs = timeLeft(session, now);
    return {
      sessionId: session.id,
      index: session.current + 1,
      total: session.items.length,
      ...(remainingMs === undefined ? {} : { remainingMs }),
      elapsedMs: Math.max(0, now - session.startedAt),
    };
  }

  /** Starts a session on `questions` (ending a running one first) and shows the first. */
  async start(config: MockConfig, questions: readonly string[]): Promise<MockSession> {
    if (this.running) await this.end('early');
    const now = this.deps.now();
    const session = startMock(`${new Date(now).toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(36).slice(2, 6)}`, config, questions, now);
    await this.replace(session);
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    await this.showCurrent();
    return session;
  }

  /**
   * Moves on from the current question, `skip`ped or answered (`next`), or ends the session (`end`). Past the last
   * question the session ends. A step of another session than the running one (a stale page) does nothing.
   */
  async step(sessionId: string, action: 'skip' | 'next' | 'end'): Promise<void> {
    const session = this.running;
    if (!session || session.id !== sessionId) return;
    if (action === 'end') return this.end('early');
    await this.replace(moveOn(session, this.deps.now(), action === 'skip'));
    if (this.running) await this.showCurrent();
    else await this.finish();
  }

  /** A new session of the questions graded Again or Hard in the session's summary. */
  async retryWeak(sessionId: string): Promise<MockSession | undefined> {
    const session = await this.find(sessionId);
    const ids = session ? weakOnes(session).filter((id) => this.deps.ctx.library.get(id)) : [];
    if (!session || ids.length === 0) return undefined;
    return this.start({ ...session.config, length: { kind: 'questions', count: ids.length }, source: 'any' }, ids);
  }

  /** Saves the session's summary as a Markdown file the user chooses. */
  async export(sessionId: string): Promise<vscode.Uri | undefined> {
    const session = await this.find(sessionId);
    return session && this.deps.exportSummary(session);
  }

  /** Ends the running session (the learner's End, or the countdown), keeping every draft, and shows the summary. */
  async end(reason: MockEnd): Promise<void> {
    const session = this.running;
    if (!session) return;
    await this.replace(endMock(session, this.deps.now(), reason));
    await this.finish();
  }

  /** The learner's grade of a question in a summary: graded once, into the review schedule. */
  async grade(sessionId: string, id: string, grade: Grade): Promise<MockSession | undefined> {
    const session = await this.find(sessionId);
    const item = session?.items.find((candidate) => candidate.id === id);
    if (!session || !item || item.grade !== undefined || !this.deps.ctx.library.get(id)) return undefined;
    await this.deps.ctx.review.grade(id, grade);
    const graded = withGrade(session, id, grade);
    await this.replace(graded);
    await this.panel?.showMockSummary(graded);
    return graded;
  }

  /** Shows a stored session's summary (from the history). */
  async showSummary(sessionId: string): Promise<MockSession | undefined> {
    const session = await this.find(sessionId);
    if (session) await this.panel?.showMockSummary(session);
    return session;
  }

  /** Every stored session, newest first. */
  history(): Promise<MockSession[]> {
    return this.deps.store.all();
  }

  /** Shows the running session's current question again (the status bar item's click). */
  async resume(): Promise<void> {
    if (this.running) await this.showCurrent();
  }

  dispose(): void {
    this.stopTimer();
    // A window closing mid-session: it ends there, stored with what it had (the drafts are the panel's to store).
    const session = this.running;
    if (session) void this.deps.store.save(endMock(session, this.deps.now(), 'early'));
    this.changed.dispose();
  }

  private async find(sessionId: string): Promise<MockSession | undefined> {
    return this.session?.id === sessionId ? this.session : this.deps.store.get(sessionId);
  }

  private async tick(): Promise<void> {
    const session = this.running;
    if (!session) return this.stopTimer();
    const checked = checkTime(session, this.deps.now());
    if (checked === session) {
      this.changed.fire();
      return;
    }
    await this.replace(checked);
    await this.finish();
  }

  private async showCurrent(): Promise<void> {
    const id = this.running && currentQuestion(this.running);
    if (id) await this.panel?.show(id);
  }

  /** The session ended: the drafts are stored, then read with their self-check into it, and the summary shown. */
  private async finish(): Promise<void> {
    this.stopTimer();
    await this.panel?.flush();
    const session = this.session;
    if (!session) return;
    const { library, review } = this.deps.ctx;
    const context = await library.checkContext();
    const drafts = new Map<string, string>();
    for (const item of reachedItems(session)) drafts.set(item.id, (await review.record(item.id)).draft?.text ?? '');
    const filed = withAttempts(session, (id) => {
      const text = drafts.get(id) ?? '';
      const question = library.get(id);
      const result = question && text.trim() !== '' ? checkAttempt(question.hasReference ? question.answer : '', text, context) : undefined;
      return result?.hasReference ? { text, coverage: Math.round(result.coverage * 1000) / 1000 } : { text };
    });
    await this.replace(filed);
    this.deps.ctx.log.info(`Mock interview ${filed.id} ended (${filed.endReason}).`);
    await this.panel?.showMockSummary(filed);
  }

  private async replace(session: MockSession): Promise<void> {
    const wasRunning = this.running !== undefined;
    this.session = session;
    if (wasRunning !== isRunning(session)) void vscode.commands.executeCommand('setContext', RUNNING_CONTEXT_KEY, isRunning(session));
    this.changed.fire();
    await this.deps.store.save(session);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
