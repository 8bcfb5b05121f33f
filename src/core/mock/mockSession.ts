// A timed mock interview as plain data and pure steps, with the clock passed in (tests run it with a fake one):
// choosing the questions, moving on (answered or skipped), the time spent on each, ending by time, early or when the
// questions run out, and the totals and weak ones of the summary. The adapter (src/mock/) keeps the session, shows
// its questions in the practice panel and stores it after every step.
import type { Grade } from '../review/grades';
import { GRADE } from '../review/grades';
import type { RandomSource } from '../practiceOrder';

/** A session lasts some minutes (a countdown) or some questions (no limit on time). */
export type MockLength = { kind: 'minutes'; minutes: number } | { kind: 'questions'; count: number };
/** Where the questions come from: due ones first, never-seen ones only, or any. */
export type MockSource = 'due' | 'unseen' | 'any';
export type MockEnd = 'time' | 'early' | 'done';

export interface MockConfig {
  length: MockLength;
  /** Domain ids; empty = every domain. */
  domains: string[];
  source: MockSource;
}

export interface MockItem {
  id: string;
  /** Time the question was on screen during the session. */
  spentMs: number;
  skipped: boolean;
  /** The attempt as it was when the session ended. */
  attempt?: string;
  /** The self-check's coverage of the attempt, 0..1, when the question has a reference answer. */
  coverage?: number;
  /** The learner's grade in the summary (it feeds the review schedule). */
  grade?: Grade;
}

export interface MockSession {
  id: string;
  config: MockConfig;
  startedAt: number;
  items: MockItem[];
  /** The index of the question on screen; `items.length` once every question has been seen. */
  current: number;
  /** When the current question was shown. */
  shownAt: number;
  endedAt?: number;
  endReason?: MockEnd;
}

export interface MockCandidate {
  id: string;
  domain: string;
}

export interface MockMarks {
  isDue(id: string): boolean;
  /** Attempted, revealed or graded before. */
  isSeen(id: string): boolean;
}

/** A timed session gets one question per this many minutes (it ends sooner if they are all answered). */
const MINUTES_PER_QUESTION = 3;
export const MOCK_MINUTES = [15, 30, 45] as const;
export const MOCK_QUESTION_COUNTS = [3, 5, 10] as const;

/** How many questions the session has room for. */
export function questionCount(length: MockLength): number {
  return length.kind === 'questions' ? Math.max(1, Math.floor(length.count)) : Math.max(1, Math.ceil(length.minutes / MINUTES_PER_QUESTION));
}

/**
 * The session's questions: from the chosen domains, by source (due first, then seen, then new; never seen only; or
 * any), shuffled within each group so that two sessions differ.
 */
export function chooseMockQuestions(candidates: readonly MockCandidate[], config: MockConfig, marks: MockMarks, random: RandomSource): string[] {
  const domains = new Set(config.domains);
  const pool = candidates.filter((candidate) => domains.size === 0 || domains.has(candidate.domain)).map((candidate) => candidate.id);
  const groups =
    config.source === 'unseen' ? [pool.filter((id) => !marks.isSeen(id))]
    : config.source === 'due' ? [pool.filter((id) => marks.isDue(id)), pool.filter((id) => !marks.isDue(id) && marks.isSeen(id)), pool.filter((id) => !marks.isSeen(id))]
    : [pool];
  return groups.flatMap((group) => shuffle(group, random)).slice(0, questionCount(config.length));
}

export function startMock(id: string, config: MockConfig, questions: readonly string[], now: number): MockSession {
  return { id, config, startedAt: now, items: questions.map((question) => ({ id: question, spentMs: 0, skipped: false })), current: 0, shownAt: now };
}

export function isRunning(session: MockSession): boolean {
  return session.endedAt === undefined;
}

/** The question on screen, while the session runs. */
export function currentQuestion(session: MockSession): string | undefined {
  return isRunning(session) ? session.items[session.current]?.id : undefined;
}

/** When a timed session ends (undefined for a session of some questions). */
export function deadline(session: MockSession): number | undefined {
  return session.config.length.kind === 'minutes' ? session.startedAt + session.config.length.minutes * 60_000 : undefined;
}

/** Milliseconds left of a timed session (never below 0), or undefined. */
export function timeLeft(session: MockSession, now: number): number | undefined {
  const end = deadline(session);
  return end === undefined ? undefined : Math.max(0, end - Math.max(now, session.startedAt));
}

/** Moves to the next question, the current one answered or skipped; past the last one the session is done. */
export function moveOn(session: MockSession, now: number, skipped: boolean): MockSession {
  if (!isRunning(session)) return session;
  const timed = checkTime(session, now);
  if (!isRunning(timed)) return timed;
  const items = session.items.map((item, i) => (i === session.current ? { ...item, spentMs: item.spentMs + elapsed(session, now), skipped } : item));
  const next = { ...session, items, current: session.current + 1, shownAt: now };
  return next.current >= items.length ? { ...next, endedAt: now, endReason: 'done' } : next;
}

