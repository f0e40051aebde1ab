// Per-key request limit for /api/v1: a counter per fixed one-minute window, in SQLite so that every process
// serving the app counts against the same limit.
import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { apiRate } from '../schema';

export const API_RATE_PER_MINUTE = 60;
const WINDOW_MS = 60_000;

export type RateOutcome = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** Counts this request; past `limit` in the current minute, says how long until the next window. */
export function hitApiRate(keyId: number, db: Db = getDb(), now: Date = new Date(), limit: number = API_RATE_PER_MINUTE): RateOutcome {
  const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  return db.transaction((tx) => {
    const row = tx
      .insert(apiRate)
      .values({ keyId, windowStart, count: 1 })
      .onConflictDoUpdate({ target: [apiRate.keyId, apiRate.windowStart], set: { count: sql`${apiRate.count} + 1` } })
      .returning({ count: apiRate.count })
      .get();
    if (row.count === 1) tx.delete(apiRate).where(and(eq(apiRate.keyId, keyId), lt(apiRate.windowStart, windowStart))).run();
    if (row.count > limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000)) };
    return { ok: true, remaining: limit - row.count };
  }, { behavior: 'immediate' });
}
