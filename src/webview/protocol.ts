// The practice panel's message protocol: every message between the extension and the webview, as tagged unions,
// and the page settings the extension writes into the panel's HTML. Each side checks what it receives against these
// shapes before use: the webview's messages are untrusted input, and the webview refuses anything the extension would
// not send. No `vscode` import and no DOM: the extension and the webview client (src/webview/client/) both import it.
// The extension sends markdown; the webview renders it (the extension host loads no renderer for the panel).
import { MAX_REVIEW_LENGTH } from '../core/ai/reviewRequest';
import type { PlannedPoint, PlannedTerm, PointStatus } from '../core/check/checkAttempt';
import type { CodeBlock } from '../core/model';
import { isGrade, type Grade } from '../core/review/grades';
import { arrayOf, boolean, count, fraction, object, optional, parseTagged, string, type FieldCheck, type ParseResult, type Shape } from './messageChecks';

/** What the webview needs to show a question. */
export interface QuestionView {
  id: string;
  title: string;
  /** Domain label in the UI language. */
  domain: string;
  /** Bank title. */
  bank: string;
  /** The prompt (markdown); empty when it only repeats the title. */
  prompt: string;
  hasReference: boolean;
  hasCode: boolean;
  /**
   * The webview URL of the bank file's folder, which the panel may load from while it shows this question: relative
   * image paths in the prompt and the reference resolve against it.
   */
  imageBase?: string;
}

/** One variant's reference material as markdown, for the webview to render. */
export interface VariantView {
  /** "Variant 1/2" in the UI language, when the bank repeats the question. */
  label?: string;
  hasReference: boolean;
  answer: string;
  analysis: string;
  code: CodeBlock[];
}

/** A question's reference: each of its variants. */
export interface ReferenceView {
  variants: VariantView[];
}

/** What the webview renders bank content with, in the UI language; written into the page by the extension. */
export interface RenderSettings {
  /** `dojo.allowRemoteImages` (the page's CSP follows it). */
  allowRemoteImages: boolean;
  /** Notes the renderer adds to bank content (see ContentNotes in src/core/render.ts). */
  notes: { tooLong: string; outOfTime: string; failed: string; remoteImage: string; refusedImage: string };
  /** The reference's headings and notes (see ReferenceLabels in src/core/render.ts). */
  referenceLabels: { answer: string; code: string; analysis: string; noReference: string; truncatedCode: string };
}

/**
 * The self-check of an attempt against one variant's reference answer: its key points and their weighted terms
 * (src/core/check). The webview scores the attempt against it as the user types. No points: no reference answer.
 */
export interface CheckPlanView {
  /** "Variant 1/2", when the bank repeats the question. */
  label?: string;
  points: PlannedPoint[];
}

/** What the webview shows of the self-check, reported after each update (integration tests wait on it). */
export interface CheckShown {
  questionId: string;
  /** Waiting for the plan, no reference answer to check against, or checked. */
  state: 'waiting' | 'noReference' | 'checked';
  /** The summary line as shown. */
  summary: string;
  /** The points in the order shown (missed first), with their status. */
  points: { text: string; status: PointStatus }[];
  /** The attempt's text that is highlighted, in order. */
  highlighted: string[];
  /** The grade button marked as suggested, if any. */
  suggested?: Grade;
}

/** One grade button after Reveal: "Good · 3d". */
export interface GradeButtonView {
  grade: Grade;
  label: string;
  /** The interval this grade would schedule, formatted ("3d", "10分钟"). */
  interval: string;
}

/** One earlier attempt, formatted by the extension; `text` is the user's text (shown as text, never as HTML). */
export interface AttemptView {
  when: string;
  spent: string;
  /** The grade's label, or "Not graded". */
  grade: string;
  text: string;
}

/** The practice loop around the question: grading, earlier attempts, the note, the review position. */
export interface LoopView {
  /** Again → Easy (or Fail, Pass), with the interval each would schedule now. */
  grades: GradeButtonView[];
  /** Newest first. */
  attempts: AttemptView[];
  /** The user's note (markdown). */
  note: string;
  /** Whether the last grade of the session was given to this question and can be undone. */
  canUndo: boolean;
  /** "Review 3 of 12", when the question is the current one of a running review. */
  position?: { index: number; total: number };
}

/** A running mock interview on the question shown: answers hidden, a countdown (or the time elapsed), Skip, End. */
export interface MockView {
  sessionId: string;
  /** "Question 2 of 5". */
  position: string;
  /** Left of a timed session when sent (the webview counts down from it); absent for a number of questions. */
  remainingMs?: number;
  elapsedMs: number;
}

