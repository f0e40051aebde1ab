'use server';

import { revalidatePath } from 'next/cache';
import { createApiKey, revokeApiKey } from '@/db/queries/api-keys';
import { apiKeyIdSchema, newApiKeySchema } from '@/lib/api/scopes';
import { checkRole } from '@/lib/auth';
import { getTranslator } from '@/lib/i18n/server';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { apiKeyFormInput } from '@/lib/validation/form-input';

type NewKeyValues = { label: string; scopes: string[]; expiresIn: string };
/** The key travels to the admin's browser once, in this result, and is never stored. */
export type IssuedKeyResult = ActionResult<NewKeyValues, { key: string }>;

export async function createApiKeyAction(_prev: IssuedKeyResult | null, form: FormData): Promise<IssuedKeyResult> {
  const { lang, t } = await getTranslator();
  const values = apiKeyFormInput(form);
  const admin = await checkRole('admin');
  if (!admin) return failure(t('apiKeys.onlyAdmins'), values);
  const now = new Date();
  const parsed = newApiKeySchema(now).safeParse(values);
  if (!parsed.success) return failure(t('apiKeys.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  const issued = createApiKey(parsed.data, admin, undefined, now);
  revalidatePath('/admin/api-keys');
  return { ok: true, message: t('apiKeys.createdMessage', { label: parsed.data.label }), key: issued.key };
}

export async function revokeApiKeyAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { t } = await getTranslator();
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('apiKeys.onlyAdmins'), values);
  const id = apiKeyIdSchema.safeParse(values.id);
  if (!id.success) return failure(t('apiKeys.notFound'), values);
  const outcome = revokeApiKey(id.data, admin);
  if (outcome === 'not_found') return failure(t('apiKeys.notFound'), values);
  revalidatePath('/admin/api-keys');
  return { ok: true, message: t(outcome === 'ok' ? 'apiKeys.revokedMessage' : 'apiKeys.alreadyRevoked') };
}
