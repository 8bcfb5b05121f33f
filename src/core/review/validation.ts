// Shape checks shared by the codecs of stored and imported progress: everything read back from disk, Settings Sync
// or an import file is `unknown` until one of these accepts it.

/** Latest instant a JavaScript Date can hold (ms since the epoch). */
export const MAX_TIME_MS = 8.64e15;
/** Longest question id accepted; real ids (`<bank-slug>/<hash>`) are far shorter. */
export const MAX_ID_LENGTH = 200;

/** A plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number of milliseconds since the epoch, within a Date's range. */
export function isTime(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_TIME_MS;
}

/** A whole number ≥ 0. */
export function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export function isFiniteInRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** A non-empty id of at most MAX_ID_LENGTH code points (counted as JSON Schema's maxLength counts them). */
export function isQuestionId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false;
  return value.length <= MAX_ID_LENGTH || [...value].length <= MAX_ID_LENGTH;
}

/** No keys but the allowed ones (stored objects are closed, as the export schema says). */
export function onlyKeys(raw: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  return Object.keys(raw).every((key) => allowed.has(key));
}
