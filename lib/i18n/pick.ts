import type { Language } from '../constants';

/** The remembered choice, else the browser's preference, else Chinese (the team's language). */
export function pickLanguage(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Language {
  if (cookieValue === 'zh' || cookieValue === 'en') return cookieValue;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.trim().split(';')[0].toLowerCase())
    .find((tag) => tag.startsWith('zh') || tag.startsWith('en'));
  return preferred?.startsWith('en') ? 'en' : 'zh';
}
