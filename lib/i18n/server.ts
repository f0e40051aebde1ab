import { cookies, headers } from 'next/headers';
import type { Language } from '../constants';
import { translator } from './messages';

export const LANGUAGE_COOKIE = 'weekline.lang';
export const THEME_COOKIE = 'weekline.theme';

export async function getTheme(): Promise<'dark' | 'light'> {
  return (await cookies()).get(THEME_COOKIE)?.value === 'dark' ? 'dark' : 'light';
}

/** The remembered choice, else the browser's preference, else Chinese (the team's language). */
export function pickLanguage(cookieValue: string | undefined, acceptLanguage: string | null): Language {
  if (cookieValue === 'zh' || cookieValue === 'en') return cookieValue;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().split(';')[0].toLowerCase())
    .find((tag) => tag.startsWith('zh') || tag.startsWith('en'));
  return preferred?.startsWith('en') ? 'en' : 'zh';
}

export async function getLanguage(): Promise<Language> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return pickLanguage(c.get(LANGUAGE_COOKIE)?.value, h.get('accept-language'));
}

export async function getTranslator() {
  const lang = await getLanguage();
  return { lang, t: translator(lang) };
}
