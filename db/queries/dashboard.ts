// What the dashboard draws for a range of weeks: published values only (drafts are not final, and
// share links must never see them), aligned on every week of the range so gaps stay gaps.
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { lastAllowedWeek, listWeeks, type WeekStart } from '@/lib/weeks';
import type { TargetRow } from '@/lib/kpi/targets';
import { getDb, type Db } from '../index';
import { incidents, weeks } from '../schema';
import { listMetrics, type Metric } from './catalogue';
import { sharedRead } from './shared-reads';
import { listTargets } from './targets';
import { reportInsaneWeeks, saneWeek } from './valid-weeks';
import { listValues } from './values';

export interface SeriesData {
  weeks: WeekStart[];
  /** Per metric key, one entry per week of `weeks` (null: no published value). */
  series: Record<string, Array<number | null>>;
  /** Ungraded production events per week, from the incident log. */
  ungraded: number[];
  /** Weeks that had at least one graded incident (A–D), from the log. */
  gradedWeeks: WeekStart[];
}

export function getSeries(range: { from: WeekStart; to: WeekStart; metricKeys?: string[] }, db: Db = getDb()): SeriesData {
  const all = listWeeks(range.from, range.to);
  const index = new Map(all.map((w, i) => [w, i]));
  const series: Record<string, Array<number | null>> = {};
  for (const v of listValues({ ...range, publishedOnly: true }, db)) {
    const i = index.get(v.weekStart);
    if (i === undefined) continue;
    (series[v.metricKey] ??= new Array<number | null>(all.length).fill(null))[i] = v.value;
  }
  const events = db
    .select({ weekStart: incidents.weekStart, ungraded: sql<number>`sum(case when ${incidents.grade} is null then 1 else 0 end)`, graded: sql<number>`sum(case when ${incidents.grade} is not null then 1 else 0 end)` })
    .from(incidents)
    .innerJoin(weeks, eq(incidents.weekStart, weeks.weekStart))
    .where(and(gte(incidents.weekStart, range.from), lte(incidents.weekStart, range.to), eq(weeks.status, 'published'), saneWeek(weeks.weekStart)))
    .groupBy(incidents.weekStart)
    .all();
  const ungraded = new Array<number>(all.length).fill(0);
  const gradedWeeks: WeekStart[] = [];
  for (const e of events) {
    const i = index.get(e.weekStart);
    if (i === undefined) continue;
    ungraded[i] = e.ungraded;
    if (e.graded > 0) gradedWeeks.push(e.weekStart);
  }
  return { weeks: all, series, ungraded, gradedWeeks };
}

/** The oldest and newest published weeks: the bounds of every range. */
/** The first and last published weeks; shared by every reader until the next write (or the next week). */
export function getPublishedBounds(db: Db = getDb()): { earliest: WeekStart; latest: WeekStart } | null {
  // Which stored weeks are sane depends on today as well as on the data (saneWeek).
  return sharedRead(`published-bounds|${lastAllowedWeek()}`, () => readPublishedBounds(db), db);
}

function readPublishedBounds(db: Db): { earliest: WeekStart; latest: WeekStart } | null {
  reportInsaneWeeks(db);
  const row = db
    .select({ earliest: sql<string | null>`min(${weeks.weekStart})`, latest: sql<string | null>`max(${weeks.weekStart})` })
    .from(weeks)
    .where(and(eq(weeks.status, 'published'), saneWeek(weeks.weekStart)))
    .get();
  return row?.earliest && row.latest ? { earliest: row.earliest, latest: row.latest } : null;
}

export interface Catalogue {
  metrics: Metric[];
  targets: TargetRow[];
}

export function getCatalogue(db: Db = getDb()): Catalogue {
  return { metrics: listMetrics({}, db), targets: listTargets(db) };
}

