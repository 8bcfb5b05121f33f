// Local calendar days, with the calendar passed in: the host gives one built on `Date` (the user's time zone), tests
// give fixed offsets. A day is named by its local date, `YYYY-MM-DD`.

/** The user's calendar: where local days start and what date an instant falls on. */
export interface LocalCalendar {
  /** Local midnight at or before `ms`. */
  startOfDay(ms: number): number;
  /** The local date of `ms`: month 1–12, day 1–31, weekday 0 = Sunday … 6 = Saturday. */
  dateOf(ms: number): LocalDate;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/** From any instant of a day, 36 h on is inside the next day even when that day has 23 or 25 hours. */
const INTO_NEXT_DAY_MS = 36 * 3_600_000;

/** The next local midnight after `ms`. */
export function nextDayStart(ms: number, startOfDay: (ms: number) => number): number {
  return startOfDay(startOfDay(ms) + INTO_NEXT_DAY_MS);
}

/** The local midnight before the day of `ms`. */
export function previousDayStart(ms: number, startOfDay: (ms: number) => number): number {
  return startOfDay(startOfDay(ms) - 1);
}

/** `YYYY-MM-DD` of the local date of `ms`. */
export function dayKey(calendar: LocalCalendar, ms: number): string {
  const { year, month, day } = calendar.dateOf(ms);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` day name (what the dashboard's webview sends back). */
export function isDayKey(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** Local midnight at or before `ms` in the time zone this runs in: the review day rolls over at the user's midnight. */
export function localMidnight(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** The calendar of the time zone this runs in (the extension host's: the user's). */
export const systemCalendar: LocalCalendar = {
  startOfDay: localMidnight,
  dateOf: (ms) => {
    const date = new Date(ms);
    return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate(), weekday: date.getDay() };
  },
};
