// The report part of a week's save (issue 13), as the form, the paste import and the CLI send it. Optional
// as a whole (absent: the report is untouched) and part by part:
// - `reflection` absent: untouched.
// - `items` absent: untouched; present: the week's whole list of focus / other / next-week items, in order
//   (an item with `id` is a stored one as the editor left it; without, a new one; a stored one left out is removed).
// - `updates`, `findingNotes`, `planChecks`: only the listed ones change (`remove` / outcome null clears one);
//   an initiative, finding or plan item not listed is untouched.
// Text is Markdown-lite (lists, bold, links, shown text-safe), control characters stripped, every error at once.
import { z } from '@/lib/validation/zod';
import { FINDING_STATUSES, INITIATIVE_STATUSES, PLAN_OUTCOMES, WEEK_ITEM_SECTIONS } from '../report/model';
import { plainText } from './text';

export const REPORT_LIMITS = { itemText: 2000, updateText: 5000, reflection: 10_000, reason: 500, items: 200, updates: 500 } as const;

const id = z.number().int().positive();

/** '' / null → null; otherwise a percentage 0–100 (a number or its text, "40" or "40%"). */
const progressField = z
  .union([z.number(), z.string().max(16), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined) return null;
    const text = typeof v === 'number' ? String(v) : v.trim().replace(/%$/, '');
    if (text === '') return null;
    const n = Number(text);
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || n > 100) {
      ctx.addIssue({ code: 'custom', message: 'error.report.enterAProgressFrom0' });
      return z.NEVER;
    }
    return n;
  });

const itemSchema = z.object({
  id: id.optional(),
  section: z.enum(WEEK_ITEM_SECTIONS, { error: 'error.report.chooseFocusOtherOrNext' }),
  text: plainText().trim().min(1, { error: 'error.report.writeTheItemOrRemove' }).max(REPORT_LIMITS.itemText, { error: 'error.report.keepAnItemUnder2' }),
  internal: z.boolean().default(false),
  carriedFrom: id.nullable().default(null),
});

const updateSchema = z.object({
  initiativeId: id,
  status: z.enum(INITIATIVE_STATUSES, { error: 'error.report.chooseAStatus' }),
  progress: progressField,
  text: plainText().trim().max(REPORT_LIMITS.updateText, { error: 'error.report.keepAnUpdateUnder5' }).default(''),
  internal: z.boolean().default(false),
  remove: z.boolean().default(false),
});

const findingNoteSchema = z.object({
  findingId: id,
  status: z.enum(FINDING_STATUSES, { error: 'error.report.chooseAStatus' }),
  text: plainText().trim().max(REPORT_LIMITS.updateText, { error: 'error.report.keepANoteUnder5' }).default(''),
  internal: z.boolean().default(false),
  remove: z.boolean().default(false),
});

const planCheckSchema = z
  .object({
    itemId: id,
    outcome: z.enum(PLAN_OUTCOMES, { error: 'error.report.chooseDonePartlyOrNot' }).nullable(),
    reason: plainText().trim().max(REPORT_LIMITS.reason, { error: 'error.reasonMax500' }).default(''),
  })
  // A plan item partly done or not done says why (issue 13, "planned last week").
  .superRefine((c, ctx) => {
    if ((c.outcome === 'partly' || c.outcome === 'not_done') && c.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'error.report.sayWhyItWasNot' });
    }
  });

function unique<T>(list: readonly T[] | undefined, key: (t: T) => number | undefined, path: string, ctx: z.RefinementCtx): void {
  const seen = new Set<number>();
  list?.forEach((t, i) => {
    const k = key(t);
    if (k === undefined) return;
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [path, i], message: 'error.report.listedTwice' });
    seen.add(k);
  });
}

export const reportEntrySchema = z
  .object({
    reflection: plainText().trim().max(REPORT_LIMITS.reflection, { error: 'error.report.keepTheReflectionUnder10' }).optional(),
    items: z.array(itemSchema).max(REPORT_LIMITS.items, { error: 'error.report.atMost200ItemsA' }).optional(),
    updates: z.array(updateSchema).max(REPORT_LIMITS.updates, { error: 'error.report.atMost500UpdatesA' }).default([]),
    findingNotes: z.array(findingNoteSchema).max(REPORT_LIMITS.updates, { error: 'error.report.atMost500NotesA' }).default([]),
    planChecks: z.array(planCheckSchema).max(REPORT_LIMITS.items, { error: 'error.report.atMost200PlanChecks' }).default([]),
  })
  .superRefine((r, ctx) => {
    unique(r.items, (i) => i.id, 'items', ctx);
    unique(r.updates, (u) => u.initiativeId, 'updates', ctx);
    unique(r.findingNotes, (n) => n.findingId, 'findingNotes', ctx);
    unique(r.planChecks, (c) => c.itemId, 'planChecks', ctx);
  });

export type ReportEntry = z.output<typeof reportEntrySchema>;
export type ReportEntryInput = z.input<typeof reportEntrySchema>;
export type ReportItemEntry = ReportEntry['items'] extends (infer T)[] | undefined ? T : never;
export type InitiativeUpdateEntry = ReportEntry['updates'][number];
export type FindingNoteEntry = ReportEntry['findingNotes'][number];
export type PlanCheckEntry = ReportEntry['planChecks'][number];
