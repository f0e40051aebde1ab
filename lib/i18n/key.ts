// A message as a catalogue key with its values, for schemas and actions that must not hold text (issue 15):
// `key('error.share.week', { value: 'x' })` is 'error.share.week|{"value":"x"}', the same encoding as
// messageKey in form-labels.ts, rendered by localize()/localizeErrors() in the reader's language. Only the
// key type is imported, so modules a client component imports (lib/api/scopes.ts) do not pull the catalogue.
import type { MessageKey } from './messages';

export type MessageParams = Record<string, string | number>;

export function key(name: MessageKey, params?: MessageParams): string {
  return params ? `${name}|${JSON.stringify(params)}` : name;
}
