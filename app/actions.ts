'use server';

import { cookies } from 'next/headers';
import { LANGUAGE_COOKIE, THEME_COOKIE } from '@/lib/i18n/server';

/** Remembers the language for a year; the page re-renders in it at once. */
export async function setLanguageAction(form: FormData): Promise<void> {
  const lang = form.get('lang') === 'en' ? 'en' : 'zh';
  (await cookies()).set(LANGUAGE_COOKIE, lang, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
}

/** Dark or light, remembered for a year. */
export async function setThemeAction(form: FormData): Promise<void> {
  const theme = form.get('theme') === 'dark' ? 'dark' : 'light';
  (await cookies()).set(THEME_COOKIE, theme, { path: '/', maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true });
}
