// The weekly form's input, as typed (strings), validated against the metric catalogue.
// Shared by the form action, the paste import and the CSV import so all three accept the same values.
import { z } from '@/lib/validation/zod';
import { GRADES, GRADE_STATUSES, type MetricKind } from '../constants';
import { roundTo } from '../format';
import { currentWeekStart, isRealDateTime, weekStartProblem, type WeekProblem } from '../weeks';
import { reportEntrySchema } from './report-entry';
import { plainText } from './text';

export interface EntryMetric {
  key: string;
  kind: MetricKind;
  decimals: number;
}

const DECIMAL_RE = /^-?\d+(\.\d+)?$/;
const MAX_DECIMALS = 4;

const trimmed = z.string().max(64).transform((s) => s.trim());

function decimalsOf(text: string): number {
  return text.includes('.') ? text.split('.')[1].length : 0;
}

/** '' → null; otherwise a number of the metric's kind, with a message a person can act on. */
export function valueCell(kind: MetricKind) {
  return trimmed.transform((text, ctx) => {
    if (text === '') return null;
    const cleaned = kind === 'rate' || kind === 'progress' ? text.replace(/%$/, '') : text;
    if (!DECIMAL_RE.test(cleaned)) {
      ctx.addIssue({ code: 'custom', message: 'error.number' });
      return z.NEVER;
    }
    const n = Number(cleaned);
    if (kind === 'count') {
      if (!Number.isInteger(n) || n < 0) ctx.addIssue({ code: 'custom', message: 'error.wholeNumber' });
    } else if (kind === 'rate' || kind === 'progress') {
      if (n < 0 || n > 100) ctx.addIssue({ code: 'custom', message: 'error.percentage' });
      if (decimalsOf(cleaned) > MAX_DECIMALS) ctx.addIssue({ code: 'custom', message: 'error.decimals4' });
    } else {
      if (n < 0) ctx.addIssue({ code: 'custom', message: 'error.nonNegative' });
      if (decimalsOf(cleaned) > MAX_DECIMALS) ctx.addIssue({ code: 'custom', message: 'error.decimals4' });
    }
    return n;
  });
}

const countCell = trimmed.transform((text, ctx) => {
  if (text === '') return null;
  if (!/^\d+$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: 'error.wholeNumber' });
    return z.NEVER;
  }
  return Number(text);
});

const incidentSchema = z
  .object({
    id: z.number().int().positive().optional(),
    title: plainText().trim().min(1, { error: 'error.describeEvent' }).max(300, { error: 'error.max300' }),
    startedAt: z.string().trim().refine(isRealDateTime, { error: 'error.startDateTime' }),
    endedAt: z
      .string()
      .trim()
      .refine((s) => s === '' || isRealDateTime(s), { error: 'error.endDateTime' })
      .transform((s) => s || null),
    durationMinutes: countCell,
    grade: z.enum(['', ...GRADES], { error: 'error.grade' }).transform((g) => g || null),
    gradeStatus: z.enum(['', ...GRADE_STATUSES], { error: 'error.gradeStatus' }).transform((g) => g || null),
    cause: plainText().trim().max(2000, { error: 'error.max2000' }),
    handling: plainText().trim().max(2000, { error: 'error.max2000' }),
  })
  .superRefine((e, ctx) => {
    if (e.endedAt && e.endedAt < e.startedAt) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'error.endBeforeStart' });
    }
    if (e.endedAt && e.durationMinutes !== null && durationBetween(e.startedAt, e.endedAt) !== e.durationMinutes) {
      ctx.addIssue({ code: 'custom', path: ['durationMinutes'], message: 'error.durationMismatch' });
    }
    if (e.grade && !e.gradeStatus) {
      ctx.addIssue({ code: 'custom', path: ['gradeStatus'], message: 'error.gradeStatusMissing' });
    }
    if (!e.grade && e.gradeStatus) {
      ctx.addIssue({ code: 'custom', path: ['grade'], message: 'error.gradeMissing' });
    }
  })
  .transform((e) => ({
    ...e,
    durationMinutes: e.durationMinutes ?? (e.endedAt ? durationBetween(e.startedAt, e.endedAt) : null),
  }));

