// A stored week as the team's Markdown report (zh or en), the whole report included: the week page's copy /
// download.
import type { Language } from '@/lib/constants';
import { renderReportMarkdown } from '@/lib/report/render-markdown';
import { storedWeekToRenderable } from '@/lib/report/stored-week';
import { weekReportToWhole } from '@/lib/report/stored-report';
import { weekDay, weekLabel, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { listIncidents } from './incidents';
import { getWeekReport } from './report';
import { getWeekNumbering } from './settings';
import { getWeekValues } from './values';
import { getWeekRecord } from './weeks';

/** Null when the week is not stored, or is a draft and `publishedOnly`. */
export function getWeekMarkdown(weekStart: WeekStart, lang: Language, opts: { publishedOnly: boolean }, db: Db = getDb()): string | null {
  const record = getWeekRecord(weekStart, db);
  if (!record || (opts.publishedOnly && record.status !== 'published')) return null;
  const reportDate = weekDay(weekStart, 5);
  const week = storedWeekToRenderable({
    label: weekLabel(reportDate, getWeekNumbering(db)),
    reportDate,
    notes: record.notes,
    values: getWeekValues(weekStart, db),
    incidents: listIncidents(weekStart, db),
  });
  // The Markdown is the report the team sends around: nothing marked internal. The public notes stay as 【其他】.
  const whole = weekReportToWhole(getWeekReport(weekStart, { includeInternal: false }, db), lang);
  return renderReportMarkdown({ ...week, report: { ...whole, other: [...whole.other, ...week.report.other] } }, lang);
}
