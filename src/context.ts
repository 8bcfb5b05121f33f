// The context every command, view and panel receives (like rust-analyzer's Ctx): no module-level singletons.
// extension.ts builds it once in activate() and owns its disposables.
import type * as vscode from 'vscode';
import type { BankIndex, Domain, ListedQuestion, Question } from './core/model';
import type { CardTable, ReviewCard } from './core/review/card';
import type { ImportPreview, ProgressData } from './core/review/exchange';
import type { Grade } from './core/review/grades';
import type { ReviewQueue } from './core/review/queue';
import type { QuestionRecord } from './core/review/records';
import type { ReviewLogEntry } from './core/review/reviewLog';
import type { GradePreview } from './core/review/scheduler';
import type { CheckContext } from './core/check/checkAttempt';
import type { ExplainedBank } from './core/explainBankFile';
import type { SearchIndex } from './core/search';

/** The indexed banks (bundled + `dojo.extraBanks`), reloaded on change. Implemented in src/banks/. */
export interface QuestionLibrary {
  readonly index: BankIndex;
  readonly domains: Domain[];
  /** Questions without `duplicateOf`, in bank order: what the tree, random and search show. */
  readonly practiceItems: readonly Question[];
  /**
   * What lists show (the tree, its counts, the review queue): the practice items once loaded; on a warm start, their
   * rows from the outline a little earlier, while `practiceItems` is still empty and `loaded` still waits.
   */
  readonly listed: readonly ListedQuestion[];
  /** The search index of the practice items; built in the background after each load, so a query may wait for it. */
  searchIndex(): Promise<SearchIndex>;
  /** The term table and term rarities the self-check of an attempt needs; built in the background after each load. */
  checkContext(): Promise<CheckContext>;
  get(id: string): Question | undefined;
  /** The question and its repeats (alternative answers), first one first; never empty. */
  variants(question: Question): Question[];
  /**
   * Where a user's bank file (`dojo.extraBanks`; a document's `file`, a question's `document`) was read from; undefined
   * for a bundled bank (they hold no images, so the panel needs no access to content/) and for a file not loaded.
   */
  userBankFileUri(file: string): vscode.Uri | undefined;
  /**
   * How a bank file is read, part by part, then its diagnostics (off the host's thread where indexing runs); `text`:
   * an editor's unsaved text instead of the file's. Rejects when the file cannot be read or is over the size limit.
   */
  explain(uri: vscode.Uri, text?: string): Promise<ExplainedBank>;
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once the first load of the banks has finished (the tree and commands exist before). */
  readonly loaded: Promise<void>;
  reload(): Promise<void>;
}

/** What one load of the banks did: files read, taken from the warm-start cache, parsed; ms until the questions were shown. */
export interface LoadStats {
  files: number;
  fromCache: number;
  indexed: number;
  /** Banks indexed anew after they were shown from the cache: their bytes differed despite the same size and mtime. */
  corrected: number;
  ms: number;
  /** How long until the warm-start outline listed the questions, when it did (before `ms`). */
  listedMs?: number;
  /** When the questions were shown (Date.now()). */
  shownAt: number;
}

/** What the user did with one question (its marks). Persisted in globalState; see src/state/progressStore.ts. */
export interface QuestionProgress {
  attemptedAt?: number;
  revealedAt?: number;
  starred: boolean;
}

export interface ProgressStore {
  get(id: string): QuestionProgress;
  /** Sets (when first attempted) or clears the attempted mark: the attempt text itself is the review store's draft. */
  setAttempted(id: string, attempted: boolean): Promise<void>;
  markRevealed(id: string): Promise<void>;
  setStarred(id: string, starred: boolean): Promise<void>;
  readonly onDidChange: vscode.Event<string[]>;
}

/** Reference code as editable files. Implemented in src/scratch/. */
export interface ScratchFiles {
  /** Opens (creating on first use, never overwriting) the file for code block `codeIndex` of the question, beside the panel. */
  openReference(question: Question, codeIndex?: number): Promise<vscode.TextEditor | undefined>;
  /** Opens (creating if missing) a blank scratch file for a question without reference code. */
  openBlank(question: Question): Promise<vscode.TextEditor | undefined>;
  /** Asks, then overwrites the scratch file with the reference code. */
  resetToReference(question: Question, codeIndex?: number): Promise<boolean>;
}

/** The practice webview(s). Implemented in src/webview/. */
export interface PracticeView {
  show(questionId: string): Promise<void>;
  /** The question shown in the active practice panel, if any. */
  readonly currentQuestionId: string | undefined;
  reveal(): Promise<void>;
  /** Back/Forward through the questions the active panel showed; resolves to the id shown, undefined when none. */
  goBack(): Promise<string | undefined>;
  goForward(): Promise<string | undefined>;
  /** Asks the language model to review the attempt in the active panel (the user clicked or ran the command). */
  askAi(): Promise<void>;
}

/** How an AI review ended: its text so far, and for a failure the message to show. */
export type AiReviewOutcome =
  | { status: 'done'; text: string }
  | { status: 'cancelled'; text: string }
  | { status: 'failed'; text: string; message: string };

