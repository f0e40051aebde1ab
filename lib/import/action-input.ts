// What the import page's actions accept. Kept out of the 'use server' file: schemas are shared values.
import { z } from 'zod';
import { MAX_REPORT_CHARS } from '../report/parse-report';

export const reportTextSchema = z.object({
  text: z
    .string({ error: 'Paste a report first.' })
    .trim()
    .min(1, { error: 'Paste a report first.' })
    .max(MAX_REPORT_CHARS, { error: `A report is at most ${MAX_REPORT_CHARS.toLocaleString('en')} characters.` }),
});

export const importReportInputSchema = reportTextSchema.extend({
  intent: z.enum(['draft', 'publish']),
  /** The stored version the preview showed: a save by anyone since then is a conflict. */
  baseVersion: z.number().int().min(0),
  confirmMissing: z.boolean().default(false),
  reason: z.string().trim().max(500, { error: 'Keep the reason under 500 characters.' }).default(''),
});

export type ImportReportInput = z.input<typeof importReportInputSchema>;
