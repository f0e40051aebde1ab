// Calendar arithmetic for the event log: spans across midnight or days, and the year an event belongs to.
import { parseDate, toDateString } from '../weeks';
import type { LoggedIncident } from './incidents';
import type { ParsedIncident, ReportWarning } from './types';
import { key } from '@/lib/i18n/key';

/** Whole days from one month/day to a later one, across New Year if the end's month is earlier. */
export function daysBetween(m1: number, d1: number, m2: number, d2: number, y = 2000): number | null {
  if (m2 < 1 || m2 > 12 || d2 < 1 || d2 > 31) return null;
  // Without the year (2000, a leap year) a span over February's end may read a day long; dateIncidents redoes it.
  const start = Date.UTC(y, m1 - 1, d1);
  const end = Date.UTC(m2 < m1 ? y + 1 : y, m2 - 1, d2);
  const days = Math.round((end - start) / 86_400_000);
  return days >= 0 && days <= 31 ? days : null;
}

export function spanMinutes(h1: number, m1: number, h2: number, m2: number, days: number | null = null): number | undefined {
  if (h2 > 23 || m2 > 59) return undefined;
  const diff = h2 * 60 + m2 - (h1 * 60 + m1);
  if (days !== null) return diff + days * 24 * 60 >= 0 ? diff + days * 24 * 60 : undefined;
  return diff >= 0 ? diff : diff + 24 * 60; // an end before the start ran past midnight
}

/** Dates the logged events; a December event in an early-January report is from the year before. */
export function dateIncidents(
  logged: LoggedIncident[],
  reportDate: Date | null,
): { incidents: ParsedIncident[]; warnings: ReportWarning[] } {
  const warnings: ReportWarning[] = [];
  const incidents: ParsedIncident[] = [];
  for (const e of logged) {
    let year = e.year;
    if (year === null && reportDate) {
      year = reportDate.getFullYear() - (e.month - (reportDate.getMonth() + 1) > 6 ? 1 : 0);
    }
    const when = `${String(e.month).padStart(2, '0')}/${String(e.day).padStart(2, '0')}`;
    if (year === null) {
      warnings.push({ code: 'incident_no_year', message: key('warn.eventNoYear', { when }) });
      continue;
    }
    const date = year >= 1900 && year <= 2999 ? parseDate(`${year}-${e.month}-${e.day}`) : null;
    if (!date) {
      warnings.push({ code: 'incident_invalid_date', message: key('warn.eventBadDate', { when: `${year}/${when}` }) });
      continue;
    }
    const time = `${String(e.hour).padStart(2, '0')}:${String(e.minute).padStart(2, '0')}`;
    let durationMinutes = e.durationMinutes;
    if (e.spanEnd) {
      const days = daysBetween(e.month, e.day, e.spanEnd.month, e.spanEnd.day, year);
      durationMinutes = days === null ? durationMinutes : spanMinutes(e.hour, e.minute, e.spanEnd.hour, e.spanEnd.minute, days);
    }
    incidents.push({
      startedAt: `${toDateString(date)}T${time}`,
      ...(durationMinutes !== undefined ? { durationMinutes } : {}),
      grade: e.grade,
      gradeStatus: e.gradeStatus,
      title: e.title,
      cause: e.cause,
      handling: e.handling,
    });
  }
  // Logs are not always in time order; the stable sort keeps same-minute events as written.
  incidents.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  return { incidents, warnings };
}