/** A mock interview's summary: totals, then per question the attempt beside the reference answer, and its grade. */
export interface MockSummaryView {
  sessionId: string;
  title: string;
  lines: string[];
  items: MockSummaryItemView[];
  /** The grade buttons (labels without intervals). */
  grades: { grade: Grade; label: string }[];
  /** Whether any question was graded Again or Hard ("Retry the weak ones"). */
  canRetry: boolean;
}

export interface MockSummaryItemView {
  questionId: string;
  title: string;
  /** "4:10 · skipped · coverage 62%". */
  meta: string;
  /** The user's text (shown as text). */
  attempt: string;
  /** The reference answer (markdown). */
  answer: string;
  grade?: Grade;
}

/** The end of a review: formatted lines ("Graded today: 12"). */
export interface SummaryView {
  title: string;
  lines: string[];
}

/** Extension → webview. */
export type HostMessage =
  /**
   * Show a question. `attempt` is the stored text: the webview keeps its own if it has unsaved edits, unless `fresh`
   * says the attempt was just filed (graded or set aside by "Practise again") and a new one starts.
   */
  | {
      type: 'show';
      question: QuestionView;
      attempt: string;
      starred: boolean;
      /** Present when the answer is revealed in this panel. */
      reference?: ReferenceView;
      loop: LoopView;
      fresh?: boolean;
      /** Whether Back and Forward have a question to go to in this panel. */
      canGoBack: boolean;
      canGoForward: boolean;
      /** Present when the question is the current one of a running mock interview. */
      mock?: MockView;
    }
  | { type: 'loop'; questionId: string; loop: LoopView }
  /** The review is over: the panel shows its summary instead of a question. */
  | { type: 'summary'; summary: SummaryView }
  /** A mock interview's summary: the panel shows it instead of a question. */
  | { type: 'mockSummary'; summary: MockSummaryView }
  /** The question the panel was restored with is not in the loaded banks (yet). */
  | { type: 'missing'; questionId: string }
  | { type: 'reference'; questionId: string; reference: ReferenceView }
  | { type: 'starred'; questionId: string; starred: boolean }
  /** The attempt `text` is stored; the webview clears its unsaved mark if that is still what the user has. */
  | { type: 'saved'; questionId: string; text: string }
  /** The self-check of the revealed question: one plan per variant (see CheckPlanView). */
  | { type: 'check'; questionId: string; plans: CheckPlanView[] }
  /** Whether the panel offers "Ask AI for Feedback" (`dojo.ai.enabled` and a language model available). */
  | { type: 'aiAvailable'; available: boolean }
  /**
   * The AI review of the question's attempt: the reply so far (markdown from the model, rendered like bank content),
   * and when it failed the message to show.
   */
  | { type: 'aiReview'; questionId: string; status: AiReviewStatus; text: string; message?: string };

/** Where an AI review stands: sent and waiting, streaming in, finished, cancelled by the user, or failed. */
export type AiReviewStatus = 'waiting' | 'streaming' | 'done' | 'cancelled' | 'failed';

/** Previous/Next follow the tree's order; Back/Forward the questions this panel showed. */
export type NavigationDirection = 'previous' | 'next' | 'random' | 'back' | 'forward';

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** Sent after the webview has rendered a `show` or `reference`: what the user now sees. */
  | { type: 'rendered'; questionId: string; attempt: string; revealed: boolean; earlierAttempts: number }
  | { type: 'attempt'; questionId: string; text: string }
  | { type: 'reveal'; questionId: string }
  | { type: 'openCode'; questionId: string }
  | { type: 'openBlank'; questionId: string }
  | { type: 'navigate'; direction: NavigationDirection }
  | { type: 'star'; questionId: string; starred: boolean }
  /** The answer was hidden again (the Reveal toggle). */
  | { type: 'hide'; questionId: string }
  | { type: 'grade'; questionId: string; grade: Grade }
  | { type: 'undoGrade' }
  | { type: 'practiseAgain'; questionId: string }
  | { type: 'note'; questionId: string; text: string }
  /** The user clicked "Ask AI for Feedback"; nothing is sent to a model without it. */
  | { type: 'askAi'; questionId: string }
  | { type: 'cancelAi'; questionId: string }
  /** The mock interview's Skip, Next question and End buttons. */
  | { type: 'mockStep'; sessionId: string; action: 'skip' | 'next' | 'end' }
  | { type: 'mockGrade'; sessionId: string; questionId: string; grade: Grade }
  | { type: 'mockRetry'; sessionId: string }
  | { type: 'mockExport'; sessionId: string }
  /** Sent after the webview has shown a mock interview's question or summary: its visible text (for tests). */
  | { type: 'mockRendered'; sessionId: string; mode: 'question' | 'summary'; text: string }
  /** Sent after the webview has shown or updated the self-check: what the user now sees of it. */
  | ({ type: 'checkRendered' } & CheckShown)
  /** Sent after the webview has shown an AI review update or availability: what the user now sees of it. */
  | { type: 'aiRendered'; questionId: string; offered: boolean; status: AiReviewStatus | 'none'; note: string; text: string };

