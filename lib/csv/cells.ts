// Zod schemas for one cell of the wide KPI CSV. A cell arrives as text; it leaves as a number or as one
// message saying what is wrong with it. Numbers are plain decimals: `1234.5`, never `1,234.5`, `1 234`,
// `1e3` or `99,5`; percentages may end in `%`.
import { z } from '@/lib/validation/zod';
import type { MetricKind } from '../constants';

/** Percentages take at most this many decimals (or the metric's own, when it keeps more). */
export const PERCENT_MAX_DECIMALS = 4;

const NUMBER_RE = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const PERCENT_SIGN_RE = /\s*[%％]$/;
const GROUPED_RE = /^-?\d{1,3}(?:[,\s\u00a0\u202f']\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA_RE = /^-?\d+,\d+$/;

/** Decimals actually written, trailing zeros aside: `99.50` has 1. */
function decimalsWritten(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

interface NumberText {
  percent: boolean;
  maxDecimals: number | null;
}

/** Text → number, or the reason it is not one. */
function readNumber(raw: string, opts: NumberText): number | string {
  let text = raw.trim();
  if (PERCENT_SIGN_RE.test(text)) {
    if (!opts.percent) return 'a % sign is only allowed for percentages';
    text = text.replace(PERCENT_SIGN_RE, '');
  }
  if (!NUMBER_RE.test(text)) {
    if (GROUPED_RE.test(text)) return 'write numbers without thousands separators';
    if (DECIMAL_COMMA_RE.test(text)) return 'use a decimal point, not a comma';
    return 'not a number';
  }
  if (opts.maxDecimals !== null && decimalsWritten(text) > opts.maxDecimals) {
    return `at most ${opts.maxDecimals} decimals`;
  }
  return Number(text);
}

function numberCell(opts: NumberText) {
  return z.string().transform((raw, ctx) => {
    const read = readNumber(raw, opts);
    if (typeof read === 'string') {
      ctx.issues.push({ code: 'custom', message: read, input: raw });
      return z.NEVER;
    }
    return read;
  });
}

const PERCENT = 'must be between 0 and 100';
const NON_NEGATIVE_INTEGER = 'must be a whole number, 0 or more';
const POSITIVE_INTEGER = 'must be a whole number above 0';
const NON_NEGATIVE = 'must be 0 or more';
/** `z.number()` also turns away Infinity, which is what 400 digits of text parse to. */
const num = () => z.number({ error: 'number too large' });

export type CellSchema = z.ZodType<number, string>;

/** The value column of a metric. */
export function valueCellSchema(kind: MetricKind, decimals: number): CellSchema {
  switch (kind) {
    case 'rate':
    case 'progress':
      return numberCell({ percent: true, maxDecimals: Math.max(PERCENT_MAX_DECIMALS, decimals) }).pipe(
        num().min(0, { error: PERCENT }).max(100, { error: PERCENT }),
      );
    case 'count':
      return numberCell({ percent: false, maxDecimals: null }).pipe(
        num().int({ error: NON_NEGATIVE_INTEGER }).min(0, { error: NON_NEGATIVE_INTEGER }),
      );
    case 'score':
      return numberCell({ percent: false, maxDecimals: null }).pipe(num().min(0, { error: NON_NEGATIVE }));
  }
}

/** `<key>_done`: a non-negative whole number. */
export const doneCellSchema: CellSchema = numberCell({ percent: false, maxDecimals: null }).pipe(
  num().int({ error: NON_NEGATIVE_INTEGER }).min(0, { error: NON_NEGATIVE_INTEGER }),
);

/** `<key>_total`: a whole number above 0. */
export const totalCellSchema: CellSchema = numberCell({ percent: false, maxDecimals: null }).pipe(
  num().int({ error: POSITIVE_INTEGER }).min(1, { error: POSITIVE_INTEGER }),
);

/** The cell's number, or the first message that explains why it is not acceptable. */
export function readCell(schema: CellSchema, raw: string): { ok: true; value: number } | { ok: false; message: string } {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, message: r.error.issues[0]?.message ?? 'invalid value' };
}
