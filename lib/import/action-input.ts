// What the import page's actions accept. Kept out of the 'use server' file: schemas are shared values.
import { z } from '@/lib/validation/zod';
import type { Language } from '../constants';
import { MAX_REPORT_CHARS, reportTooLong } from '../report/limits';

export function reportTextSchemaFor(lang: Language) {
  return z.object({
    text: z
      .string({ error: 'Paste a report first.' })
      .superRefine((text, ctx) => {
        if (text.length > MAX_REPORT_CHARS) ctx.addIssue({ code: 'custom', message: reportTooLong(text.length, lang), abort: true });
      })
      .trim()
      .min(1, { error: 'Paste a report first.' }),
  });
}

export function importReportInputSchemaFor(lang: Language) {
  return reportTextSchemaFor(lang).extend({
    intent: z.enum(['draft', 'publish']),
    /** The stored version the preview showed: a save by anyone since then is a conflict. */
    baseVersion: z.number().int().min(0),
    confirmMissing: z.boolean().default(false),
    reason: z.string().trim().max(500, { error: 'Keep the reason under 500 characters.' }).default(''),
    /** The preview's matches the user changed (issue 13): plan key → an existing id, or "new". */
    choices: z.record(z.string().max(40), z.union([z.literal('new'), z.number().int().positive()])).refine((r) => Object.keys(r).length <= 1000, { error: 'Too many choices.' }).default({}),
  });
}

export const reportTextSchema = reportTextSchemaFor('en');
export const importReportInputSchema = importReportInputSchemaFor('en');

export type ImportReportInput = z.input<typeof importReportInputSchema>;
