// The practice panel's message protocol: every message between the extension and the webview, as tagged unions.
// Messages from the webview are untrusted input: `parseWebviewMessage` checks each against its shape before use.
// No `vscode` import, so media/practice.js type-checks against these types too (see media/jsconfig.json).
import { isGrade, type Grade } from '../core/review/grades';

/** What the webview needs to show a question; HTML fields are produced by the core renderer (safe). */
export interface QuestionView {
  id: string;
  title: string;
  /** Domain label in the UI language. */
  domain: string;
  /** Bank title. */
  bank: string;
  /** Empty when the prompt only repeats the title. */
  promptHtml: string;
  hasReference: boolean;
  hasCode: boolean;
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
  note: string;
  /** The note rendered by the core renderer (safe). */
  noteHtml: string;
  /** Whether the last grade of the session was given to this question and can be undone. */
  canUndo: boolean;
  /** "Review 3 of 12", when the question is the current one of a running review. */
  position?: { index: number; total: number };
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
  | { type: 'show'; question: QuestionView; attempt: string; starred: boolean; referenceHtml?: string; loop: LoopView; fresh?: boolean }
  | { type: 'loop'; questionId: string; loop: LoopView }
  /** The review is over: the panel shows its summary instead of a question. */
  | { type: 'summary'; summary: SummaryView }
  /** The question the panel was restored with is not in the loaded banks (yet). */
  | { type: 'missing'; questionId: string }
  | { type: 'reference'; questionId: string; html: string }
  | { type: 'starred'; questionId: string; starred: boolean }
  /** The attempt `text` is stored; the webview clears its unsaved mark if that is still what the user has. */
  | { type: 'saved'; questionId: string; text: string };

export type NavigationDirection = 'previous' | 'next' | 'random';

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
  | { type: 'note'; questionId: string; text: string };

/** What the webview keeps with `setState`: restored instantly on reload, and given to the serializer. */
export interface PracticeState {
  /** The panel's key for its whole life (see src/state/panelRecords.ts); absent in states saved by older versions. */
  panelKey?: string;
  questionId: string;
  attempt: string;
  /** The attempt has edits the extension has not confirmed storing yet. */
  unsaved: boolean;
  revealed: boolean;
  /** The layout after Reveal when the panel is wide: attempt and answer side by side (default) or stacked. */
  layout?: 'side' | 'stacked';
}

/** An attempt longer than this is refused rather than stored (it lives in globalState). */
export const MAX_ATTEMPT_LENGTH = 100_000;
/** A note longer than this is refused. */
export const MAX_NOTE_LENGTH = 20_000;
const MAX_ID_LENGTH = 300;

type FieldCheck = (value: unknown) => boolean;

const questionId: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const attemptText: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_ATTEMPT_LENGTH;
const boolean: FieldCheck = (v) => typeof v === 'boolean';
const count: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const noteText: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_NOTE_LENGTH;
const grade: FieldCheck = (v) => isGrade(v);
const direction: FieldCheck = (v) => v === 'previous' || v === 'next' || v === 'random';

// Every field of every message type, and nothing else: an extra field means the sender is not our script.
const SHAPES: { [K in WebviewMessage['type']]: Record<Exclude<keyof Extract<WebviewMessage, { type: K }>, 'type'>, FieldCheck> } = {
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
};

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

/** Accepts exactly the messages of `WebviewMessage`; says why anything else is refused. */
export function parseWebviewMessage(raw: unknown): ParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('not an object');
  const record = raw as Record<string, unknown>;
  const type = record['type'];
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return refuse(`unknown type ${describe(type)}`);
  const shape: Record<string, FieldCheck> = SHAPES[type as WebviewMessage['type']];
  for (const key of Object.keys(record)) {
    if (key !== 'type' && !Object.hasOwn(shape, key)) return refuse(`${type}: unexpected field ${describe(key)}`);
  }
  for (const [key, check] of Object.entries(shape)) {
    if (!check(record[key])) return refuse(`${type}: invalid ${key}`);
  }
  return { ok: true, message: record as WebviewMessage };
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

function refuse(reason: string): ParseResult {
  return { ok: false, reason };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
