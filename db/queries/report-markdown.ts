// The stored week as the team's Markdown report (zh, or en for readers): the CLI's export-report and the
// week page's copy/download both call this. Internal items, updates and notes are left out unless asked for.
import type { Language } from '@/lib/constants';
import { renderReportMarkdown } from '@/lib/report/render-markdown';
import { storedWeekToRenderable } from '@/lib/report/stored-week';
import { weekDay, weekLabel } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { listIncidents } from './incidents';
import { getWeekReport } from './report';
import { getWeekNumbering } from './settings';
import { getWeekValues } from './values';
import { getWeekRecord } from './weeks';

/** Null when the week is not stored. */
export function weekMarkdown(weekStart: string, lang: Language = 'zh', options: { includeInternal?: boolean } = {}, db: Db = getDb()): string | null {
  const record = getWeekRecord(weekStart, db);
  if (!record) return null;
  const reportDate = weekDay(weekStart, 5);
  return renderReportMarkdown(
    storedWeekToRenderable({
      label: weekLabel(reportDate, getWeekNumbering(db)),
      reportDate,
      notes: record.notes,
      values: getWeekValues(weekStart, db),
      incidents: listIncidents(weekStart, db),
      report: getWeekReport(weekStart, { includeInternal: options.includeInternal ?? false }, db),
      lang,
    }),
    lang,
  );
}
