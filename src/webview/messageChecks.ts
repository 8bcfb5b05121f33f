// Small checks of untrusted JSON-like values against a shape, for the messages between the extension and the
// practice webview (protocol.ts). Each message type lists every field: an extra or missing field refuses it.
// Pure: no `vscode`, no DOM; both sides of the protocol run it.

export type FieldCheck = (value: unknown) => boolean;

/** A check for every field of `T`, optional ones included (they accept `undefined`, see `optional`). */
export type Shape<T> = { [K in keyof T]-?: FieldCheck };

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string };

export const string: FieldCheck = (v) => typeof v === 'string';
export const boolean: FieldCheck = (v) => typeof v === 'boolean';
export const count: FieldCheck = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
/** A number from 0 to 1. */
export const fraction: FieldCheck = (v) => typeof v === 'number' && v >= 0 && v <= 1;

export function optional(check: FieldCheck): FieldCheck {
  return (v) => v === undefined || check(v);
}

export function arrayOf(check: FieldCheck): FieldCheck {
  return (v) => Array.isArray(v) && v.every(check);
}

/** A plain object with exactly the fields of `shape` (absent optional fields allowed), each passing its check. */
export function object<T>(shape: Shape<T>): FieldCheck {
  return (v) => fieldProblem(v, shape as Record<string, FieldCheck>) === undefined;
}

/**
 * Accepts exactly the members of a union tagged by `type` whose shapes (without `type`) are given; says why anything
 * else is refused.
 */
export function parseTagged<T extends { type: string }>(
  raw: unknown,
  shapes: { [K in T['type']]: Shape<Omit<Extract<T, { type: K }>, 'type'>> },
): ParseResult<T> {
  if (!isRecord(raw)) return { ok: false, reason: 'not an object' };
  const type = raw['type'];
  if (typeof type !== 'string' || !Object.hasOwn(shapes, type)) return { ok: false, reason: `unknown type ${describe(type)}` };
  const problem = fieldProblem(raw, shapes[type as T['type']] as Record<string, FieldCheck>, 'type');
  return problem === undefined ? { ok: true, message: raw as T } : { ok: false, reason: `${type}: ${problem}` };
}

function fieldProblem(value: unknown, shape: Record<string, FieldCheck>, tag?: string): string | undefined {
  if (!isRecord(value)) return 'not an object';
  for (const key of Object.keys(value)) {
    if (key !== tag && !Object.hasOwn(shape, key)) return `unexpected field ${describe(key)}`;
  }
  for (const [key, check] of Object.entries(shape)) {
    if (!check(value[key])) return `invalid ${key}`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value;
}
