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

// The pages that take a week label: `/weeks/<label>`, `/weeks/<label>/print`, `/entry/<label>`, `/s/<token>/weeks/<label>`.
const WEEK_PATH_RE = /^\/(?:weeks|entry)\/([^/]+)(?:\/print)?\/?$|^\/s\/[^/]+\/weeks\/([^/]+)\/?$/;

/**
 * True when `pathname` is one of the week pages and its label is no allowed week under either numbering, so
 * the proxy can answer 404 itself: the pages stream (loading.tsx), and a not-found found while streaming
 * can no longer change the status from 200.
 */
export function isImpossibleWeekPath(pathname: string, now: Date = new Date()): boolean {
  const m = WEEK_PATH_RE.exec(pathname);
  if (!m) return false;
  const raw = m[1] ?? m[2];
  return routeWeek(raw, 'jan1', now) === null && routeWeek(raw, 'iso', now) === null;
}

/** URL query parameters in the shape page `searchParams` have (repeated keys become arrays). */
export function searchParamsRecord(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}
