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

// Messages from older callers (the API, the CLI) still arrive as the English catalogue text: found by value.
const BY_ENGLISH = new Map<string, MessageKey>(
  (Object.entries(MESSAGES.en) as [MessageKey, string][]).filter(([k]) => k.startsWith('error.')).map(([k, v]) => [v, k]),
);

/** A message key ('error.draftSaved', with `{...}` params after a '|' as JSON) or catalogue English, in `lang`. */
export function localize(message: string, lang: Language): string {
  const t = translator(lang);
  const [head, rawParams] = message.split('|', 2);
  const params = rawParams ? (JSON.parse(rawParams) as Record<string, string | number>) : undefined;
  if (head in MESSAGES.en) return t(head as MessageKey, params);
  const key = BY_ENGLISH.get(message);
  return key ? t(key) : message;
}

/** `messageKey('error.fieldsNeedFixing', { count: 2 })`: a key with values, rendered later by localize. */
export function messageKey(key: MessageKey, params?: Record<string, string | number>): string {
  return params ? `${key}|${JSON.stringify(params)}` : key;
}

export function localizeErrors(errors: Record<string, string[]>, lang: Language): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((m) => localize(m, lang))]));
}
