'use server';

import { revalidatePath } from 'next/cache';
import { getWeekNumbering } from '@/db/queries/settings';
import { setTarget } from '@/db/queries/targets';
import { checkRole } from '@/lib/auth';
import { targetFormSchema } from '@/lib/validation/admin';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { getTranslator } from '@/lib/i18n/server';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { parseWeek, weekLabel } from '@/lib/weeks';
import { targetFormInput } from '@/lib/validation/form-input';

type TargetValues = { metricKey: string; effectiveFrom: string; target: string; warning: string };

export async function setTargetAction(_prev: ActionResult<TargetValues> | null, form: FormData): Promise<ActionResult<TargetValues>> {
  const { lang, t } = await getTranslator();
  const values = targetFormInput(form);
  const admin = await checkRole('admin');
  if (!admin) return failure(t('targets.onlyAdmins'), values);
  const numbering = getWeekNumbering();
  const parsed = targetFormSchema(numbering).safeParse(values);
  const week = parsed.success ? parseWeek(parsed.data.effectiveFrom, numbering) : null;
  if (!parsed.success || !week) return failure(t('targets.invalid'), values, localizeErrors(parsed.success ? {} : fieldErrorsOf(parsed.error), lang));
  const outcome = setTarget({ ...parsed.data, effectiveFrom: week }, admin);
  if (outcome !== 'ok') return failure(t('targets.unknownMetric'), values, { metricKey: [t('error.target.metric')] });
  revalidatePath('/', 'layout');
  return { ok: true, message: t('targets.set', { week: weekLabel(week, numbering) }) };
}
