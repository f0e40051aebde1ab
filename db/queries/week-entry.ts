// Everything the weekly form shows beside its inputs: last week's value, the target in force, recent
// history for the typo check.
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { targetInForce, type TargetRow } from '@/lib/kpi/targets';
import { lastAllowedWeek } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { metricValues, metrics, weeks } from '../schema';
import { listMetrics, type Metric } from './catalogue';
import { listIncidents, type Incident } from './incidents';
import { listTargets } from './targets';
import { sharedRead } from './shared-reads';
import { saneWeek } from './valid-weeks';
import { getWeekValues, type StoredValue } from './values';
import { getPreviousPublishedWeek, getWeekRecord, type WeekRecord } from './weeks';

export interface WeekEntryData {
  week: WeekRecord | null;
  metrics: Metric[];
  values: Record<string, StoredValue>;
  incidents: Incident[];
  previousWeek: string | null;
  previousValues: Record<string, StoredValue>;
  targets: Record<string, TargetRow | null>;
}

export function getWeekEntryData(weekStart: string, db: Db = getDb()): WeekEntryData {
  const catalogue = listMetrics({}, db);
  const allTargets = listTargets(db);
  const previous = getPreviousPublishedWeek(weekStart, db);
  return {
    week: getWeekRecord(weekStart, db),
    metrics: catalogue,
    values: getWeekValues(weekStart, db),
    incidents: listIncidents(weekStart, db),
    previousWeek: previous?.weekStart ?? null,
    previousValues: previous ? getWeekValues(previous.weekStart, db) : {},
    targets: Object.fromEntries(catalogue.map((m) => [m.key, targetInForce(allTargets, m.key, weekStart)])),
  };
}

/** getWeekEntryData for reading pages, shared by every reader until the next write (or the next week: saneWeek). */
export function loadWeekEntryData(weekStart: string, db: Db = getDb()): WeekEntryData {
  return sharedRead(`week-entry:${weekStart}:${lastAllowedWeek()}`, () => getWeekEntryData(weekStart, db), db);
}

/** The last `count` published values per metric before `weekStart`, newest first. */
export function getRecentValues(weekStart: string, count = 8, db: Db = getDb()): Record<string, number[]> {
  const recentWeeks = db
    .select({ weekStart: weeks.weekStart })
    .from(weeks)
    .where(and(eq(weeks.status, 'published'), saneWeek(weeks.weekStart), lt(weeks.weekStart, weekStart)))
    .orderBy(desc(weeks.weekStart))
    .limit(count)
    .all()
    .map((w) => w.weekStart);
  if (!recentWeeks.length) return {};
  const rows = db
    .select({ key: metrics.key, value: metricValues.value })
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .where(inArray(metricValues.weekStart, recentWeeks))
    .all();
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[r.key] ??= []).push(r.value);
  return out;
}