/** Ends the session: `early` (the learner), `time` (the countdown), `done` (no question left). */
export function endMock(session: MockSession, now: number, reason: MockEnd): MockSession {
  if (!isRunning(session)) return session;
  const end = reason === 'time' ? (deadline(session) ?? now) : now;
  const items = session.items.map((item, i) => (i === session.current ? { ...item, spentMs: item.spentMs + Math.max(0, end - session.shownAt) } : item));
  return { ...session, items, endedAt: end, endReason: reason };
}

/** Ends a timed session whose time is up (the draft on screen is kept by the caller). */
export function checkTime(session: MockSession, now: number): MockSession {
  const left = timeLeft(session, now);
  return isRunning(session) && left === 0 ? endMock(session, now, 'time') : session;
}

/** The questions the session has moved past, and the one on screen when it ended. */
export function reachedItems(session: MockSession): MockItem[] {
  return session.items.slice(0, session.endedAt === undefined ? session.current : session.current + 1);
}

/** Records what the session ended with for each question it reached: the attempts and their self-check. */
export function withAttempts(session: MockSession, attempts: (id: string) => { text: string; coverage?: number }): MockSession {
  const reached = reachedItems(session).length;
  return {
    ...session,
    items: session.items.map((item, i) => {
      if (i >= reached) return item;
      const { text, coverage } = attempts(item.id);
      return { ...item, attempt: text, ...(coverage === undefined ? {} : { coverage }) };
    }),
  };
}

export function withGrade(session: MockSession, id: string, grade: Grade): MockSession {
  return { ...session, items: session.items.map((item) => (item.id === id ? { ...item, grade } : item)) };
}

export interface MockTotals {
  questions: number;
  answered: number;
  skipped: number;
  /** Never reached before the session ended. */
  unreached: number;
  spentMs: number;
  /** The mean coverage of the answered questions with a reference answer, or undefined. */
  coverage: number | undefined;
}

export function mockTotals(session: MockSession): MockTotals {
  const reached = (item: MockItem) => item.attempt !== undefined || item.spentMs > 0;
  const answered = session.items.filter((item) => reached(item) && !item.skipped && (item.attempt ?? '').trim() !== '');
  const skipped = session.items.filter((item) => item.skipped).length;
  const covered = answered.filter((item) => item.coverage !== undefined);
  return {
    questions: session.items.length,
    answered: answered.length,
    skipped,
    unreached: session.items.filter((item) => !reached(item)).length,
    spentMs: session.items.reduce((sum, item) => sum + item.spentMs, 0),
    coverage: covered.length === 0 ? undefined : covered.reduce((sum, item) => sum + item.coverage!, 0) / covered.length,
  };
}

/** The questions graded Again or Hard: what "Retry the weak ones" practises. */
export function weakOnes(session: MockSession): string[] {
  return session.items.filter((item) => item.grade === GRADE.again || item.grade === GRADE.hard).map((item) => item.id);
}

/** A stored session, if `value` is one (anything else is set aside by the store). */
export function parseMockSession(value: unknown): MockSession | undefined {
  if (!isRecord(value)) return undefined;
  const { id, config, startedAt, items, current, shownAt, endedAt, endReason } = value;
  if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id) || !isConfig(config) || !isTime(startedAt) || !isTime(shownAt)) return undefined;
  if (!Array.isArray(items) || !items.every(isItem) || !Number.isSafeInteger(current) || (current as number) < 0) return undefined;
  if (endedAt !== undefined && !isTime(endedAt)) return undefined;
  if (endReason !== undefined && endReason !== 'time' && endReason !== 'early' && endReason !== 'done') return undefined;
  return value as unknown as MockSession;
}

function elapsed(session: MockSession, now: number): number {
  return Math.max(0, now - session.shownAt);
}

function shuffle(ids: readonly string[], random: RandomSource): string[] {
  const result = [...ids];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isConfig(value: unknown): value is MockConfig {
  if (!isRecord(value) || !isRecord(value.length)) return false;
  const { length, domains, source } = value;
  const lengthOk =
    (length.kind === 'minutes' && typeof length.minutes === 'number' && length.minutes > 0) ||
    (length.kind === 'questions' && Number.isSafeInteger(length.count) && (length.count as number) > 0);
  return lengthOk && Array.isArray(domains) && domains.every((d) => typeof d === 'string') && (source === 'due' || source === 'unseen' || source === 'any');
}

function isItem(value: unknown): value is MockItem {
  if (!isRecord(value)) return false;
  const { id, spentMs, skipped, attempt, coverage, grade } = value;
  return (
    typeof id === 'string' &&
    isTime(spentMs) &&
    typeof skipped === 'boolean' &&
    (attempt === undefined || typeof attempt === 'string') &&
    (coverage === undefined || (typeof coverage === 'number' && coverage >= 0 && coverage <= 1)) &&
    (grade === undefined || grade === 1 || grade === 2 || grade === 3 || grade === 4)
  );
}
