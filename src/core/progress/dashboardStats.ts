// The progress dashboard's numbers, from the review store's cards and log, the questions with their domains, a
// clock and the user's calendar: a plain data model the webview draws. Pure; the host passes everything in.
//
// API for adapters:
// - `dashboardStats(input)` → `DashboardModel`: totals, one row per domain, the heatmap, the forecast, retention.
// - `progressState(card)`: where a question stands (new, learning, review, mastered); `questionsInState(…)` lists a
//   domain's questions in one state, `reviewedOn(…)` the questions reviewed on a local day (the quick picks).
// Definitions:
// - practised: attempted or revealed (`seen`) or graded at least once;
// - due today: graded questions due before the next local midnight (overdue ones included);
// - streak: consecutive local days with at least one review, ending today, or yesterday while today has none yet;
// - mastered: in review (not in a learning step) with a memory stability of at least 21 days;
// - retention: the share of the reviews of the last 30 local days (today included) not graded Again.
// Only questions in the banks count towards totals, domains and the forecast; the heatmap, streak and retention count
// every logged review, also of questions no longer in any bank (the history happened).
import { CARD_STATE, type CardTable, type ReviewCard } from '../review/card';
import { GRADE } from '../review/grades';
import type { ReviewLogEntry } from '../review/reviewLog';
import { dayKey, nextDayStart, previousDayStart, type LocalCalendar } from './localCalendar';

export type ProgressState = 'new' | 'learning' | 'review' | 'mastered';
export const PROGRESS_STATES: readonly ProgressState[] = ['new', 'learning', 'review', 'mastered'];

/** Stability (days until recall drops to 90 %) from which a review card counts as mastered. */
export const MASTERED_STABILITY_DAYS = 21;
/** Days of the forecast, today first. */
export const FORECAST_DAYS = 30;
/** Local days the retention counts, today included. */
export const RETENTION_DAYS = 30;
/** Full weeks before the current one in the heatmap (GitHub-style: 53 columns of Sunday → Saturday). */
export const HEATMAP_WEEKS = 52;

/** A question as the dashboard needs it: its id and domain id. */
export interface DashboardQuestion {
  readonly id: string;
  readonly domain: string;
}

export interface DashboardInput {
  /** The practice items, in practice order. */
  questions: readonly DashboardQuestion[];
  /** The domains in display order, with their labels in the UI language. */
  domains: readonly { id: string; label: string }[];
  cards: CardTable;
  log: readonly ReviewLogEntry[];
  /** Attempted or revealed (the progress marks). */
  seen: (id: string) => boolean;
  now: number;
  calendar: LocalCalendar;
}

export interface DashboardTotals {
  questions: number;
  practised: number;
  dueToday: number;
  streak: number;
  reviewedToday: number;
}

export interface DomainRow {
  id: string;
  label: string;
  total: number;
  new: number;
  learning: number;
  review: number;
  mastered: number;
}

/** One local day of the heatmap; `level` 0 (none) to 4 (the most reviews of a day in the year). */
export interface HeatmapDay {
  date: string;
  count: number;
  level: number;
}

export interface ForecastDay {
  date: string;
  count: number;
}

export interface Retention {
  reviews: number;
  /** Reviews not graded Again. */
  passed: number;
}

export interface DashboardModel {
  /** Today's local date, `YYYY-MM-DD`: the last heatmap day and the first forecast day. */
  today: string;
  totals: DashboardTotals;
  domains: DomainRow[];
  /** From a Sunday 52 weeks before this week's, through today: the webview lays them out seven to a column. */
  heatmap: HeatmapDay[];
  /** `FORECAST_DAYS` days from today; today's count includes the overdue questions. */
  forecast: ForecastDay[];
  retention: Retention;
}

export function progressState(card: ReviewCard | undefined): ProgressState {
  if (card === undefined || card.state === CARD_STATE.new) return 'new';
  if (card.state !== CARD_STATE.review) return 'learning';
  return card.stability >= MASTERED_STABILITY_DAYS ? 'mastered' : 'review';
}

export function dashboardStats(input: DashboardInput): DashboardModel {
  const { calendar, now } = input;
  const todayStart = calendar.startOfDay(now);
  const perDay = reviewsPerDay(input.log, calendar);
  const forecast = forecastDays(input);
  const questions = distinct(input.questions);
  return {
    today: dayKey(calendar, now),
    totals: {
      questions: questions.length,
      practised: questions.filter((q) => input.seen(q.id) || progressState(input.cards.get(q.id)) !== 'new').length,
      dueToday: forecast[0]?.count ?? 0,
      streak: streak(perDay, todayStart, calendar),
      reviewedToday: perDay.get(todayStart) ?? 0,
    },
    domains: domainRows(questions, input),
    heatmap: heatmap(perDay, now, calendar),
    forecast,
    retention: retention(input.log, now, calendar),
  };
}

