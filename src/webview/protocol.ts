// The practice panel's message protocol: every message between the extension and the webview, as tagged unions.
// Messages from the webview are untrusted input: `parseWebviewMessage` checks each against its shape before use.
// No `vscode` import, so media/practice.js type-checks against these types too (see media/jsconfig.json).

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

/** Extension → webview. */
export type HostMessage =
  /** Show a question. `attempt` is the stored text: the webview keeps its own if it has unsaved edits. */
  | {
      type: 'show';
      question: QuestionView;
      attempt: string;
      starred: boolean;
      referenceHtml?: string;
      /** Whether Back and Forward have a question to go to in this panel. */
      canGoBack: boolean;
      canGoForward: boolean;
    }
  /** The question the panel was restored with is not in the loaded banks (yet). */
  | { type: 'missing'; questionId: string }
  | { type: 'reference'; questionId: string; html: string }
  | { type: 'starred'; questionId: string; starred: boolean }
  /** The attempt `text` is stored; the webview clears its unsaved mark if that is still what the user has. */
  | { type: 'saved'; questionId: string; text: string };

/** Previous/Next follow the tree's order; Back/Forward the questions this panel showed. */
export type NavigationDirection = 'previous' | 'next' | 'random' | 'back' | 'forward';

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** Sent after the webview has rendered a `show` or `reference`: what the user now sees. */
  | { type: 'rendered'; questionId: string; attempt: string; revealed: boolean }
  | { type: 'attempt'; questionId: string; text: string }
  | { type: 'reveal'; questionId: string }
  | { type: 'openCode'; questionId: string }
  | { type: 'openBlank'; questionId: string }
  | { type: 'navigate'; direction: NavigationDirection }
  | { type: 'star'; questionId: string; starred: boolean };

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
  revealed: boolean;
}

/** An attempt longer than this is refused rather than stored (it lives in globalState). */
export const MAX_ATTEMPT_LENGTH = 100_000;
const MAX_ID_LENGTH = 300;

type FieldCheck = (value: unknown) => boolean;

const questionId: FieldCheck = (v) => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH;
const attemptText: FieldCheck = (v) => typeof v === 'string' && v.length <= MAX_ATTEMPT_LENGTH;
const boolean: FieldCheck = (v) => typeof v === 'boolean';
const NAVIGATION_DIRECTIONS: readonly unknown[] = ['previous', 'next', 'random', 'back', 'forward'] satisfies NavigationDirection[];
const direction: FieldCheck = (v) => NAVIGATION_DIRECTIONS.includes(v);

// Every field of every message type, and nothing else: an extra field means the sender is not our script.
const SHAPES: { [K in WebviewMessage['type']]: Record<Exclude<keyof Extract<WebviewMessage, { type: K }>, 'type'>, FieldCheck> } = {
  ready: {},
  rendered: { questionId, attempt: attemptText, revealed: boolean },
  attempt: { questionId, text: attemptText },
  reveal: { questionId },
  openCode: { questionId },
  openBlank: { questionId },
  navigate: { direction },
  star: { questionId, starred: boolean },
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
