// Loads what buildDashboardModel needs for a resolved range: one values query for the range and one
// for the 13-week sparklines, whatever the length of the history.
import { buildDashboardModel, markRestated, type DashboardModel } from '@/lib/kpi/dashboard-model';
import type { AsOf } from '@/lib/kpi/snapshot';
import type { Language } from '@/lib/constants';
import { addWeeks, type WeekNumbering, weekLabel, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { getMetricByKey, type Metric } from './catalogue';
import { getCatalogue, getSeries, type SeriesData } from './dashboard';
import { sharedRead } from './shared-reads';
import { firstReported, seriesAsOf } from './snapshots';

export function loadDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering; asOf?: AsOf },
  db: Db = getDb(),
): DashboardModel {
  // The same for every reader of this range, language and numbering: computed once per data version.
  const key = ['dashboard', input.from, input.to, input.latestWeek ?? '', input.lang, input.numbering, input.asOf ?? 'current'].join('|');
  return sharedRead(key, () => computeDashboardModel(input, db), db);
}

function computeDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering; asOf?: AsOf },
  db: Db,
): DashboardModel {
  const { metrics, targets } = getCatalogue(db);
  const sparkEnd = input.latestWeek ?? input.to;
  const { range, spark, restated } = seriesAsOf(input.asOf ?? 'current', getSeries({ from: input.from, to: input.to }, db), getSeries({ from: addWeeks(sparkEnd, -12), to: sparkEnd }, db), db);
  return markRestated(buildDashboardModel({ metrics, targets, range, spark, latestWeek: input.latestWeek, lang: input.lang, label: (w) => weekLabel(w, input.numbering), restated }), restated);
}

/** The charts of loadDashboardModel as the JSON their request answers with: serialised once per data version. */
export function loadDashboardChartsJson(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering; asOf?: AsOf },
  db: Db = getDb(),
): string {
  const key = ['dashboard-charts', input.from, input.to, input.latestWeek ?? '', input.lang, input.numbering, input.asOf ?? 'current'].join('|');
  return sharedRead(key, () => JSON.stringify(loadDashboardModel(input, db).charts), db);
}

/** A metric page's series and first-reported figures for a range: shared by every reader until the next write. */
export function loadMetricSeries(key: string, range: { from: WeekStart; to: WeekStart }, db: Db = getDb()): { data: SeriesData; reported: Map<string, Record<string, number>> } {
  return sharedRead(`metric-series|${key}|${range.from}|${range.to}`, () => ({ data: getSeries({ ...range, metricKeys: [key] }, db), reported: firstReported(range.from, range.to, db) }), db);
}

/** A metric of the catalogue by key for reading pages (archived ones included), shared until the next write. */
export function loadMetric(key: string, db: Db = getDb()): Metric | null {
  return sharedRead(`metric|${key}`, () => getMetricByKey(key, db), db);
}