/** The domain's questions in `state`, in practice order. */
export function questionsInState(
  questions: readonly DashboardQuestion[],
  cards: CardTable,
  domain: string,
  state: ProgressState,
): string[] {
  return distinct(questions)
    .filter((q) => q.domain === domain && progressState(cards.get(q.id)) === state)
    .map((q) => q.id);
}

/** The questions reviewed on the local day `date` (`YYYY-MM-DD`), each once, in the order first reviewed. */
export function reviewedOn(log: readonly ReviewLogEntry[], date: string, calendar: LocalCalendar): string[] {
  const ids = new Set<string>();
  for (const entry of [...log].sort((a, b) => a.at - b.at)) {
    if (!ids.has(entry.id) && dayKey(calendar, entry.at) === date) ids.add(entry.id);
  }
  return [...ids];
}

function distinct(questions: readonly DashboardQuestion[]): DashboardQuestion[] {
  const seen = new Set<string>();
  return questions.filter((q) => !seen.has(q.id) && seen.add(q.id));
}

/** Reviews per local day, keyed by the day's start. */
function reviewsPerDay(log: readonly ReviewLogEntry[], calendar: LocalCalendar): Map<number, number> {
  const days = new Map<number, number>();
  for (const entry of log) {
    const day = calendar.startOfDay(entry.at);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

function streak(perDay: ReadonlyMap<number, number>, todayStart: number, calendar: LocalCalendar): number {
  let day = perDay.has(todayStart) ? todayStart : previousDayStart(todayStart, calendar.startOfDay);
  let days = 0;
  while (perDay.has(day)) {
    days++;
    day = previousDayStart(day, calendar.startOfDay);
  }
  return days;
}

function domainRows(questions: readonly DashboardQuestion[], input: DashboardInput): DomainRow[] {
  const rows = new Map<string, DomainRow>();
  const row = (id: string, label: string): DomainRow => ({ id, label, total: 0, new: 0, learning: 0, review: 0, mastered: 0 });
  for (const domain of input.domains) rows.set(domain.id, row(domain.id, domain.label));
  for (const question of questions) {
    let target = rows.get(question.domain);
    if (target === undefined) rows.set(question.domain, (target = row(question.domain, question.domain)));
    target.total++;
    target[progressState(input.cards.get(question.id))]++;
  }
  return [...rows.values()].filter((r) => r.total > 0);
}

function heatmap(perDay: ReadonlyMap<number, number>, now: number, calendar: LocalCalendar): HeatmapDay[] {
  const { startOfDay } = calendar;
  const todayStart = startOfDay(now);
  let first = todayStart;
  for (let back = calendar.dateOf(now).weekday + HEATMAP_WEEKS * 7; back > 0; back--) first = previousDayStart(first, startOfDay);
  const days: { start: number; count: number }[] = [];
  for (let day = first; day <= todayStart; day = nextDayStart(day, startOfDay)) days.push({ start: day, count: perDay.get(day) ?? 0 });
  const most = Math.max(0, ...days.map((d) => d.count));
  return days.map(({ start, count }) => ({
    date: dayKey(calendar, start),
    count,
    level: count === 0 ? 0 : Math.max(1, Math.ceil((4 * count) / most)),
  }));
}

function forecastDays(input: DashboardInput): ForecastDay[] {
  const { startOfDay } = input.calendar;
  const ends: number[] = [];
  const starts: number[] = [];
  for (let i = 0, day = startOfDay(input.now); i < FORECAST_DAYS; i++) {
    starts.push(day);
    day = nextDayStart(day, startOfDay);
    ends.push(day);
  }
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  for (const question of distinct(input.questions)) {
    const card = input.cards.get(question.id);
    if (progressState(card) === 'new' || card === undefined || card.due >= ends[FORECAST_DAYS - 1]!) continue;
    const index = ends.findIndex((end) => card.due < end);
    counts[index]!++;
  }
  return starts.map((start, i) => ({ date: dayKey(input.calendar, start), count: counts[i]! }));
}

function retention(log: readonly ReviewLogEntry[], now: number, calendar: LocalCalendar): Retention {
  const end = nextDayStart(now, calendar.startOfDay);
  let start = calendar.startOfDay(now);
  for (let i = 1; i < RETENTION_DAYS; i++) start = previousDayStart(start, calendar.startOfDay);
  let reviews = 0;
  let passed = 0;
  for (const entry of log) {
    if (entry.at < start || entry.at >= end) continue;
    reviews++;
    if (entry.grade !== GRADE.again) passed++;
  }
  return { reviews, passed };
}
