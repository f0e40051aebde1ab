// The body of `PUT /api/v1/weeks/{label}/values`, checked with the weekly form's own rules (weekEntrySchema:
// one number grammar, the same ranges and decimals), every field's error at once, unknown metric keys included.
import { z } from '@/lib/validation/zod';
import { weekEntrySchema, type EntryMetric, type WeekEntryValue } from '../validation/week-entry';
import { fieldError, type FieldError } from './problem';
import { localize } from '../i18n/form-labels';

export type ValuesBody = { values: Record<string, WeekEntryValue>; reason: string };
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

const reasonSchema = z.string().trim().max(500, { error: 'Keep the reason under 500 characters.' });
const TOP_LEVEL = new Set(['values', 'reason']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Cell = { value?: string; done?: string; total?: string };

/** A JSON number as the form would have received it: `String(n)`, so 1e-7 or 0.30000000000000004 fail like typed text. */
function toCell(raw: unknown): Cell | null {
  if (typeof raw === 'number') return { value: String(raw) };
  if (isObject(raw) && Object.keys(raw).length === 2 && typeof raw.done === 'number' && typeof raw.total === 'number') {
    return { done: String(raw.done), total: String(raw.total) };
  }
  return null;
}

export function parseValuesBody(body: unknown, metrics: readonly EntryMetric[]): Parsed<ValuesBody> {
  const errors: FieldError[] = [];
  if (!isObject(body)) return { ok: false, errors: [fieldError([], 'The body must be a JSON object with "values".')] };
  for (const k of Object.keys(body)) if (!TOP_LEVEL.has(k)) errors.push(fieldError([k], 'Unknown field; the body takes "values" and "reason".'));
  const reason = reasonSchema.safeParse(body.reason ?? '');
  if (!reason.success) errors.push(fieldError(['reason'], body.reason !== undefined && typeof body.reason !== 'string' ? 'Give the reason as text.' : reason.error.issues[0].message));

  const byKey = new Map(metrics.map((m) => [m.key, m]));
  const cells: Record<string, Cell> = {};
  if (!isObject(body.values)) {
    errors.push(fieldError(['values'], 'Give "values" as an object of metric key to number.'));
  } else if (Object.keys(body.values).length === 0) {
    errors.push(fieldError(['values'], 'Give at least one value.'));
  } else {
    for (const [key, raw] of Object.entries(body.values)) {
      const metric = byKey.get(key);
      if (!metric) {
        errors.push(fieldError(['values', key], 'Unknown metric key.'));
        continue;
      }
      const cell = toCell(raw);
      if (!cell) {
        errors.push(fieldError(['values', key], metric.kind === 'progress' ? 'Give a number, or {"done": n, "total": n}.' : 'Give a number.'));
        continue;
      }
      if (cell.done !== undefined && metric.kind !== 'progress') {
        errors.push(fieldError(['values', key], 'Only progress metrics take done and total; give a number.'));
        continue;
      }
      cells[key] = cell;
    }
  }

  const parsed = weekEntrySchema(metrics).safeParse({ weekStart: '2000-01-03', baseVersion: 0, intent: 'save', values: cells });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [, key, part] = issue.path.map(String);
      errors.push(fieldError(part && part !== 'value' ? ['values', key, part] : ['values', key], localize(issue.message, 'en')));
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors };
  return { ok: true, data: { values: parsed.data.values, reason: reason.data ?? '' } };
}

export type PublishBody = { reason: string; confirmMissing: boolean };

/** `POST …/publish`: an empty body, or `{ "confirmMissing"?: boolean, "reason"?: string }`. */
export function parsePublishBody(body: unknown): Parsed<PublishBody> {
  if (body === undefined) return { ok: true, data: { reason: '', confirmMissing: false } };
  const schema = z.strictObject({ confirmMissing: z.boolean({ error: 'Give true or false.' }).default(false), reason: reasonSchema.default('') });
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.flatMap((i) =>
      i.code === 'unrecognized_keys' ? i.keys.map((k) => fieldError([k], 'Unknown field; the body takes "confirmMissing" and "reason".')) : [fieldError(i.path.map(String), localize(i.message, 'en'))],
    ),
  };
}
