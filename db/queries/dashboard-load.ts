// Loads what buildDashboardModel needs for a resolved range: one values query for the range and one
// for the 13-week sparklines, whatever the length of the history.
import { buildDashboardModel, type DashboardModel } from '@/lib/kpi/dashboard-model';
import type { Language } from '@/lib/constants';
import { addWeeks, type WeekNumbering, weekLabel, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { getCatalogue, getSeries } from './dashboard';

export function loadDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart | null; lang: Language; numbering: WeekNumbering },
  db: Db = getDb(),
): DashboardModel {
  const { metrics, targets } = getCatalogue(db);
  const range = getSeries({ from: input.from, to: input.to }, db);
  const sparkEnd = input.latestWeek ?? input.to;
  const spark = getSeries({ from: addWeeks(sparkEnd, -12), to: sparkEnd }, db);
  return buildDashboardModel({ metrics, targets, range, spark, latestWeek: input.latestWeek, lang: input.lang, label: (w) => weekLabel(w, input.numbering) });
}
