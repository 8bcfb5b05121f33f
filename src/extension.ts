// Composition root: builds the DojoContext once, registers the views and commands, and owns every disposable
// (all of them go into context.subscriptions). Returns a small API that the integration tests use. It returns before
// the banks have loaded: the view shows that they are loading, and `library.loaded` settles when they have.
import * as vscode from 'vscode';
import { AiFeedback } from './ai/aiFeedback';
import { lmChatBackend } from './ai/lmChatBackend';
import { BankExplanations } from './banks/bankExplanations';
import { createBankIndexer } from './banks/createIndexer';
import { BankLibrary } from './banks/questionLibrary';
import { showUnreadableBanks } from './banks/unreadableNotice';
import type { CommandDeps } from './commands/commandDeps';
import { navigationHandlers, registerAllCommands } from './commands/registerCommands';
import { DueStatusBar } from './review/dueStatusBar';
import { DueTracker } from './review/dueTracker';
import { ReviewSessionController } from './review/reviewSession';
import type { DojoContext } from './context';
import { keyPoints } from './core/check/keyPoints';
import { exportMockSummary } from './mock/mockExport';
import { MockRunner } from './mock/mockRunner';
import { MockStatusBar } from './mock/mockStatusBar';
import { CorruptFileNotice } from './state/corruptNotice';
import { MockStore } from './state/mockStore';
import { Clock } from './state/clock';
import { MementoProgressStore } from './state/progressStore';
import { FileReviewStore } from './state/reviewStore';
import { ViewState } from './state/viewState';
import { createScratchFiles, type ScratchFileManager } from './scratch/scratchFiles';
import { QuestionTree, QUESTIONS_VIEW_ID } from './tree/questionTree';
import { DashboardController } from './webview/dashboardView';
import { FirstRun } from './walkthrough/firstRun';
import { createPracticeView, type Navigate, type PracticeViewController } from './webview/practiceView';

/** What `activate` returns: the live parts, for integration tests (`extension.exports`). */
export interface DojoApi {
  readonly ctx: DojoContext;
  readonly library: BankLibrary;
  readonly tree: QuestionTree;
  readonly viewState: ViewState;
  readonly practice: PracticeViewController;
  readonly scratch: ScratchFileManager;
  readonly review: FileReviewStore;
  /** The clock of the practice loop: tests advance it. */
  readonly clock: Clock;
  readonly due: DueTracker;
  /** The progress dashboard (tests read what its webview drew and answer its quick picks). */
  readonly dashboard: DashboardController;
  readonly dueStatus: DueStatusBar;
  readonly session: ReviewSessionController;
  readonly mock: MockRunner;
  readonly mockStatus: MockStatusBar;
  /** The optional AI review (tests inject a stub chat backend with `ai.useBackend`). */
  readonly ai: AiFeedback;
  /** The first-run context keys and the Get Started view. */
  readonly firstRun: FirstRun;
  /** What the commands receive (tests call command factories with it, injecting answers). */
  readonly deps: CommandDeps;
  /** When `activate` returned (Date.now()): before the banks had loaded (`library.firstLoad`). */
  readonly activatedAt: number;
}

export function activate(context: vscode.ExtensionContext): DojoApi {
  const own = <T extends vscode.Disposable>(disposable: T): T => {
    context.subscriptions.push(disposable);
    return disposable;
  };
  const log = own(vscode.window.createOutputChannel('Interview Dojo', { log: true }));
  const clock = new Clock();
  const progress = own(new MementoProgressStore(context.globalState, { log, now: clock.now }));
  const review = new FileReviewStore({ memento: context.globalState, storage: context.globalStorageUri, marks: progress, log, now: clock.now });
  const reviewSession = own(new ReviewSessionController(review));
  const viewState = own(new ViewState(context.workspaceState));
  const library = own(
    new BankLibrary({
      extensionUri: context.extensionUri,
      log,
      reportUnreadable: showUnreadableBanks,
      indexer: createBankIndexer(context.extensionUri),
      storage: context.globalStorageUri,
      showProgress: (task) => void vscode.window.withProgress({ location: { viewId: QUESTIONS_VIEW_ID } }, () => task),
    }),
  );
  // Not awaited: the banks load in the background while everything below is registered.
  void library.reload();
  // The practice view (and its serializer) first: a restored panel waits for `library.loaded`.
  const scratch = own(createScratchFiles({ extension: context, log, library }));
  // The AI review sends the self-check's key points of the reference answer.
  const ai = own(new AiFeedback({ backend: lmChatBackend(), keyPoints: (question) => keyPoints(question.answer).map((point) => point.text), log }));
  // The panel's navigation buttons run the commands' handlers, which need the deps built below.
  let deps: CommandDeps | undefined;
  const navigate: Navigate = async (direction) => deps && navigationHandlers(deps)[direction]();
  const practice = own(
    createPracticeView({ extension: context, log, library, progress, review, scratch, ai }, library.loaded, navigate),
  );
  // Disposed after the practice view, whose dispose hands the store the drafts typed last.
  own(review);
  unfinished = { flush: () => practice.flush().then(() => review.flush()) };
  const ctx: DojoContext = { extension: context, log, library, progress, review, reviewSession, scratch, practice, ai };
  own(practice.useReviewSession(reviewSession));
  const due = own(new DueTracker({ review, library, now: clock.now }));
  const tree = own(new QuestionTree(ctx, viewState, due));
  const dueStatus = own(new DueStatusBar(due));
  const mock = own(
    new MockRunner({
      ctx,
      store: new MockStore(context.globalStorageUri, new CorruptFileNotice(log), clock.now),
      now: clock.now,
      exportSummary: (session) => exportMockSummary(session, library),
    }),
  );
  mock.usePanel(practice);
  own(practice.useMock(mock));
  const mockStatus = own(new MockStatusBar(mock));
  const dashboard = own(new DashboardController({ ctx, dueChanges: due.onDidChange, now: clock.now }));
  const firstRun = own(new FirstRun({ progress, review }));
  const explanations = own(new BankExplanations(library));
  deps = { ctx, tree, viewState, random: Math.random, due, session: reviewSession, mock, dashboard, explanations };
  registerAllCommands(deps).forEach(own);
  return {
    ctx, library, tree, viewState, practice, scratch, review, clock, due, dueStatus, dashboard, session: reviewSession, mock, mockStatus, ai,
    firstRun, deps, activatedAt: Date.now(),
  };
}

/**
 * What `deactivate` must finish, kept by the composition root (VS Code calls `deactivate` without arguments, then
 * disposes the subscriptions without waiting).
 */
let unfinished: { flush(): Promise<void> } | undefined;

/** Waits until the attempts typed last are written (the practice view and the review store flush again on dispose). */
export async function deactivate(): Promise<void> {
  await unfinished?.flush();
  unfinished = undefined;
}
