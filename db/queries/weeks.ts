import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { WeekStatus } from '@/lib/constants';
import { getDb, type Db } from '../index';
import { weeks } from '../schema';
import { saneWeek } from './valid-weeks';

export interface WeekRecord {
  weekStart: string;
  status: WeekStatus;
  notes: string;
  internalNotes: string;
  version: number;
  publishedAt: Date | null;
  updatedAt: Date;
}

const columns = {
  weekStart: weeks.weekStart,
  status: weeks.status,
  notes: weeks.notes,
  internalNotes: weeks.internalNotes,
  version: weeks.version,
  publishedAt: weeks.publishedAt,
  updatedAt: weeks.updatedAt,
};

export function getWeekRecord(weekStart: string, db: Db = getDb()): WeekRecord | null {
  return db.select(columns).from(weeks).where(eq(weeks.weekStart, weekStart)).get() ?? null;
}

export function getLatestPublishedWeek(db: Db = getDb()): WeekRecord | null {
  return (
    db.select(columns).from(weeks).where(and(eq(weeks.status, 'published'), saneWeek(weeks.weekStart))).orderBy(desc(weeks.weekStart)).limit(1).get() ??
    null
  );
}

/** The published week just before `weekStart`, for week-over-week changes. */
export function getPreviousPublishedWeek(weekStart: string, db: Db = getDb()): WeekRecord | null {
  return (
    db
      .select(columns)
      .from(weeks)
      .where(and(eq(weeks.status, 'published'), saneWeek(weeks.weekStart), sql`${weeks.weekStart} < ${weekStart}`))
      .orderBy(desc(weeks.weekStart))
      .limit(1)
      .get() ?? null
  );
}

export function listWeekRecords(
  range: { from?: string; to?: string; publishedOnly?: boolean } = {},
  db: Db = getDb(),
): WeekRecord[] {
  const conditions = [
    saneWeek(weeks.weekStart),
    range.from ? gte(weeks.weekStart, range.from) : undefined,
    range.to ? lte(weeks.weekStart, range.to) : undefined,
    range.publishedOnly ? eq(weeks.status, 'published') : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select(columns)
    .from(weeks)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(weeks.weekStart))
    .all();
}

export function countWeeks(db: Db = getDb()): number {
  return db.select({ n: sql<number>`count(*)` }).from(weeks).get()?.n ?? 0;
}
