'use server';

import { revalidatePath } from 'next/cache';
import { insertMetric, updateMetric } from '@/db/queries/catalogue-admin';
import { checkRole } from '@/lib/auth';
import { metricSchema, metricUpdateSchema } from '@/lib/validation/admin';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';

const FIELDS = ['key', 'labelZh', 'labelEn', 'unit', 'decimals', 'direction', 'kind', 'sortOrder', 'version'] as const;

function read(form: FormData): Record<string, string> {
  return Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '')]));
}

export async function addMetricAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = read(form);
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can change the catalogue.', values);
  const parsed = metricSchema.safeParse({ ...values, required: form.get('required') === 'on' });
  if (!parsed.success) return failure('Nothing was saved: check the highlighted fields.', values, fieldErrorsOf(parsed.error));
  if (insertMetric(parsed.data, admin) === 'duplicate_key') return failure('Nothing was saved.', values, { key: ['This key is taken.'] });
  revalidatePath('/', 'layout');
  return { ok: true, message: `Added ${parsed.data.key}.` };
}

export async function updateMetricAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = read(form);
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can change the catalogue.', values);
  const parsed = metricUpdateSchema.safeParse({ ...values, required: form.get('required') === 'on', archived: form.get('archived') === 'on' });
  if (!parsed.success) return failure('Nothing was saved: check the highlighted fields.', values, fieldErrorsOf(parsed.error));
  const outcome = updateMetric(parsed.data, admin);
  if (outcome === 'conflict') return failure('Someone else changed this metric meanwhile; reload the page to see their change.', values);
  if (outcome === 'not_found') return failure('This metric no longer exists.', values);
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Saved.' };
}
