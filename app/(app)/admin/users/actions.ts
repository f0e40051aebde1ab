'use server';

import { revalidatePath } from 'next/cache';
import { getUserByEmail, insertUser, setUserDisabled, updateUserRole } from '@/db/queries/users';
import { checkRole } from '@/lib/auth';
import { newUserSchema, } from '@/lib/validation/auth';
import { roleChangeSchema } from '@/lib/validation/admin';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { localizeErrors } from '@/lib/i18n/form-labels';
import type { MessageKey } from '@/lib/i18n/messages';
import { getTranslator } from '@/lib/i18n/server';
import { newUserFormInput, roleFormInput } from '@/lib/validation/form-input';

type NewUserValues = { email: string; name: string; role: string };

export async function createUserAction(_prev: ActionResult<NewUserValues> | null, form: FormData): Promise<ActionResult<NewUserValues>> {
  const { lang, t } = await getTranslator();
  const input = newUserFormInput(form);
  // Echoed back on a refusal: everything typed but the password.
  const { password: _password, ...values } = input;
  const admin = await checkRole('admin');
  if (!admin) return failure(t('users.onlyAdminsAdd'), values);
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) return failure(t('users.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  if (getUserByEmail(parsed.data.email)) return failure(t('users.nothingSaved'), values, { email: [t('users.emailTaken')] });
  await insertUser(parsed.data);
  revalidatePath('/admin/users');
  return { ok: true, message: t('users.added', { email: parsed.data.email, role: t(`role.${parsed.data.role}`) }) };
}

const OUTCOME_MESSAGES = { last_admin: 'users.lastAdmin', not_found: 'users.notFound' } as const satisfies Record<string, MessageKey>;

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { lang, t } = await getTranslator();
  const values = roleFormInput(form);
  const admin = await checkRole('admin');
  if (!admin) return failure(t('users.onlyAdminsRole'), values);
  const parsed = roleChangeSchema.safeParse(values);
  if (!parsed.success) return failure(t('users.chooseRole'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));
  const outcome = updateUserRole(parsed.data.userId, parsed.data.role, admin);
  if (outcome !== 'ok') return failure(t(OUTCOME_MESSAGES[outcome]), values);
  revalidatePath('/admin/users');
  return { ok: true, message: t('users.roleChanged') };
}

export async function setDisabledAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const { t } = await getTranslator();
  const values = { userId: String(form.get('userId') ?? ''), disabled: String(form.get('disabled') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure(t('users.onlyAdminsDisable'), values);
  if (values.userId === admin.userId) return failure(t('users.notYourself'), values);
  const outcome = setUserDisabled(values.userId, values.disabled === 'true', admin);
  if (outcome !== 'ok') return failure(t(OUTCOME_MESSAGES[outcome]), values);
  revalidatePath('/admin/users');
  return { ok: true, message: values.disabled === 'true' ? t('users.disabled') : t('users.enabled') };
}
