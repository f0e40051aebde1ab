'use server';

import { revalidatePath } from 'next/cache';
import { addChannel, removeChannel } from '@/db/queries/channels';
import { sendTestMessage } from '@/db/queries/deliver';
import { putDigestSettings } from '@/db/queries/digest-settings';
import { getDb } from '@/db/index';
import { checkRole } from '@/lib/auth';
import { getEnv } from '@/lib/env';
import { LANGUAGES } from '@/lib/constants';
import { channelIdSchema, newChannelSchema } from '@/lib/digest/channel-input';
import { reminderSettingSchema } from '@/lib/digest/reminder';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { key } from '@/lib/i18n/key';
import { getTranslator } from '@/lib/i18n/server';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { z } from 'zod';

type NewChannelValues = { kind: string; url: string; label: string };

export async function addChannelAction(_prev: ActionResult<NewChannelValues> | null, form: FormData): Promise<ActionResult<NewChannelValues>> {
  const { lang, t } = await getTranslator();
  const secret = String(form.get('secret') ?? '');
  // The secret is never echoed back to the form, even on failure.
  const values = { kind: String(form.get('kind') ?? ''), url: String(form.get('url') ?? ''), label: String(form.get('label') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('channels.onlyAdminsAdd'), values);
  const parsed = newChannelSchema(getEnv().WEBHOOK_ALLOW_HOSTS).safeParse({ ...values, secret });
  if (!parsed.success) return failure(t('channels.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  addChannel(parsed.data, admin);
  revalidatePath('/admin/channels');
  return { ok: true, message: t('channels.added', { label: parsed.data.label }) };
}

export async function removeChannelAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { t } = await getTranslator();
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('channels.onlyAdminsRemove'), values);
  const id = channelIdSchema.safeParse(values.id);
  if (!id.success || removeChannel(id.data, admin) === 'not_found') return failure(t('channels.notFound'), values);
  revalidatePath('/admin/channels');
  return { ok: true, message: t('channels.removed') };
}

export async function testChannelAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { t } = await getTranslator();
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('channels.onlyAdminsTest'), values);
  const id = channelIdSchema.safeParse(values.id);
  if (!id.success) return failure(t('channels.notFound'), values);
  const outcome = await sendTestMessage(getDb(), id.data, getEnv().WEBHOOK_ALLOW_HOSTS);
  if (outcome === 'not_found') return failure(t('channels.notFound'), values);
  // The provider's answer (an HTTP status, a timeout) is a diagnostic, quoted as the transport gave it.
  return outcome.ok ? { ok: true, message: t('channels.testSent') } : failure(t('channels.testFailed'), values, {}, outcome.error);
}

const settingsForm = z.object({ language: z.enum(LANGUAGES, key('error.digest.language')), reminder: reminderSettingSchema });
type SettingsValues = { language: string; enabled: string; day: string; time: string; timeZone: string };

export async function saveDigestSettingsAction(_prev: ActionResult<SettingsValues> | null, form: FormData): Promise<ActionResult<SettingsValues>> {
  const { lang, t } = await getTranslator();
  const values = {
    language: String(form.get('language') ?? ''),
    enabled: form.get('enabled') ? 'on' : '',
    day: String(form.get('day') ?? ''),
    time: String(form.get('time') ?? ''),
    timeZone: String(form.get('timeZone') ?? '').trim(),
  };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('channels.onlyAdminsSettings'), values);
  const parsed = settingsForm.safeParse({ language: values.language, reminder: { enabled: values.enabled === 'on', day: values.day, time: values.time, timeZone: values.timeZone } });
  if (!parsed.success) {
    // Field names on the form are flat: reminder.time → time.
    const errors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [k.replace(/^reminder\./, ''), v]));
    return failure(t('channels.settingsInvalid'), values, localizeErrors(errors, lang));
  }
  putDigestSettings(parsed.data);
  revalidatePath('/admin/channels');
  return { ok: true, message: t('channels.settingsSaved') };
}
