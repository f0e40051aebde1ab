// The reading pages' view of one week's whole report, and its computed highlights.
import type { Language } from '@/lib/constants';
import { computeHighlights, type Highlight, type HighlightFinding, type HighlightInitiative } from '@/lib/kpi/highlights';
import { EMPTY_REPORT, type ReportView } from '@/lib/report/view';
import { addWeeks, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { getCatalogue, getSeries } from './dashboard';

/** The week's whole report as the reading pages show it (internal parts included: callers filter for shares). */
export function getReportView(weekStart: WeekStart, db: Db = getDb()): ReportView {
  void weekStart;
  void db;
  return EMPTY_REPORT;
}

/** Each initiative's progress over the 13 weeks ending at `weekStart`, for the "no progress" highlight. */
export function initiativeHistory(weekStart: WeekStart, db: Db = getDb()): HighlightInitiative[] {
  void weekStart;
  void db;
  return [];
}

export interface HighlightsRequest {
  weekStart: WeekStart;
  lang: Language;
  /** The week's own values when it is not published yet (an editor reading a draft). */
  current?: Record<string, { value: number }>;
  findings?: readonly HighlightFinding[];
  /** Leave out what share links may not show. */
  publicOnly?: boolean;
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
  const findings = req.findings ?? getReportView(req.weekStart, db).findings.filter((f) => !req.publicOnly || !f.internal);
  return computeHighlights({ metrics, targets, weeks: range.weeks, series, lang: req.lang, initiatives: initiativeHistory(req.weekStart, db), findings });
}