export type IncidentInput = z.output<typeof incidentSchema>;

/** Whole minutes between two wall-clock `yyyy-MM-ddTHH:mm` times (no zone: both are local). */
export function durationBetween(start: string, end: string): number {
  const ms = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10), +s.slice(11, 13), +s.slice(14, 16));
  return Math.round((ms(end) - ms(start)) / 60_000);
}

const optionalText = z.string().default('');

const WEEK_PROBLEMS: Record<WeekProblem, string> = {
  not_date: 'error.weekDate',
  not_monday: 'error.weekMonday',
  too_early: 'error.weekTooEarly',
  too_late: 'error.weekTooLate',
};

/** A real Monday from 2000-01-03 to a year after the current week (lib/weeks.ts weekStartProblem). */
const weekStartField = z.string().superRefine((s, ctx) => {
  const problem = weekStartProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: WEEK_PROBLEMS[problem] });
});

export function weekEntrySchema(metrics: readonly EntryMetric[]) {
  const valueShape = Object.fromEntries(
    metrics.map((m) =>
      [
        m.key,
        z
          .object({
            value: optionalText.pipe(valueCell(m.kind)),
            done: optionalText.pipe(countCell),
            total: optionalText.pipe(countCell),
          })
          .superRefine((c, ctx) => progressRules(m, c, ctx))
          .optional(),
      ] as const,
    ),
  );
  return z.object({
    weekStart: weekStartField,
    baseVersion: z.number().int().min(0),
    intent: z.enum(['draft', 'publish', 'save']),
    confirmMissing: z.boolean().default(false),
    reason: plainText().trim().max(500, { error: 'error.reasonMax500' }).default(''),
    notes: plainText().max(10_000, { error: 'error.notesMax' }).default(''),
    internalNotes: plainText().max(10_000, { error: 'error.notesMax' }).default(''),
    values: z
      .object(valueShape)
      .default({})
      .transform((cells) => deriveValues(metrics, cells)),
    incidents: z.array(incidentSchema).max(100, { error: 'error.eventsMax' }).default([]),
    /** The whole report's part (issue 13); absent: the report is untouched. */
    report: reportEntrySchema.optional(),
  })
  .superRefine((e, ctx) => {
    // A week that has not started yet has no figures to publish; drafts for it are fine.
    if (e.intent === 'publish' && e.weekStart > currentWeekStart()) {
      ctx.addIssue({ code: 'custom', path: ['weekStart'], message: 'error.weekNotStarted' });
    }
  });
}

export type WeekEntry = z.output<ReturnType<typeof weekEntrySchema>>;
export type WeekEntryValue = { value: number; done: number | null; total: number | null };

type Cell = { value: number | null; done: number | null; total: number | null };

function progressRules(m: EntryMetric, c: Cell, ctx: z.RefinementCtx): void {
  if (m.kind !== 'progress') {
    if (c.done !== null || c.total !== null) ctx.addIssue({ code: 'custom', path: ['done'], message: 'error.countsProgressOnly' });
    return;
  }
  if (c.total !== null && c.total === 0) ctx.addIssue({ code: 'custom', path: ['total'], message: 'error.totalPositive' });
  if (c.done !== null && c.total !== null && c.done > c.total) {
    ctx.addIssue({ code: 'custom', path: ['done'], message: 'error.doneOverTotal' });
  }
  if (c.done !== null && c.total === null) ctx.addIssue({ code: 'custom', path: ['total'], message: 'error.totalToo' });
}

/** Progress with done and total: the percentage is derived from them, never typed twice. */
function deriveValues(metrics: readonly EntryMetric[], cells: Partial<Record<string, Cell>>): Record<string, WeekEntryValue> {
  const out: Record<string, WeekEntryValue> = {};
  for (const m of metrics) {
    const c = cells[m.key];
    if (!c) continue;
    const derived = c.done !== null && c.total !== null && c.total > 0 ? roundTo((c.done / c.total) * 100, m.decimals) : null;
    const value = derived ?? c.value;
    if (value !== null) out[m.key] = { value, done: c.done, total: c.total };
  }
  return out;
}
