'use server';
// Writes to the report's lasting entities (issue 13): add/rename/archive an initiative, add an objective,
// add/update a finding. Each checks the editor role itself, validates with zod (every error at once) and is
// audited (db/queries/report-admin.ts). The weekly updates and notes are saved with the week (saveWeekAction).
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { createFinding, createInitiative, ensureObjective, setInitiativeArchived, updateFinding, updateInitiative } from '@/db/queries/report-admin';
import { AuthorizationError, requireRole, type Principal } from '@/lib/auth';
import { localize, localizeErrors } from '@/lib/i18n/form-labels';
import { getLanguage } from '@/lib/i18n/server';
import { fieldErrorsOf } from '@/lib/validation/result';
import { plainText } from '@/lib/validation/text';

export type ReportActionResult = { ok: true; id: number } | { ok: false; kind: 'forbidden' | 'invalid' | 'not_found'; message: string; fieldErrors: Record<string, string[]> };

const id = z.number().int().positive();
const title = plainText().trim().min(1, { error: 'error.report.giveItATitle' }).max(200, { error: 'error.report.keepTheTitleUnder200' });
const owner = plainText().trim().max(80, { error: 'error.report.keepTheOwnerUnder80' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.report.enterADateLike2024' });
const week = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.report.enterTheWeekSMonday' });

const schemas = {
  objective: z.object({ code: z.string().trim().regex(/^O\d{1,2}$/, { error: 'error.report.aCodeLikeO1' }), titleZh: title, titleEn: plainText().trim().max(200).default(''), period: z.string().regex(/^\d{4}H[12]$/, { error: 'error.report.aHalfYearLike2024h1' }) }),
  initiative: z.object({ objectiveId: id, parentId: id.nullable().default(null), title, owner: owner.default('') }),
  rename: z.object({ id, title: title.optional(), owner: owner.optional(), parentId: id.nullable().optional(), sort: z.number().int().min(0).max(10_000).optional() }),
  archive: z.object({ id, archived: z.boolean() }),
  finding: z.object({ title, source: plainText().trim().max(200).default(''), owner: owner.default(''), dueDate: day.nullable().default(null), openedWeek: week }),
  updateFinding: z.object({ id, title: title.optional(), source: plainText().trim().max(200).optional(), owner: owner.optional(), dueDate: day.nullable().optional() }),
};

async function run<S extends z.ZodType>(schema: S, payload: unknown, write: (input: z.output<S>, actor: { userId: string; email: string }) => number | boolean): Promise<ReportActionResult> {
  const lang = await getLanguage();
  let principal: Principal;
  try {
    principal = await requireRole('editor');
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, kind: 'forbidden', message: localize('error.notAllowed', lang), fieldErrors: {} };
    throw error;
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, kind: 'invalid', message: localize('error.report.nothingWasSavedCheckThe', lang), fieldErrors: localizeErrors(fieldErrorsOf(parsed.error), lang) };
  const out = write(parsed.data, { userId: principal.userId, email: principal.email });
  if (out === false) return { ok: false, kind: 'not_found', message: localize('error.report.itNoLongerExists', lang), fieldErrors: {} };
  revalidatePath('/', 'layout');
  return { ok: true, id: typeof out === 'number' ? out : (parsed.data as { id: number }).id };
}

export async function createObjectiveAction(payload: unknown) {
  return run(schemas.objective, payload, (o, actor) => ensureObjective(o, actor, getDb()));
}
export async function createInitiativeAction(payload: unknown) {
  return run(schemas.initiative, payload, (i, actor) => createInitiative(i, actor, getDb()));
}
export async function updateInitiativeAction(payload: unknown) {
  return run(schemas.rename, payload, ({ id: target, ...change }, actor) => updateInitiative(target, change, actor));
}
export async function archiveInitiativeAction(payload: unknown) {
  return run(schemas.archive, payload, ({ id: target, archived }, actor) => setInitiativeArchived(target, archived, actor));
}
export async function createFindingAction(payload: unknown) {
  return run(schemas.finding, payload, (f, actor) => createFinding(f, actor, getDb()));
}
export async function updateFindingAction(payload: unknown) {
  return run(schemas.updateFinding, payload, ({ id: target, ...change }, actor) => updateFinding(target, change, actor));
}
