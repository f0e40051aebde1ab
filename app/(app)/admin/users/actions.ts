'use server';

import { revalidatePath } from 'next/cache';
import { getUserByEmail, insertUser, setUserDisabled, updateUserRole } from '@/db/queries/users';
import { checkRole } from '@/lib/auth';
import { newUserSchema, } from '@/lib/validation/auth';
import { roleChangeSchema } from '@/lib/validation/admin';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';

type NewUserValues = { email: string; name: string; role: string };

export async function createUserAction(_prev: ActionResult<NewUserValues> | null, form: FormData): Promise<ActionResult<NewUserValues>> {
  const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? ''), role: String(form.get('role') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can add users.', values);
  const parsed = newUserSchema.safeParse({ ...values, password: form.get('password') });
  if (!parsed.success) return failure('Nothing was saved: check the highlighted fields.', values, fieldErrorsOf(parsed.error));
  if (getUserByEmail(parsed.data.email)) return failure('Nothing was saved.', values, { email: ['A user with this email already exists.'] });
  await insertUser(parsed.data);
  revalidatePath('/admin/users');
  return { ok: true, message: `Added ${parsed.data.email} as ${parsed.data.role}.` };
}

const OUTCOME_MESSAGES = {
  last_admin: 'Weekline needs at least one active admin; make someone else admin first.',
  not_found: 'That user no longer exists.',
} as const;

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = { userId: String(form.get('userId') ?? ''), role: String(form.get('role') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can change roles.', values);
  const parsed = roleChangeSchema.safeParse(values);
  if (!parsed.success) return failure('Choose a valid role.', values, fieldErrorsOf(parsed.error));
  const outcome = updateUserRole(parsed.data.userId, parsed.data.role, admin);
  if (outcome !== 'ok') return failure(OUTCOME_MESSAGES[outcome], values);
  revalidatePath('/admin/users');
  return { ok: true, message: 'Role changed.' };
}

export async function setDisabledAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const values = { userId: String(form.get('userId') ?? ''), disabled: String(form.get('disabled') ?? '') };
  const admin = await checkRole('admin');
  if (!admin) return failure('Only admins can disable users.', values);
  if (values.userId === admin.userId) return failure('You cannot disable yourself.', values);
  const outcome = setUserDisabled(values.userId, values.disabled === 'true', admin);
  if (outcome !== 'ok') return failure(OUTCOME_MESSAGES[outcome], values);
  revalidatePath('/admin/users');
  return { ok: true, message: values.disabled === 'true' ? 'User disabled; their sessions have ended.' : 'User enabled.' };
}
