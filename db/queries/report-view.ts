// The reading pages' view of one week's whole report, and its computed highlights.
import type { Language } from '@/lib/constants';
import { computeHighlights, overdueAsOf, type Highlight, type HighlightInitiative } from '@/lib/kpi/highlights';
import { toReportView, type ReportView } from '@/lib/report/view';
import { addWeeks, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { getCatalogue, getSeries } from './dashboard';
import { getWeekReport, listObjectivesBoard, type ReportReadOptions } from './report';
import { sharedRead } from './shared-reads';

const SIGNED_IN: ReportReadOptions = { includeInternal: true };

/** The week's whole report as the reading pages show it; share links read it without internal parts. */
export function getReportView(weekStart: WeekStart, lang: Language, options: ReportReadOptions, db: Db = getDb()): ReportView {
  return toReportView(getWeekReport(weekStart, options, db), lang);
}

/** Each initiative's progress over the 13 weeks ending at `weekStart`, for the "no progress" highlight. */
export function initiativeHistory(weekStart: WeekStart, options: ReportReadOptions, db: Db = getDb()): HighlightInitiative[] {
  return listObjectivesBoard(weekStart, 13, db, options).objectives.flatMap((o) =>
    o.initiatives.filter((i) => !i.archived).map((i) => ({ title: i.title, progress: i.progress, status: i.latest?.status ?? null })),
  );
}

/** Today (yyyy-MM-dd, UTC): the day a running week's findings are overdue by. */
export const today = () => new Date().toISOString().slice(0, 10);

export interface HighlightsRequest {
  weekStart: WeekStart;
  lang: Language;
  /** The week's own values when it is not published yet (an editor reading a draft). */
  current?: Record<string, { value: number }>;
  /** The report view already read for the page (its findings). */
  report: ReportView;
  options: ReportReadOptions;
}

/** The highlights of a week: KPIs over the 13 weeks up to it, stalled initiatives, overdue findings. */
export function getWeekHighlights(req: HighlightsRequest, db: Db = getDb()): Highlight[] {
  const { metrics, targets } = getCatalogue(db);
  const range = getSeries({ from: addWeeks(req.weekStart, -12), to: req.weekStart }, db);
  const series: Record<string, Array<number | null>> = { ...range.series };
  if (req.current) {
    const last = range.weeks.length - 1;
    for (const m of metrics) {
      const v = req.current[m.key]?.value;
      if (v === undefined) continue;
      series[m.key] = [...(series[m.key] ?? new Array<number | null>(range.weeks.length).fill(null))];
      series[m.key][last] = v;
    }
  }
  return computeHighlights({
    metrics,
    targets,
    weeks: range.weeks,
    series,
    lang: req.lang,
    initiatives: initiativeHistory(req.weekStart, req.options, db),
    findings: req.report.findings,
    asOf: overdueAsOf(req.weekStart, today()),
  });
}

/** A week's report as signed-in readers see it (internal parts included), shared until the next write. */
export function loadSignedInReportView(weekStart: WeekStart, lang: Language, db: Db = getDb()): ReportView {
  return sharedRead(`report-view:${weekStart}:${lang}:signed-in`, () => getReportView(weekStart, lang, SIGNED_IN, db), db);
}

/**
 * A published week's highlights for signed-in readers (the dashboard's latest week, a week page), shared
 * while the data and the day stay the same: they read 13 weeks of every metric and the initiatives' history.
 */
export function loadSignedInHighlights(weekStart: WeekStart, lang: Language, db: Db = getDb()): Highlight[] {
  const day = today();
  return sharedRead(`highlights:${weekStart}:${lang}:${day}`, () => getWeekHighlights({ weekStart, lang, report: loadSignedInReportView(weekStart, lang, db), options: SIGNED_IN }, db), db);
}
