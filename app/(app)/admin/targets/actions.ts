'use server';

import { revalidatePath } from 'next/cache';
import { getWeekNumbering } from '@/db/queries/settings';
import { setTarget } from '@/db/queries/targets';
import { checkRole } from '@/lib/auth';
import { targetSchema } from '@/lib/validation/admin';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { key } from '@/lib/i18n/key';
import { getTranslator } from '@/lib/i18n/server';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { parseWeek, weekLabel } from '@/lib/weeks';
import { targetFormInput } from '@/lib/validation/form-input';

type TargetValues = { metricKey: string; effectiveFrom: string; target: string; warning: string };

export async function setTargetAction(_prev: ActionResult<TargetValues> | null, form: FormData): Promise<ActionResult<TargetValues>> {
  const { lang, t } = await getTranslator();
  const values = {
    metricKey: String(form.get('metricKey') ?? ''),
    effectiveFrom: String(form.get('effectiveFrom') ?? ''),
    target: String(form.get('target') ?? ''),
    warning: String(form.get('warning') ?? ''),
  };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('targets.onlyAdmins'), values);
  const parsed = targetSchema.safeParse(targetFormInput(form));
  const numbering = getWeekNumbering();
  const week = parseWeek(values.effectiveFrom, numbering);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // An empty week already has the schema's message: say it once.
  if (!week && !errors.effectiveFrom) (errors.effectiveFrom ??= []).push(key('error.target.week'));
  if (!parsed.success || !week) return failure(t('targets.invalid'), values, localizeErrors(errors, lang));
  const outcome = setTarget({ ...parsed.data, effectiveFrom: week }, admin);
  if (outcome !== 'ok') return failure(t('targets.unknownMetric'), values, { metricKey: [t('error.target.metric')] });
  revalidatePath('/', 'layout');
  return { ok: true, message: t('targets.set', { week: weekLabel(week, numbering) }) };
}
