// The paste import's size limit, shared by the form (checked before sending) and the server (zod).
import type { Language } from '../constants';
import { translator } from '../i18n/messages';

/** Real reports are a few KB; past this the paste is something else, and parsing it would only stall the form. */
export const MAX_REPORT_CHARS = 200_000;

/** "Report too long: N characters; the limit is M." in the reader's language. */
export function reportTooLong(length: number, lang: Language): string {
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return translator(lang)('import.tooLong', { n: length.toLocaleString(locale), max: MAX_REPORT_CHARS.toLocaleString(locale) });
}
