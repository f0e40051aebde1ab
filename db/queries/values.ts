import { and, asc, eq, gte, inArray, lte } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { metricValues, metrics, weeks } from '../schema';
import { saneWeek } from './valid-weeks';

export interface StoredValue {
  metricKey: string;
  weekStart: string;
  value: number;
  done: number | null;
  total: number | null;
  version: number;
  updatedAt: Date;
}

const columns = {
  metricKey: metrics.key,
  weekStart: metricValues.weekStart,
  value: metricValues.value,
  done: metricValues.done,
  total: metricValues.total,
  version: metricValues.version,
  updatedAt: metricValues.updatedAt,
};

/** The week's values keyed by metric key. */
export function getWeekValues(weekStart: string, db: Db = getDb()): Record<string, StoredValue> {
  const rows = db
    .select(columns)
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .where(eq(metricValues.weekStart, weekStart))
    .all();
  return Object.fromEntries(rows.map((r) => [r.metricKey, r]));
}

/** Values for a span of weeks, oldest first; `publishedOnly` for viewers and share links. */
export function listValues(
  range: { from: string; to: string; publishedOnly: boolean; metricKeys?: string[] },
  db: Db = getDb(),
): StoredValue[] {
  return db
    .select(columns)
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .innerJoin(weeks, eq(metricValues.weekStart, weeks.weekStart))
    .where(
      and(
        gte(metricValues.weekStart, range.from),
        lte(metricValues.weekStart, range.to),
        range.publishedOnly ? eq(weeks.status, 'published') : undefined,
        saneWeek(weeks.weekStart),
        range.metricKeys ? inArray(metrics.key, range.metricKeys) : undefined,
      ),
    )
    .orderBy(asc(metricValues.weekStart))
    .all();
}
