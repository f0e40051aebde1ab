import { eq } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { loginThrottle } from '../schema';

/** Five failures within fifteen minutes lock the account for fifteen minutes. */
export const THROTTLE = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;

const keyOf = (email: string) => email.trim().toLowerCase();

export function getLockedUntil(email: string, now = new Date(), db: Db = getDb()): Date | null {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.accountKey, keyOf(email))).get();
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

export function recordLoginFailure(email: string, now = new Date(), db: Db = getDb()): void {
  const accountKey = keyOf(email);
  db.transaction((tx) => {
    const row = tx.select().from(loginThrottle).where(eq(loginThrottle.accountKey, accountKey)).get();
    const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > THROTTLE.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= THROTTLE.maxFailures ? new Date(now.getTime() + THROTTLE.lockMs) : null;
    const windowStartedAt = fresh ? now : row.windowStartedAt;
    tx.insert(loginThrottle)
      .values({ accountKey, failures, windowStartedAt, lockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.accountKey, set: { failures, windowStartedAt, lockedUntil } })
      .run();
  });
}

export function clearLoginFailures(email: string, db: Db = getDb()): void {
  db.delete(loginThrottle).where(eq(loginThrottle.accountKey, keyOf(email))).run();
}
