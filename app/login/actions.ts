'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getAuth } from '@/db/auth';
import { endSession } from '@/db/queries/session-end';
import { claimLoginAttempt, loginSucceeded } from '@/db/queries/login-throttle';
import { clientOf } from '@/lib/client-address';
import { translator } from '@/lib/i18n/messages';
import { localizeErrors } from '@/lib/i18n/form-labels';
import { getLanguage } from '@/lib/i18n/server';
import { failure, fieldErrorsOf, type ActionResult } from '@/lib/validation/result';
import { loginSchema, safeReturnPath } from '@/lib/validation/auth';

export type LoginValues = { email: string; next: string };

export async function loginAction(_prev: ActionResult<LoginValues> | null, form: FormData): Promise<ActionResult<LoginValues>> {
  const lang = await getLanguage();
  const t = translator(lang);
  const values = { email: String(form.get('email') ?? ''), next: safeReturnPath(form.get('next')) };
  const parsed = loginSchema.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return failure(t('login.invalid'), values, localizeErrors(fieldErrorsOf(parsed.error), lang));

  const { email, password } = parsed.data;
  const requestHeaders = await headers();
  // Counted before the password is checked, whether or not the account exists, so it reveals nothing
  // (db/queries/login-throttle.ts); a spent budget means the password is not checked at all.
  const attempt = claimLoginAttempt(email, clientOf(requestHeaders));
  if (!attempt.ok) {
    const minutes = Math.max(1, Math.ceil((attempt.retryAt.getTime() - Date.now()) / 60_000));
    return failure(t('login.locked', { minutes }), values);
  }
  try {
    await getAuth().api.signInEmail({ body: { email, password, rememberMe: true }, headers: requestHeaders });
  } catch {
    return failure(t('login.failed'), values);
  }
  loginSucceeded(attempt.claim);
  redirect(values.next);
}

export type LogoutResult = { message: string } | null;

/**
 * Ends the session on the server first, then clears the cookie. When the server cannot end it, the user is
 * told and stays signed in (able to try again), rather than seeing the login page while the session lives on.
 */
export async function logoutAction(_prev?: LogoutResult): Promise<LogoutResult> {
  const requestHeaders = await headers();
  try {
    const current = await getAuth().api.getSession({ headers: requestHeaders, query: { disableRefresh: true } });
    if (current) endSession(current.session.token);
  } catch {
    return { message: translator(await getLanguage())('logout.failed') };
  }
  // The row is gone; this only clears the cookie (better-auth ignores the session it no longer finds).
  await getAuth()
    .api.signOut({ headers: requestHeaders })
    .catch(() => undefined);
  redirect('/login');
}
