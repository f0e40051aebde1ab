// The CSV export's query string: optional `from` / `to` week labels under the configured numbering.
import { z } from '@/lib/validation/zod';
import { parseWeekLabel, type WeekNumbering, type WeekStart } from '../weeks';

function weekParam(numbering: WeekNumbering) {
  return z
    .string()
    .trim()
    .max(16, { error: 'Use a week label such as 2023-W29.' })
    .optional()
    .transform((raw, ctx): WeekStart | undefined => {
      if (!raw) return undefined;
      const week = parseWeekLabel(raw, numbering);
      if (!week) ctx.addIssue({ code: 'custom', message: `"${raw}" is not a week label such as 2023-W29.` });
      return week ?? undefined;
    });
}

export function exportQuerySchema(numbering: WeekNumbering) {
  return z
    .object({ from: weekParam(numbering), to: weekParam(numbering) })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'The last week is before the first.' });
}
