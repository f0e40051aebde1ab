// The admin pages' words, handed from the server pages to the client forms: a view of the one catalogue
// (lib/i18n/messages.ts, keys 'admin.*'); no text lives here.
import type { Language } from '../constants';
import { translator, type MessageKey } from './messages';

const NAMES = ["usersTitle", "addUser", "email", "name", "role", "password", "addUserButton", "roleOf", "changeRole", "enable", "disable", "status", "access", "active", "disabled", "targetsTitle", "targetsHelp", "metric", "fromWeek", "target", "warning", "warningShort", "setTarget", "always", "metricsTitle", "metricsHelp", "addMetric", "addMetricButton", "key", "unit", "decimals", "better", "kind", "order", "required", "archived", "save"] as const;

/** The words for stored values (roles, directions, kinds), by value: `l.names.higher` is "越高越好". */
export type AdminLabels = Record<(typeof NAMES)[number], string> & { names: Record<string, string> };

const VALUE_KEYS: Record<string, MessageKey> = {
  admin: 'role.admin',
  editor: 'role.editor',
  viewer: 'role.viewer',
  higher: 'better.higher',
  lower: 'better.lower',
  rate: 'kind.rate',
  count: 'kind.count',
  score: 'kind.score',
  progress: 'kind.progress',
  availability: 'kind.availability',
};

export function adminLabels(lang: Language): AdminLabels {
  const t = translator(lang);
  const names = Object.fromEntries(Object.entries(VALUE_KEYS).map(([v, k]) => [v, t(k)]));
  return { ...(Object.fromEntries(NAMES.map((n) => [n, t(`admin.${n}` as MessageKey)])) as Record<(typeof NAMES)[number], string>), names };
}

export const ADMIN_LABELS: Record<Language, AdminLabels> = { en: adminLabels('en'), zh: adminLabels('zh') };
