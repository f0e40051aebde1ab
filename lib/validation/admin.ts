import { z } from 'zod';
import { DIRECTIONS, METRIC_KINDS, ROLES } from '../constants';
import { plainText } from './text';

const number = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, { error: `${label}: enter a number.` })
    .transform(Number);

export const targetSchema = z
  .object({
    metricKey: z.string().min(1, { error: 'Choose a metric.' }),
    effectiveFrom: z.string().trim().min(1, { error: 'Enter the first week, e.g. 2024-W27.' }),
    target: number('Target'),
    warning: z
      .string()
      .trim()
      .transform((s) => s || null)
      .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, { error: 'Warning: enter a number or leave it empty.' }).transform(Number).nullable()),
  });

export const metricSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,48}$/, { error: 'Use lower-case letters, digits and _ (2–49 characters), starting with a letter.' }),
  labelZh: plainText().trim().min(1, { error: 'Enter the Chinese label.' }).max(60),
  labelEn: plainText().trim().min(1, { error: 'Enter the English label.' }).max(80),
  unit: plainText().trim().max(12),
  decimals: z.coerce.number({ error: 'Enter 0 to 4.' }).int({ error: 'Enter 0 to 4.' }).min(0, { error: 'Enter 0 to 4.' }).max(4, { error: 'Enter 0 to 4.' }),
  direction: z.enum(DIRECTIONS, { error: 'Choose higher or lower.' }),
  kind: z.enum(METRIC_KINDS, { error: 'Choose a kind.' }),
  sortOrder: z.coerce.number({ error: 'Enter a whole number.' }).int({ error: 'Enter a whole number.' }).min(0).max(100_000),
  required: z.boolean(),
});

export const metricUpdateSchema = metricSchema.omit({ key: true, kind: true }).extend({
  key: z.string().min(1),
  version: z.coerce.number().int().min(1),
  archived: z.boolean(),
});

export const roleChangeSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(ROLES, { error: 'Choose admin, editor or viewer.' }),
});
