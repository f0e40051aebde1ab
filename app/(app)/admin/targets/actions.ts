'use server';

import { revalidatePath } from 'next/cache';
import { getWeekNumbering } from '@/db/queries/settings';
import { setTarget } from '@/db/queries/targets';
import { checkRole } from '@/lib/auth';
import { targetSchema } from '@/lib/validation/admin';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { parseWeek, weekLabel } from '@/lib/weeks';

type TargetValues = { metricKey: string; effectiveFrom: string; target: string; warning: string };

export async function setTargetAction(_prev: ActionResult<TargetValues> | null, form: FormData): Promise<ActionResult<TargetValues>> {
  const values = {
    metricKey: String(form.get('metricKey') ?? ''),
    effectiveFrom: String(form.get('effectiveFrom') ?? ''),
    target: String(form.get('target') ?? ''),
    warning: String(form.get('warning') ?? ''),
  };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can set targets.', values);
  const parsed = targetSchema.safeParse(values);
  const numbering = getWeekNumbering();
  const week = parseWeek(values.effectiveFrom, numbering);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!week) (errors.effectiveFrom ??= []).push('Enter a week such as 2024-W27, or a date in it.');
  if (!parsed.success || !week) return failure('Nothing was saved: check the highlighted fields.', values, errors);
  const outcome = setTarget({ ...parsed.data, effectiveFrom: week }, admin);
  if (outcome !== 'ok') return failure('That metric does not exist.', values, { metricKey: ['Choose a metric.'] });
  revalidatePath('/', 'layout');
  return { ok: true, message: `Target set from ${weekLabel(week, numbering)} on.` };
}
