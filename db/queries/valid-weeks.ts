// Readers skip a stored week that is not a real Monday in the allowed range (lib/weeks.ts weekStartProblem).
// Saves refuse such weeks, but a row written by an older version, a script or by hand must never take
// down the dashboard, a share page or the CSV export: it is left out, and logged once per process.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { FIRST_WEEK, lastAllowedWeek } from '@/lib/weeks';
import type { Db } from '../index';
import { weeks } from '../schema';

/** True in SQL when `column` holds a real Monday (`yyyy-MM-dd`) from FIRST_WEEK to a year after this week. */
export function saneWeek(column: SQLiteColumn, now: Date = new Date()): SQL {
  return sql`(${column} between ${FIRST_WEEK} and ${lastAllowedWeek(now)} and date(${column}) = ${column} and strftime('%w', ${column}) = '1')`;
}

const reported = new Set<string>();

/** Logs (once per set of rows) the stored weeks the readers leave out. Returns them, for tests. */
export function reportInsaneWeeks(db: Pick<Db, 'select'>): string[] {
  const bad = db
    .select({ weekStart: weeks.weekStart })
    .from(weeks)
    .where(sql`not coalesce(${saneWeek(weeks.weekStart)}, 0)`)
    .all()
    .map((r) => r.weekStart);
  const key = bad.join('\n');
  if (bad.length && !reported.has(key)) {
    reported.add(key);
    console.warn(`[weekline] ${bad.length} stored week(s) are not real Mondays in range and are not shown: ${bad.slice(0, 5).map((w) => JSON.stringify(w)).join(', ')}`);
  }
  return bad;
}
