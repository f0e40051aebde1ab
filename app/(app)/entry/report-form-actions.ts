'use server';

// The weekly form's audited lifecycle actions (issue 13): add, rename and archive an initiative; add a finding.
// Each checks the editor role itself, validates with zod (every error at once) and is audited by
// db/queries/report-admin.ts. Weekly updates and notes are not here: they ride in the week's own save.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createFinding, createInitiative, setInitiativeArchived, updateInitiative } from '@/db/queries/report-admin';
import { AuthorizationError, requireRole } from '@/lib/auth';
import { localize, localizeErrors } from '@/lib/i18n/form-labels';
import { getLanguage } from '@/lib/i18n/server';
import { fieldErrorsOf } from '@/lib/validation/result';
import { plainText } from '@/lib/validation/text';
import { parseDate, weekStartProblem } from '@/lib/weeks';
import type { LifecycleResult } from '@/components/report-form/types';

const id = z.number().int().positive();
const title = plainText().trim().min(1, { error: 'Give it a title.' }).max(300, { error: 'Keep it under 300 characters.' });
const owner = plainText().trim().max(100, { error: 'Keep it under 100 characters.' }).default('');

const newInitiative = z.object({ objectiveId: id, parentId: id.nullable().default(null), title, owner });
const rename = z.object({ id, title });
const archive = z.object({ id });
const newFinding = z.object({
  title,
  source: plainText().trim().max(100, { error: 'Keep it under 100 characters.' }).default(''),
  owner,
  due: z.string().trim().refine((s) => s === '' || (/^\d{4}-\d\d-\d\d$/.test(s) && parseDate(s) !== null), { error: 'Enter a date like 2026-12-31.' }).default(''),
  weekStart: z.string().refine((s) => weekStartProblem(s) === null, { error: 'Not a week.' }),
});

type Done = { ok: true; id?: number; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

async function run<S extends z.ZodType>(schema: S, payload: unknown, write: (input: z.output<S>, actor: { userId: string; email: string }) => Done): Promise<LifecycleResult> {
  const lang = await getLanguage();
  let principal;
  try {
    principal = await requireRole('editor');
  } catch (error) {
    if (error instanceof AuthorizationError) return { ok: false, message: localize('You are not allowed to edit weeks.', lang) };
    throw error;
  }
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const n = Object.keys(fieldErrors).length;
    return { ok: false, message: localize(`Nothing was saved: ${n} field${n === 1 ? ' needs' : 's need'} fixing.`, lang), fieldErrors: localizeErrors(fieldErrors, lang) };
  }
  const done = write(parsed.data, { userId: principal.userId, email: principal.email });
  if (done.ok) revalidatePath('/', 'layout');
  return { ...done, message: localize(done.message, lang) };
}

export async function addInitiativeAction(payload: unknown): Promise<LifecycleResult> {
  return run(newInitiative, payload, (input, actor) => ({ ok: true, id: createInitiative(input, actor), message: 'Saved.' }));
}

export async function renameInitiativeAction(payload: unknown): Promise<LifecycleResult> {
  return run(rename, payload, (input, actor) => (updateInitiative(input.id, { title: input.title }, actor) ? { ok: true, message: 'Saved.' } : { ok: false, message: 'That initiative no longer exists.' }));
}

export async function archiveInitiativeAction(payload: unknown): Promise<LifecycleResult> {
  return run(archive, payload, (input, actor) => (setInitiativeArchived(input.id, true, actor) ? { ok: true, message: 'Saved.' } : { ok: false, message: 'That initiative no longer exists.' }));
}

export async function addFindingAction(payload: unknown): Promise<LifecycleResult> {
  return run(newFinding, payload, (input, actor) => ({
    ok: true,
    id: createFinding({ title: input.title, source: input.source, owner: input.owner, dueDate: input.due || null, openedWeek: input.weekStart }, actor),
    message: 'Saved.',
  }));
}
