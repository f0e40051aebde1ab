// Loads what buildDashboardModel needs for a resolved range: one values query for the range and one
// for the 13-week sparklines, whatever the length of the history.
import { buildDashboardModel, type DashboardModel } from '@/lib/kpi/dashboard-model';
import type { Language } from '@/lib/constants';
import { addWeeks, type WeekNumbering, weekLabel, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { getCatalogue, getSeries } from './dashboard';
import { sharedRead } from './shared-reads';

export function loadDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering },
  db: Db = getDb(),
): DashboardModel {
  // The same for every reader of this range, language and numbering: computed once per data version.
  const key = ['dashboard', input.from, input.to, input.latestWeek ?? '', input.lang, input.numbering].join('|');
  return sharedRead(key, () => computeDashboardModel(input, db), db);
}

function computeDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering },
  db: Db,
): DashboardModel {
  const { metrics, targets } = getCatalogue(db);
  const range = getSeries({ from: input.from, to: input.to }, db);
  const sparkEnd = input.latestWeek ?? input.to;
  const spark = getSeries({ from: addWeeks(sparkEnd, -12), to: sparkEnd }, db);
  return buildDashboardModel({ metrics, targets, range, spark, latestWeek: input.latestWeek, lang: input.lang, label: (w) => weekLabel(w, input.numbering) });
}

/** The charts of loadDashboardModel as the JSON their request answers with: serialised once per data version. */
export function loadDashboardChartsJson(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering },
  db: Db = getDb(),
): string {
  const key = ['dashboard-charts', input.from, input.to, input.latestWeek ?? '', input.lang, input.numbering].join('|');
  return sharedRead(key, () => JSON.stringify(loadDashboardModel(input, db).charts), db);
}
