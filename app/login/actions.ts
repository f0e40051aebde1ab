'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getAuth } from '@/db/auth';
import { clearLoginFailures, getLockedUntil, recordLoginFailure } from '@/db/queries/login-throttle';
import { translator } from '@/lib/i18n/messages';
import { getLanguage } from '@/lib/i18n/server';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { loginSchema, safeReturnPath } from '@/lib/validation/auth';

export type LoginValues = { email: string; next: string };

export async function loginAction(_prev: ActionResult<LoginValues> | null, form: FormData): Promise<ActionResult<LoginValues>> {
  const t = translator(await getLanguage());
  const values = { email: String(form.get('email') ?? ''), next: safeReturnPath(form.get('next')) };
  const parsed = loginSchema.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return failure(t('login.invalid'), values, fieldErrorsOf(parsed.error));

  const { email, password } = parsed.data;
  // The lock is per account key whether or not the account exists, so it reveals nothing.
  const lockedUntil = getLockedUntil(email);
  if (lockedUntil) {
    const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - Date.now()) / 60_000));
    return failure(t('login.locked', { minutes }), values);
  }
  try {
    await getAuth().api.signInEmail({ body: { email, password, rememberMe: true }, headers: await headers() });
  } catch {
    recordLoginFailure(email);
    return failure(t('login.failed'), values);
  }
  clearLoginFailures(email);
  redirect(values.next);
}

export async function logoutAction(): Promise<void> {
  await getAuth()
    .api.signOut({ headers: await headers() })
    .catch(() => undefined);
  redirect('/login');
}
