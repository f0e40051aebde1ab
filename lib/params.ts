import { isAllowedWeekStart, parseWeekLabel, type WeekNumbering, type WeekStart } from './weeks';

/** Decodes a route segment; a malformed escape (`%E0%A4%A`) is "no such page", not a server error. */
export function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * The week a `/weeks/<label>`-style URL names, or null (the page answers 404): a malformed escape, a label
 * that is not a week, or a week outside the range a report may be about (`9999-W01`, `0001-W01`).
 */
export function routeWeek(raw: string, numbering: WeekNumbering, now: Date = new Date()): WeekStart | null {
  const decoded = decodeSegment(raw);
  const weekStart = decoded === null ? null : parseWeekLabel(decoded, numbering);
  return weekStart && isAllowedWeekStart(weekStart, now) ? weekStart : null;
}
