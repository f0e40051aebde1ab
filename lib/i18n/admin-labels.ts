// The admin pages' words, handed from the server pages to the client forms: a view of the one catalogue
// (lib/i18n/messages.ts, keys 'admin.*'); no text lives here.
import type { Language } from '../constants';
import { translator, type MessageKey } from './messages';

const NAMES = ["usersTitle", "addUser", "email", "name", "role", "password", "addUserButton", "roleOf", "changeRole", "enable", "disable", "status", "access", "active", "disabled", "targetsTitle", "targetsHelp", "metric", "fromWeek", "target", "warning", "warningShort", "setTarget", "always", "metricsTitle", "metricsHelp", "addMetric", "addMetricButton", "key", "unit", "decimals", "better", "kind", "order", "required", "archived", "save"] as const;

export type AdminLabels = Record<(typeof NAMES)[number], string>;

export function adminLabels(lang: Language): AdminLabels {
  const t = translator(lang);
  return Object.fromEntries(NAMES.map((n) => [n, t(`admin.${n}` as MessageKey)])) as AdminLabels;
}

export const ADMIN_LABELS: Record<Language, AdminLabels> = { en: adminLabels('en'), zh: adminLabels('zh') };
