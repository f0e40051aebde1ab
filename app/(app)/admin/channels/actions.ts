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
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { z } from 'zod';

type NewChannelValues = { kind: string; url: string; label: string };

export async function addChannelAction(_prev: ActionResult<NewChannelValues> | null, form: FormData): Promise<ActionResult<NewChannelValues>> {
  const secret = String(form.get('secret') ?? '');
  // The secret is never echoed back to the form, even on failure.
  const values = { kind: String(form.get('kind') ?? ''), url: String(form.get('url') ?? ''), label: String(form.get('label') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can add channels.', values);
  const parsed = newChannelSchema(getEnv().WEBHOOK_ALLOW_HOSTS).safeParse({ ...values, secret });
  if (!parsed.success) return failure('No channel was added: check the highlighted fields.', values, fieldErrorsOf(parsed.error));
  addChannel(parsed.data, admin);
  revalidatePath('/admin/channels');
  return { ok: true, message: `Added "${parsed.data.label}". Each published week now goes there.` };
}

export async function removeChannelAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can remove channels.', values);
  const id = channelIdSchema.safeParse(values.id);
  if (!id.success || removeChannel(id.data, admin) === 'not_found') return failure('That channel does not exist.', values);
  revalidatePath('/admin/channels');
  return { ok: true, message: 'Removed: nothing more is sent there.' };
}

export async function testChannelAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = { id: String(form.get('id') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can send test messages.', values);
  const id = channelIdSchema.safeParse(values.id);
  if (!id.success) return failure('That channel does not exist.', values);
  const outcome = await sendTestMessage(getDb(), id.data, getEnv().WEBHOOK_ALLOW_HOSTS);
  if (outcome === 'not_found') return failure('That channel does not exist.', values);
  return outcome.ok ? { ok: true, message: 'Test message sent.' } : failure(`The test message failed: ${outcome.error}`, values);
}

const settingsForm = z.object({ language: z.enum(LANGUAGES, 'Choose 中文 or English.'), reminder: reminderSettingSchema });
type SettingsValues = { language: string; enabled: string; day: string; time: string; timeZone: string };

export async function saveDigestSettingsAction(_prev: ActionResult<SettingsValues> | null, form: FormData): Promise<ActionResult<SettingsValues>> {
  const values = {
    language: String(form.get('language') ?? ''),
    enabled: form.get('enabled') ? 'on' : '',
    day: String(form.get('day') ?? ''),
    time: String(form.get('time') ?? ''),
    timeZone: String(form.get('timeZone') ?? '').trim(),
  };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can change digest settings.', values);
  const parsed = settingsForm.safeParse({ language: values.language, reminder: { enabled: values.enabled === 'on', day: values.day, time: values.time, timeZone: values.timeZone } });
  if (!parsed.success) {
    // Field names on the form are flat: reminder.time → time.
    const errors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [k.replace(/^reminder\./, ''), v]));
    return failure('Nothing was saved: check the highlighted fields.', values, errors);
  }
  putDigestSettings(parsed.data);
  revalidatePath('/admin/channels');
  return { ok: true, message: 'Saved.' };
}
