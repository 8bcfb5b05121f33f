// Short interval labels for the grade buttons ("Good · 3d") and tooltips, with the unit words supplied by the
// adapter so that they can be localised (en `10m`, `3d`, `2mo`, `1y`; zh-cn `10分钟`, `3天`, `2个月`, `1年`).
//
// API for adapters: `formatInterval(ms, units)`; `ENGLISH_INTERVAL_UNITS` is the English set.

export interface IntervalUnits {
  minute: string;
  hour: string;
  day: string;
  month: string;
  year: string;
}

export const ENGLISH_INTERVAL_UNITS: IntervalUnits = { minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH_DAYS = 30;
const YEAR_DAYS = 365;

/** The largest unit that reads naturally, rounded (months and years to one decimal): 59s → 1m, 36h → 2d, 45d → 1.5mo. */
export function formatInterval(interval: number, units: IntervalUnits): string {
  const ms = Number.isFinite(interval) ? interval : 0;
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes}${units.minute}`;
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return `${hours}${units.hour}`;
  const days = Math.round(ms / DAY);
  if (days < MONTH_DAYS) return `${days}${units.day}`;
  const months = Math.round((days / MONTH_DAYS) * 10) / 10;
  if (days < YEAR_DAYS && months < 12) return `${months}${units.month}`;
  return `${Math.round((days / YEAR_DAYS) * 10) / 10}${units.year}`;
}