/** What the webview keeps with `setState`: restored instantly on reload, and given to the serializer. */
export interface PracticeState {
  /** The panel's key for its whole life (see src/state/panelRecords.ts); absent in states saved by older versions. */
  panelKey?: string;
  questionId: string;
  attempt: string;
  /** The attempt has edits the extension has not confirmed storing yet. */
  unsaved: boolean;
  /**
   * The text the extension had stored when these edits began. Unsaved edits are restored only while the extension
   * still has exactly that text: a copy made before the extension stored something newer is stale.
   */
  base?: string;
  /** Hashes of the texts delivered since `base` (the extension may have stored any of them), oldest first. */
  sent?: number[];
  /**
   * How many attempts the question had filed (graded or set aside) when `base` was stored: an attempt filed since
   * makes these edits stale even when the new stored text equals `base` (both empty after a grade).
   */
  filed?: number;
  revealed: boolean;
  /** The layout after Reveal when the panel is wide: attempt and answer side by side (default) or stacked. */
  layout?: 'side' | 'stacked';
}

/** An attempt longer than this is refused rather than stored (it lives in globalState). */
export const MAX_ATTEMPT_LENGTH = 100_000;
/** A note longer than this is refused. */
export const MAX_NOTE_LENGTH = 20_000;
const MAX_ID_LENGTH = 300;

const questionId: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const attemptText: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_ATTEMPT_LENGTH;
const noteText: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_NOTE_LENGTH;
const grade: FieldCheck = (v) => isGrade(v);
const NAVIGATION_DIRECTIONS: readonly unknown[] = ['previous', 'next', 'random', 'back', 'forward'] satisfies NavigationDirection[];
const direction: FieldCheck = (v) => NAVIGATION_DIRECTIONS.includes(v);
const AI_REVIEW_STATUSES: readonly unknown[] = ['waiting', 'streaming', 'done', 'cancelled', 'failed'] satisfies AiReviewStatus[];
const aiReviewStatus: FieldCheck = (v) => AI_REVIEW_STATUSES.includes(v);
const reviewText: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_REVIEW_LENGTH;
const sessionId: FieldCheck = (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v);
/** The most text a mock interview's rendered report carries. */
export const MAX_RENDERED_TEXT = 200_000;
const POINT_STATUSES: readonly unknown[] = ['covered', 'partly', 'missed'] satisfies PointStatus[];
const CHECK_STATES: readonly unknown[] = ['waiting', 'noReference', 'checked'] satisfies CheckShown['state'][];
/** Bounds what a report may carry (points and highlights are the user's and the bank's text). */
const MAX_CHECK_ITEMS = 1000;
const boundedArrayOf = (check: FieldCheck): FieldCheck => (v) => Array.isArray(v) && v.length <= MAX_CHECK_ITEMS && v.every(check);

// Every field of every message type, and nothing else: an extra field means the sender is not our script.
const WEBVIEW_SHAPES: { [K in WebviewMessage['type']]: Shape<Omit<Extract<WebviewMessage, { type: K }>, 'type'>> } = {
  ready: {},
  rendered: { questionId, attempt: attemptText, revealed: boolean, earlierAttempts: count },
  attempt: { questionId, text: attemptText },
  reveal: { questionId },
  openCode: { questionId },
  openBlank: { questionId },
  navigate: { direction },
  star: { questionId, starred: boolean },
  hide: { questionId },
  grade: { questionId, grade },
  undoGrade: {},
  practiseAgain: { questionId },
  note: { questionId, text: noteText },
  askAi: { questionId },
  cancelAi: { questionId },
  aiRendered: { questionId, offered: boolean, status: (v) => v === 'none' || aiReviewStatus(v), note: string, text: reviewText },
  mockStep: { sessionId, action: (v) => v === 'skip' || v === 'next' || v === 'end' },
  mockGrade: { sessionId, questionId, grade },
  mockRetry: { sessionId },
  mockExport: { sessionId },
  mockRendered: { sessionId, mode: (v) => v === 'question' || v === 'summary', text: (v) => typeof v === 'string' && v.length <= MAX_RENDERED_TEXT },
  checkRendered: {
    questionId,
    state: (v) => CHECK_STATES.includes(v),
    summary: string,
    points: boundedArrayOf(object<CheckShown['points'][number]>({ text: string, status: (v) => POINT_STATUSES.includes(v) })),
    highlighted: boundedArrayOf(string),
    suggested: optional(grade),
  },
};

