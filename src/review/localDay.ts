// Local calendar days for the review surfaces: the day rolls over at local midnight. `startOfDay` comes in (the
// review store's `localMidnight`), so the arithmetic is tested under Node with any calendar.

import { nextDayStart } from '../core/progress/localCalendar';

/** The next local midnight after `ms` (a day may have 23 or 25 hours; 36 h on is always inside the next one). */
export const nextLocalMidnight = nextDayStart;

/** How many local days after `now`'s day `time` falls: 0 today, 1 tomorrow, negative in the past. */
export function daysFrom(now: number, time: number, startOfDay: (ms: number) => number): number {
  let days = 0;
  let day = startOfDay(now);
  const target = startOfDay(time);
  const step = target >= day ? 1 : -1;
  // Walk day by day (at most a few hundred steps for real schedules) so that DST days count as one day each.
  while (day !== target && Math.abs(days) < MAX_DAYS) {
    day = step > 0 ? nextLocalMidnight(day, startOfDay) : startOfDay(day - 1);
    days += step;
  }
  return days;
}

/** Beyond this the exact count no longer matters for a label (it shows the date). */
const MAX_DAYS = 400;
