'use server';

import { revalidatePath } from 'next/cache';
import { insertMetric, updateMetric } from '@/db/queries/catalogue-admin';
import { checkRole } from '@/lib/auth';
import { metricSchema, metricUpdateSchema } from '@/lib/validation/admin';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { getTranslator } from '@/lib/i18n/server';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { metricFormInput, metricTextInput, metricUpdateFormInput } from '@/lib/validation/form-input';

export async function addMetricAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { lang, t } = await getTranslator();
  const values = metricTextInput(form);
  const admin = await checkRole('admin');
  if (!admin) return failure(t('metrics.onlyAdmins'), values);
  const parsed = metricSchema.safeParse(metricFormInput(form));
  if (!parsed.success) return failure(t('metrics.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  if (insertMetric(parsed.data, admin) === 'duplicate_key') return failure(t('metrics.nothingSaved'), values, { key: [t('error.metric.keyTaken')] });
  revalidatePath('/', 'layout');
  return { ok: true, message: t('metrics.added', { key: parsed.data.key }) };
}

export async function updateMetricAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { lang, t } = await getTranslator();
  const values = metricTextInput(form);
  const admin = await checkRole('admin');
  if (!admin) return failure(t('metrics.onlyAdmins'), values);
  const parsed = metricUpdateSchema.safeParse(metricUpdateFormInput(form));
  if (!parsed.success) return failure(t('metrics.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  const outcome = updateMetric(parsed.data, admin);
  if (outcome === 'conflict') return failure(t('metrics.conflict'), values);
  if (outcome === 'not_found') return failure(t('metrics.notFound'), values);
  revalidatePath('/', 'layout');
  return { ok: true, message: t('metrics.saved') };
}