/** Accepts exactly the messages of `WebviewMessage`; says why anything else is refused. */
export function parseWebviewMessage(raw: unknown): ParseResult<WebviewMessage> {
  return parseTagged<WebviewMessage>(raw, WEBVIEW_SHAPES);
}

/** An absolute URL (the webview's URI of a folder), never a relative path the page would resolve itself. */
const absoluteUrl: FieldCheck = (v) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+$/i.test(v);
const questionView = object<QuestionView>({
  id: questionId, title: string, domain: string, bank: string, prompt: string, hasReference: boolean, hasCode: boolean,
  imageBase: optional(absoluteUrl),
});
const codeBlock = object<CodeBlock>({ lang: string, source: string, caption: optional(string), truncated: optional((v) => v === true) });
const referenceView = object<ReferenceView>({
  variants: arrayOf(object<VariantView>({ label: optional(string), hasReference: boolean, answer: string, analysis: string, code: arrayOf(codeBlock) })),
});
const checkPlanView = object<CheckPlanView>({
  label: optional(string),
  points: arrayOf(
    object<PlannedPoint>({
      text: string,
      lead: optional(string),
      terms: arrayOf(object<PlannedTerm>({ term: string, names: arrayOf(string), weight: fraction })),
    }),
  ),
});
const loopView = object<LoopView>({
  grades: arrayOf(object<GradeButtonView>({ grade, label: string, interval: string })),
  attempts: arrayOf(object<AttemptView>({ when: string, spent: string, grade: string, text: string })),
  note: string,
  canUndo: boolean,
  position: optional(object<{ index: number; total: number }>({ index: count, total: count })),
});

const mockView = object<MockView>({ sessionId, position: string, remainingMs: optional(count), elapsedMs: count });
const mockSummaryView = object<MockSummaryView>({
  sessionId,
  title: string,
  lines: arrayOf(string),
  items: arrayOf(object<MockSummaryItemView>({ questionId, title: string, meta: string, attempt: string, answer: string, grade: optional(grade) })),
  grades: arrayOf(object<{ grade: Grade; label: string }>({ grade, label: string })),
  canRetry: boolean,
});

const HOST_SHAPES: { [K in HostMessage['type']]: Shape<Omit<Extract<HostMessage, { type: K }>, 'type'>> } = {
  show: {
    question: questionView,
    attempt: string,
    starred: boolean,
    reference: optional(referenceView),
    loop: loopView,
    fresh: optional(boolean),
    canGoBack: boolean,
    canGoForward: boolean,
    mock: optional(mockView),
  },
  loop: { questionId, loop: loopView },
  summary: { summary: object<SummaryView>({ title: string, lines: arrayOf(string) }) },
  mockSummary: { summary: mockSummaryView },
  missing: { questionId },
  reference: { questionId, reference: referenceView },
  starred: { questionId, starred: boolean },
  saved: { questionId, text: string },
  check: { questionId, plans: arrayOf(checkPlanView) },
  aiAvailable: { available: boolean },
  aiReview: { questionId, status: aiReviewStatus, text: reviewText, message: optional(string) },
};

/** Accepts exactly the messages of `HostMessage` (the webview's check of what it is sent). */
export function parseHostMessage(raw: unknown): ParseResult<HostMessage> {
  return parseTagged<HostMessage>(raw, HOST_SHAPES);
}

/** The page's render settings, if they have the expected shape. */
export function parseRenderSettings(raw: unknown): RenderSettings | undefined {
  const check = object<RenderSettings>({
    allowRemoteImages: boolean,
    notes: object<RenderSettings['notes']>({ tooLong: string, outOfTime: string, failed: string, remoteImage: string, refusedImage: string }),
    referenceLabels: object<RenderSettings['referenceLabels']>({
      answer: string, code: string, analysis: string, noReference: string, truncatedCode: string,
    }),
  });
  return check(raw) ? (raw as RenderSettings) : undefined;
}

/** The serializer's state, if it is ours: the question id and the panel key matter to the extension. */
export function parsePracticeState(raw: unknown): { questionId: string; panelKey?: string } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const id = record['questionId'];
  if (!questionId(id)) return undefined;
  const key = record['panelKey'];
  return isPanelKey(key) ? { questionId: id as string, panelKey: key } : { questionId: id as string };
}

/** Panel keys are made by `makeNonce` (src/webview/html.ts): 32 hex digits. */
export function isPanelKey(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
}