/** The optional AI review of an attempt, over VS Code's language-model API. Implemented in src/ai/. */
export interface AiReviewer {
  /** `dojo.ai.enabled` is on and a chat model is available (the context key `dojo.aiAvailable` follows it). */
  readonly available: boolean;
  readonly onDidChangeAvailability: vscode.Event<boolean>;
  /** Sends the question, its reference, key points and the attempt; `onText` gets the reply so far as it streams in. */
  review(question: Question, attempt: string, token: vscode.CancellationToken, onText: (text: string) => void): Promise<AiReviewOutcome>;
}

/** What the practice panel shows of a running mock interview on its current question. */
export interface MockProgress {
  sessionId: string;
  index: number;
  total: number;
  /** Left of a timed session; undefined for a number of questions. */
  remainingMs?: number;
  elapsedMs: number;
}

/** The mock interviews, as the practice panel drives them (implemented by src/mock/mockRunner.ts). */
export interface MockInterviews {
  /** The running session's place on its current question `id`, if that is what `id` is. */
  progressOf(id: string): MockProgress | undefined;
  step(sessionId: string, action: 'skip' | 'next' | 'end'): Promise<void>;
  grade(sessionId: string, questionId: string, grade: Grade): Promise<unknown>;
  retryWeak(sessionId: string): Promise<unknown>;
  export(sessionId: string): Promise<unknown>;
}

export interface DojoContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  readonly library: QuestionLibrary;
  readonly progress: ProgressStore;
  readonly scratch: ScratchFiles;
  readonly practice: PracticeView;
  readonly review: ReviewStore;
  /** The running review ("Dojo: Start Review"); undefined until the review surfaces are composed. */
  readonly reviewSession?: ReviewSession;
  /** The optional AI review; without it the panel offers none. */
  readonly ai?: AiReviewer;
}

/** One grade given in this session, as `ReviewStore.lastGrade` reports it (for Undo). */
export interface GivenGrade {
  id: string;
  grade: Grade;
  at: number;
}

/**
 * The practice loop's state: FSRS cards (compact, synced through Settings Sync), the review log, and each question's
 * record of attempts, the attempt in progress and the note (local files under globalStorageUri, written atomically).
 * Implemented in src/state/reviewStore.ts; the scheduling itself is the pure core's (src/core/review/).
 */
export interface ReviewStore {
  /** Fires with the ids whose card or record changed: a grade, an undo, an import, a reset, a synced change. */
  readonly onDidChange: vscode.Event<readonly string[]>;
  /** Resolves once stored data is loaded (and migrated from 0.1.0); the async methods wait for it themselves. */
  readonly ready: Promise<void>;
  /** The question's card; undefined until it is first graded. From memory. */
  card(id: string): ReviewCard | undefined;
  cards(): CardTable;
  /** Every review logged on this machine (and imported), oldest first. From memory once `ready`. */
  reviewLog(): readonly ReviewLogEntry[];
  /** What each grade would schedule for the question now, Again → Easy (label the buttons "Good · 3d"). */
  preview(id: string): GradePreview[];
  /** The review queue now for these practice items (in practice order), with the daily limits from the settings. */
  queue(candidates: readonly string[]): ReviewQueue;
  /** The question's record: earlier attempts, the attempt in progress (`draft`) and the note. */
  record(id: string): Promise<QuestionRecord>;
  /** Stores the text of the attempt in progress (starting one if there is none). */
  setDraft(id: string, text: string): Promise<void>;
  /** Grades the attempt in progress: schedules the card, logs the review, files the draft as a graded attempt. */
  grade(id: string, grade: Grade): Promise<GivenGrade>;
  /** The last grade of this session, while it can be undone. */
  readonly lastGrade: GivenGrade | undefined;
  /** Undoes `lastGrade` (card, log entry and record as before). Resolves to its question id, or undefined. */
  undoLastGrade(): Promise<string | undefined>;
  /** "Practise again": files the attempt in progress (if it has text) as ungraded and starts a fresh one. */
  startAttempt(id: string): Promise<void>;
  setNote(id: string, note: string): Promise<void>;
  exportData(): Promise<ProgressData>;
  previewImport(data: ProgressData): Promise<ImportPreview>;
  importData(data: ProgressData): Promise<void>;
  /** Forgets scheduling, attempts and notes of these questions (every question when undefined). */
  reset(ids?: readonly string[]): Promise<void>;
  /** Writes everything pending now (panel close, deactivate). */
  flush(): Promise<void>;
}

/** Where the running review ("Dojo: Start Review") stands, for the practice panel. Implemented in src/review/. */
export interface ReviewSession {
  /** "Review 3 of 12" for this question, when it is the current question of a running review. */
  positionOf(id: string): { index: number; total: number } | undefined;
  /**
   * Called after the question was graded in the panel: the next question of the review, or the summary when the
   * review is over; undefined when no review is running (the panel then stays on the question).
   */
  afterGrade(id: string): { next: string } | { summary: ReviewSummary } | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export interface ReviewSummary {
  gradedToday: number;
  dueTomorrow: number;
  /** Grades given in this review, by grade. */
  grades: Record<Grade, number>;
}
