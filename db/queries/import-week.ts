// The stored state of one week, read the way the importers need it: inside a transaction when the CSV
// import plans many weeks under one write lock, on the connection otherwise.
import { eq } from 'drizzle-orm';
import type { StoredWeek } from '@/lib/import/report-entry';
import { getDb, type Db } from '../index';
import { metricValues, metrics, weeks } from '../schema';
import { listIncidents } from './incidents';
import type { Actor, Tx } from './save-week';

/** Who an import writes as: a known user, or one found (or created) inside the import's own transaction. */
export type ActorSource = Actor | ((tx: Tx) => Actor);

export function resolveActor(source: ActorSource, tx: Tx): Actor {
  return typeof source === 'function' ? source(tx) : source;
}

/**
 * Which of `weekStarts` have a row in weeks: one read for a whole import, so weeks not stored yet are not
 * read one by one (they can hold no values or incidents: both reference weeks, foreign keys on).
 */
export function storedWeekStarts(db: Db | Tx = getDb()): Set<string> {
  return new Set(db.select({ weekStart: weeks.weekStart }).from(weeks).all().map((w) => w.weekStart));
}

/** What getStoredWeek returns for a week with no row. */
export function unstoredWeek(weekStart: string): StoredWeek {
  return { weekStart, version: 0, status: null, notes: '', internalNotes: '', values: {}, incidents: [] };
}

export function getStoredWeek(weekStart: string, db: Db | Tx = getDb()): StoredWeek {
  const week = db.select().from(weeks).where(eq(weeks.weekStart, weekStart)).get();
  const values = db
    .select({ key: metrics.key, value: metricValues.value, done: metricValues.done, total: metricValues.total })
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .where(eq(metricValues.weekStart, weekStart))
    .all();
  const log = listIncidents(weekStart, db).map(({ weekStart: _week, ...event }) => event);
  return {
    weekStart,
    version: week?.version ?? 0,
    status: week?.status ?? null,
    notes: week?.notes ?? '',
    internalNotes: week?.internalNotes ?? '',
    values: Object.fromEntries(values.map(({ key, ...v }) => [key, v])),
    incidents: log,
  };
}
