// The share-link form and CLI input: a label, an expiry and an optional fixed range of weeks, each week
// given as a label (or a date) in the configured numbering and stored as its Monday. Messages are catalogue
// keys: the admin page renders them in the reader's language, the CLI in English.
import { z } from '@/lib/validation/zod';
import { key } from '../i18n/key';
import { plainText } from '../validation/text';
import { parseWeek, type WeekNumbering } from '../weeks';
import { SHARE_EXPIRIES } from './expiry';

export function newShareLinkSchema(numbering: WeekNumbering) {
  const week = z
    .string(key('error.share.weekTooLong'))
    .trim()
    .max(32, key('error.share.weekTooLong'))
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const start = parseWeek(v, numbering);
      if (!start) ctx.addIssue({ code: 'custom', message: key('error.share.week', { value: v }) });
      return start;
    });
  return z
    .object({
      label: plainText(key('error.share.label')).trim().min(1, key('error.share.label')).max(100, key('error.share.labelTooLong')),
      expiresIn: z.enum(SHARE_EXPIRIES, key('error.share.expiry')),
      fromWeek: week,
      toWeek: week,
      // What the link shows by default (issue 14): the figures as first published, or as they are now.
      asOf: z.enum(['current', 'reported'], key('error.share.asOf')).default('current'),
    })
    .refine((v) => !v.fromWeek || !v.toWeek || v.fromWeek <= v.toWeek, { path: ['toWeek'], message: key('error.share.range') });
}

export type NewShareLink = z.output<ReturnType<typeof newShareLinkSchema>>;

export const shareLinkIdSchema = z.coerce.number().int().positive();
