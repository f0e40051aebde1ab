// The share-link form and CLI input: a label, an expiry and an optional fixed range of weeks, each week
// given as a label (or a date) in the configured numbering and stored as its Monday.
import { z } from 'zod';
import { plainText } from '../validation/text';
import { parseWeek, type WeekNumbering } from '../weeks';
import { SHARE_EXPIRIES } from './expiry';

export function newShareLinkSchema(numbering: WeekNumbering) {
  const week = z
    .string()
    .trim()
    .max(32)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const start = parseWeek(v, numbering);
      if (!start) ctx.addIssue({ code: 'custom', message: `"${v}" is not a week; use a label such as 2024-W07.` });
      return start;
    });
  return z
    .object({
      label: plainText().trim().min(1, 'Give the link a label.').max(100, 'Keep the label under 100 characters.'),
      expiresIn: z.enum(SHARE_EXPIRIES, 'Choose an expiry.'),
      fromWeek: week,
      toWeek: week,
      // What the link shows by default (issue 14): the figures as first published, or as they are now.
      asOf: z.enum(['current', 'reported'], 'Choose current or as reported.').default('current'),
    })
    .refine((v) => !v.fromWeek || !v.toWeek || v.fromWeek <= v.toWeek, { path: ['toWeek'], message: 'The range ends before it starts.' });
}

export type NewShareLink = z.output<ReturnType<typeof newShareLinkSchema>>;

export const shareLinkIdSchema = z.coerce.number().int().positive();
