// The weekly form's words, handed from the server page to the client form: a view of the one catalogue
// (lib/i18n/messages.ts, keys 'form.*'), plus the rendering of validation and save messages, which are
// catalogue keys ('error.*') in the schemas and actions. No text lives here.
import type { Language } from '../constants';
import { MESSAGES, translator, type MessageKey } from './messages';

const NAMES = ["values", "events", "noEvents", "event", "title", "cause", "handling", "start", "end", "duration", "grade", "gradeNone", "gradeStatus", "estimated", "final", "remove", "add", "done", "total", "optional", "lastWeek", "target", "dp", "notes", "internalNotes", "reason", "published", "draft", "unpublish", "saveChanges", "republish", "saveDraft", "publish", "publishAnyway", "missing", "version", "points"] as const;

export type FormLabels = Record<(typeof NAMES)[number], string>;

export function formLabels(lang: Language): FormLabels {
  const t = translator(lang);
  return Object.fromEntries(NAMES.map((n) => [n, t(`form.${n}` as MessageKey)])) as FormLabels;
}

export const FORM_LABELS: Record<Language, FormLabels> = { en: formLabels('en'), zh: formLabels('zh') };

/**
 * A message key ('error.draftSaved', with `{...}` params after a '|' as JSON), in `lang`. Anything else is
 * shown as it is: text from outside (a provider's reply, a file's own words) is never guessed at.
 */
export function localize(message: string, lang: Language): string {
  const bar = message.indexOf('|');
  const head = bar < 0 ? message : message.slice(0, bar);
  if (!(head in MESSAGES.en)) return message;
  let params: Record<string, string | number> | undefined;
  try {
    params = bar < 0 ? undefined : (JSON.parse(message.slice(bar + 1)) as Record<string, string | number>);
  } catch {
    return message;
  }
  return translator(lang)(head as MessageKey, params);
}

/** `messageKey('error.fieldsNeedFixing', { count: 2 })`: a key with values, rendered later by localize (one encoding: ./key.ts). */
export { key as messageKey } from './key';

export function localizeErrors(errors: Record<string, string[]>, lang: Language): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((m) => localize(m, lang))]));
}
