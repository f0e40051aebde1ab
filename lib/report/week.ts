// The report's week comes from its heading ("# 第29周 2023-07-15"), never from the "Created:" line,
// which is the export's date.
import { parseDate, toDateString, weekEnd, weekLabel, weekNumberOf, weekStartOf, type WeekNumbering } from '../weeks';
import { headingLevel, type ReportLine } from './text';
import type { ReportWarning, ReportWeek } from './types';
import { key } from '@/lib/i18n/key';

const WEEK_NO = /第\s{0,3}(\d{1,3})\s{0,3}周/;
const DATE = /(\d{4})\s{0,2}[-/.年]\s{0,2}(\d{1,2})\s{0,2}[-/.月]\s{0,2}(\d{1,2})/;

export interface WeekResult {
  week: ReportWeek | null;
  reportDate: Date | null;
  warnings: ReportWarning[];
}

export function parseWeek(lines: ReportLine[], numbering: WeekNumbering): WeekResult {
  const warnings: ReportWarning[] = [];
  let found: { date: Date; weekNo: number | null; heading: string } | null = null;

  for (const line of lines) {
    if (!headingLevel(line.norm)) continue;
    const m = DATE.exec(line.norm);
    if (!m) continue;
    const year = Number(m[1]);
    // Out-of-range years are typos, and far years would push date-fns to its edges.
    const date = year >= 1900 && year <= 2999 ? parseDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
    const heading = line.raw.trim();
    if (!date) {
      warnings.push({ code: 'invalid_date', message: key('warn.headingBadDate', { text: heading, date: m[0] }) });
      continue;
    }
    if (!found) {
      const w = WEEK_NO.exec(line.norm);
      found = { date, weekNo: w ? Number(w[1]) : null, heading };
    } else if (toDateString(date) !== toDateString(found.date)) {
      // Reports repeat the heading; two different dates mean a pasted mix of two reports.
      warnings.push({
        code: 'heading_conflict',
        message: key('warn.headingConflict', { text: heading, first: found.heading }),
      });
    }
  }

  if (!found) {
    warnings.push({
      code: 'no_week',
      message: key('warn.noWeek'),
    });
    return { week: null, reportDate: null, warnings };
  }

  const start = weekStartOf(found.date);
  const label = weekLabel(found.date, numbering);
  const computed = weekNumberOf(found.date, numbering).week;
  if (found.weekNo !== null && found.weekNo !== computed) {
    warnings.push({
      code: 'week_number_mismatch',
      message: key('warn.weekNumber', { weekNo: found.weekNo, date: toDateString(found.date), label, numbering }),
    });
  }
  return {
    week: { label, start, end: weekEnd(start), reportDate: toDateString(found.date) },
    reportDate: found.date,
    warnings,
  };
}
