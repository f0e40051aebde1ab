import { cookies, headers } from 'next/headers';
import type { Language } from '../constants';
import { translator, type MessageKey } from './messages';
import { pickLanguage } from './pick';

export { pickLanguage };

export const LANGUAGE_COOKIE = 'weekline.lang';
export const THEME_COOKIE = 'weekline.theme';

export async function getTheme(): Promise<'dark' | 'light'> {
  return (await cookies()).get(THEME_COOKIE)?.value === 'dark' ? 'dark' : 'light';
}

export async function getLanguage(): Promise<Language> {
  const [c, h] = await Promise.all([cookies(), headers()]);
  return pickLanguage(c.get(LANGUAGE_COOKIE)?.value, h.get('accept-language'));
}

export async function getTranslator() {
  const lang = await getLanguage();
  return { lang, t: translator(lang) };
}

/** A page's title in the reader's language (the layout adds " · Weekline"). */
export async function pageTitle(key: MessageKey, params?: Record<string, string | number>): Promise<string> {
  return translator(await getLanguage())(key, params);
}
