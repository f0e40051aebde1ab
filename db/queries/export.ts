// Everything out: the wide CSV (dashboard, share pages, CLI) that import-csv reads back unchanged, and a
// JSON document of all KPI data and its audit trail. Accounts, sessions and secrets never leave.
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { formatWideCsv, type WideCsvWeek } from '@/lib/csv/format';
import type { Snapshot } from '@/lib/kpi/snapshot';
import { parseDate, weekLabel, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { incidents, metricValues, metrics, revisions, targets, weeks } from '../schema';
import { listMetrics } from './catalogue';
import { listRestatements, snapshotsByWeek } from './snapshots';
import { getWeekNumbering } from './settings';
import { reportInsaneWeeks, saneWeek } from './valid-weeks';
import { listWeekRecords } from './weeks';

export interface ExportRange {
  from?: WeekStart;
  to?: WeekStart;
  /** Viewers and share links: published weeks only. */
  publishedOnly: boolean;
}

function valuesByWeek(range: ExportRange, db: Db): Map<string, WideCsvWeek['values']> {
  const rows = db
    .select({ weekStart: metricValues.weekStart, key: metrics.key, value: metricValues.value, done: metricValues.done, total: metricValues.total })
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .innerJoin(weeks, eq(metricValues.weekStart, weeks.weekStart))
    .where(
      and(
        range.from ? gte(metricValues.weekStart, range.from) : undefined,
        range.to ? lte(metricValues.weekStart, range.to) : undefined,
        range.publishedOnly ? eq(weeks.status, 'published') : undefined,
        saneWeek(weeks.weekStart),
      ),
    )
    .all();
  const out = new Map<string, WideCsvWeek['values']>();
  for (const { weekStart, key, ...cell } of rows) {
    const week = out.get(weekStart) ?? {};
    week[key] = cell;
    out.set(weekStart, week);
  }
  return out;
}

const reportedValues = (s: Snapshot | undefined) => (s ? Object.fromEntries(Object.entries(s.payload.values).map(([k, v]) => [k, v.value])) : undefined);

/** Per week of export-json: every published version, and each change made after the first (names other tools rely on). */
function snapshotsAndRestatements(weekStart: string, versions: Snapshot[], db: Db) {
  return {
    snapshots: versions.map((s) => ({
      version: s.version,
      publishedAt: s.publishedAt.toISOString(),
      publishedBy: s.publishedByName,
      values: reportedValues(s) ?? {},
      incidents: s.payload.incidents,
    })),
    restatements: listRestatements(weekStart, db, versions).map(({ metric, from, to, at, by, reason, fromVersion }) => ({ metric, from, to, at, by, reason, fromVersion })),
  };
}

/** One row per stored week in the range (oldest first), one column per active metric; UTF-8 with a BOM. */
export function exportCsv(range: ExportRange, db: Db = getDb()): string {
  reportInsaneWeeks(db);
  const byWeek = valuesByWeek(range, db);
  const records = listWeekRecords(range, db);
  const snapshots = snapshotsByWeek(db);
  return formatWideCsv(
    records.map((w) => ({ weekStart: w.weekStart, values: byWeek.get(w.weekStart) ?? {}, asReported: reportedValues(snapshots.get(w.weekStart)?.[0]) })),
    { metrics: listMetrics({}, db), numbering: getWeekNumbering(db), asReported: true },
  );
}

/** Every KPI table as plain JSON: catalogue (archived too), targets, weeks with values and events, history. */
export function exportJson(db: Db = getDb()) {
  const numbering = getWeekNumbering(db);
  const byWeek = valuesByWeek({ publishedOnly: false }, db);
  const snapshots = snapshotsByWeek(db);
  const logByWeek = new Map<string, Omit<typeof incidents.$inferSelect, 'weekStart' | 'updatedBy'>[]>();
  for (const { weekStart, updatedBy: _by, ...e } of db.select().from(incidents).orderBy(asc(incidents.startedAt), asc(incidents.id)).all()) {
    logByWeek.set(weekStart, [...(logByWeek.get(weekStart) ?? []), e]);
  }
  return {
    format: 'weekline-export',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    weekNumbering: numbering,
    metrics: listMetrics({ includeArchived: true }, db),
    targets: db
      .select({ metricKey: metrics.key, effectiveFrom: targets.effectiveFrom, target: targets.target, warning: targets.warning, createdAt: targets.createdAt })
      .from(targets)
      .innerJoin(metrics, eq(targets.metricId, metrics.id))
      .orderBy(asc(metrics.key), asc(targets.effectiveFrom))
      .all(),
    weeks: db
      .select()
      .from(weeks)
      .orderBy(asc(weeks.weekStart))
      .all()
      .map(({ updatedBy: _by, ...w }) => ({
        // A stored week that is not a real date has no label; the dump still carries the row as it is.
        label: parseDate(w.weekStart) ? weekLabel(w.weekStart, numbering) : null,
        ...w,
        values: byWeek.get(w.weekStart) ?? {},
        incidents: logByWeek.get(w.weekStart) ?? [],
        ...snapshotsAndRestatements(w.weekStart, snapshots.get(w.weekStart) ?? [], db),
      })),
    revisions: db.select().from(revisions).orderBy(asc(revisions.id)).all(),
  };
}
