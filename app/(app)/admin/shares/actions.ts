'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { createShareLink, revokeShareLink, rotateShareLink } from '@/db/queries/share-links';
import { getWeekNumbering } from '@/db/queries/settings';
import { checkRole } from '@/lib/auth';
import { getEnv } from '@/lib/env';
import { shareUrl, requestOrigin } from '@/lib/share/url';
import { newShareLinkSchema, shareLinkIdSchema } from '@/lib/share/validation';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { getTranslator } from '@/lib/i18n/server';
import { shareFormInput } from '@/lib/validation/form-input';

type NewShareValues = { label: string; expiresIn: string; fromWeek: string; toWeek: string; asOf: string };
/** The URL travels to the admin's browser once, in this result, and is never stored. */
export type IssuedShareResult<V = Record<string, string>> = ActionResult<V, { url: string }>;

async function absolute(path: string): Promise<string> {
  const env = getEnv();
  return shareUrl(path, env.BASE_URL ?? requestOrigin(await headers(), `http://localhost:${env.PORT}`));
}

export async function createShareLinkAction(_prev: IssuedShareResult<NewShareValues> | null, form: FormData): Promise<IssuedShareResult<NewShareValues>> {
  const { lang, t } = await getTranslator();
  const values = shareFormInput(form);
  const admin = await checkRole('admin');
  if (!admin) return failure(t('shares.onlyAdminsCreate'), values);
  const parsed = newShareLinkSchema(getWeekNumbering()).safeParse(values);
  if (!parsed.success) return failure(t('shares.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  const issued = createShareLink(parsed.data, admin);
  revalidatePath('/admin/shares');
  return { ok: true, message: t('shares.createdMessage', { label: parsed.data.label }), url: await absolute(issued.path) };
}

export async function revokeShareLinkAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { t } = await getTranslator();
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('shares.onlyAdminsRevoke'), values);
  const id = shareLinkIdSchema.safeParse(values.id);
  if (!id.success) return failure(t('shares.notFound'), values);
  const outcome = revokeShareLink(id.data, admin);
  if (outcome === 'not_found') return failure(t('shares.notFound'), values);
  revalidatePath('/admin/shares');
  return { ok: true, message: outcome === 'ok' ? t('shares.revoked') : t('shares.alreadyRevoked') };
}

export async function rotateShareLinkAction(_prev: IssuedShareResult | null, form: FormData): Promise<IssuedShareResult> {
  const { t } = await getTranslator();
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('shares.onlyAdminsRotate'), values);
  const id = shareLinkIdSchema.safeParse(values.id);
  if (!id.success) return failure(t('shares.notFound'), values);
  const issued = rotateShareLink(id.data, admin);
  if (issued === 'not_found') return failure(t('shares.notFound'), values);
  if (issued === 'revoked') return failure(t('shares.revokedCannotRotate'), values);
  revalidatePath('/admin/shares');
  return { ok: true, message: t('shares.rotated'), url: await absolute(issued.path) };
}
