// The admin forms' input. Every message is a catalogue key (lib/i18n/catalogue/admin.ts), rendered in the
// reader's language by the action that parses.
import { z } from '@/lib/validation/zod';
import { DIRECTIONS, METRIC_KINDS, ROLES } from '../constants';
import { key } from '../i18n/key';
import { plainText } from './text';
import { parseWeek, type WeekNumbering } from '../weeks';

export const targetSchema = z.object({
  metricKey: z.string({ error: key('error.target.metric') }).min(1, { error: key('error.target.metric') }),
  effectiveFrom: z.string({ error: key('error.target.firstWeek') }).trim().min(1, { error: key('error.target.firstWeek') }),
  target: z
    .string({ error: key('error.target.target') })
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, { error: key('error.target.target') })
    .transform(Number),
  warning: z
    .string({ error: key('error.target.warning') })
    .trim()
    .transform((s) => s || null)
    .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, { error: key('error.target.warning') }).transform(Number).nullable()),
});

/** The target form as both sides check it: the schema, and a week that names a real week in the numbering. */
export function targetFormSchema(numbering: WeekNumbering) {
  return targetSchema.extend({
    effectiveFrom: targetSchema.shape.effectiveFrom.refine((s) => s === '' || parseWeek(s, numbering) !== null, { error: key('error.target.week') }),
  });
}

const decimals = key('error.metric.decimals');
const wholeNumber = key('error.metric.sortOrder');

export const metricSchema = z.object({
  key: z
    .string({ error: key('error.metric.key') })
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,48}$/, { error: key('error.metric.key') }),
  labelZh: plainText({ error: key('error.metric.labelZh') }).trim().min(1, { error: key('error.metric.labelZh') }).max(60, { error: key('error.metric.labelZhTooLong') }),
  labelEn: plainText({ error: key('error.metric.labelEn') }).trim().min(1, { error: key('error.metric.labelEn') }).max(80, { error: key('error.metric.labelEnTooLong') }),
  unit: plainText({ error: key('error.metric.unitTooLong') }).trim().max(12, { error: key('error.metric.unitTooLong') }),
  decimals: z.coerce.number({ error: decimals }).int({ error: decimals }).min(0, { error: decimals }).max(4, { error: decimals }),
  direction: z.enum(DIRECTIONS, { error: key('error.metric.direction') }),
  kind: z.enum(METRIC_KINDS, { error: key('error.metric.kind') }),
  sortOrder: z.coerce
    .number({ error: wholeNumber })
    .int({ error: wholeNumber })
    .min(0, { error: key('error.metric.sortOrderRange') })
    .max(100_000, { error: key('error.metric.sortOrderRange') }),
  required: z.boolean({ error: key('metrics.invalid') }),
});

export const metricUpdateSchema = metricSchema.omit({ key: true, kind: true }).extend({
  key: z.string({ error: key('metrics.notFound') }).min(1, { error: key('metrics.notFound') }),
  version: z.coerce.number({ error: key('error.metric.version') }).int({ error: key('error.metric.version') }).min(1, { error: key('error.metric.version') }),
  archived: z.boolean({ error: key('metrics.invalid') }),
});

export const roleChangeSchema = z.object({
  userId: z.string({ error: key('error.auth.user') }).min(1, { error: key('error.auth.user') }),
  role: z.enum(ROLES, { error: key('error.auth.role') }),
});
