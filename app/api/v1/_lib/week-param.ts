import { getWeekNumbering } from '@/db/queries/settings';
import { parseWeek, type WeekStart } from '@/lib/weeks';

/** `{label}` of /api/v1/weeks/{label}: a week label as the app shows it (2023-W29) or any date in the week. */
export function weekOfParam(label: string): WeekStart | null {
  const text = label.trim();
  return text.length <= 32 ? parseWeek(text, getWeekNumbering()) : null;
}
