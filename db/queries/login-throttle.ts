// Login guessing limits (OWASP ASVS V2.2.1). Every attempt claims a slot in its counters in one immediate
// transaction **before** the password is checked; when any counter is spent the password is not checked at
// all. So concurrency cannot squeeze in extra guesses, and a right password after the lock is refused too.
//
// Counters (fixed windows from the first attempt):
// - account on this client: 5 per 15 minutes. A stranger elsewhere locks only their own client.
// - account anywhere: 20 per hour, against guessing spread over many addresses. Not applied on a client the
//   account logged in from successfully in the last 30 days, so it cannot lock a real user out of their own
//   client either.
// - this client, any account: 100 per 15 minutes. Unknown emails are counted exactly like real ones (the
//   answers reveal nothing), so this is what bounds the table: a client creates at most ~2 rows per claimed
//   attempt, and expired rows are deleted on every attempt.
// A successful login gives back its own slot (it was not a guess) and remembers the client; it never erases
// earlier failures.
import { getDb, type Db } from '../index';

const MINUTE = 60_000;
export const LOGIN_LIMITS = {
  pair: { max: 5, windowMs: 15 * MINUTE },
  account: { max: 20, windowMs: 60 * MINUTE },
  client: { max: 100, windowMs: 15 * MINUTE },
  knownClientMs: 30 * 24 * 60 * MINUTE,
} as const;

const accountOf = (email: string) => email.trim().toLowerCase();
const keys = (email: string, client: string) => {
  const account = accountOf(email);
  return { pair: `pair:${account}|${client}`, account: `account:${account}`, client: `client:${client}`, known: `known:${account}|${client}` };
};

export type LoginClaim = { keys: string[]; email: string; client: string };
export type ClaimResult = { ok: true; claim: LoginClaim } | { ok: false; retryAt: Date };

class Spent extends Error {
  constructor(readonly retryAt: Date) {
    super('login attempts spent');
  }
}

/** Claims one attempt for `email` from `client`; refused (with when to retry) once any counter is spent. */
export function claimLoginAttempt(email: string, client: string, now: Date = new Date(), db: Db = getDb()): ClaimResult {
  const sqlite = db.$client;
  const k = keys(email, client);
  const t = now.getTime();
  // One statement per counter: a new row, a fresh window, or one more in the window while under the limit.
  // No row comes back when the counter is spent.
  const claimOne = sqlite.prepare<[{ key: string; now: number; resetsAt: number; max: number }], { count: number }>(
    `INSERT INTO login_attempts (key, count, resets_at) VALUES (@key, 1, @resetsAt)
     ON CONFLICT(key) DO UPDATE SET
       count = CASE WHEN resets_at <= @now THEN 1 ELSE count + 1 END,
       resets_at = CASE WHEN resets_at <= @now THEN excluded.resets_at ELSE resets_at END
     WHERE resets_at <= @now OR count < @max
     RETURNING count`,
  );
  const resetOf = sqlite.prepare<[string], { resetsAt: number }>('SELECT resets_at AS resetsAt FROM login_attempts WHERE key = ?');
  const known = sqlite.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM login_attempts WHERE key = ? AND resets_at > ?');
  const run = sqlite.transaction((): LoginClaim => {
    sqlite.prepare('DELETE FROM login_attempts WHERE resets_at <= ?').run(t);
    const counters: Array<[string, { max: number; windowMs: number }]> = [
      [k.pair, LOGIN_LIMITS.pair],
      [k.client, LOGIN_LIMITS.client],
    ];
    if (!known.get(k.known, t)) counters.push([k.account, LOGIN_LIMITS.account]);
    for (const [key, limit] of counters) {
      if (!claimOne.get({ key, now: t, resetsAt: t + limit.windowMs, max: limit.max })) throw new Spent(new Date(resetOf.get(key)?.resetsAt ?? t + limit.windowMs));
    }
    return { keys: counters.map(([key]) => key), email: accountOf(email), client };
  });
  try {
    return { ok: true, claim: run.immediate() };
  } catch (error) {
    // Nothing was counted: the transaction rolled back.
    if (error instanceof Spent) return { ok: false, retryAt: error.retryAt };
    throw error;
  }
}

/** After a right password: the attempt's slots are given back and the client is remembered for the account. */
export function loginSucceeded(claim: LoginClaim, now: Date = new Date(), db: Db = getDb()): void {
  const sqlite = db.$client;
  const refund = sqlite.prepare('UPDATE login_attempts SET count = count - 1 WHERE key = ? AND count > 0');
  const remember = sqlite.prepare(
    `INSERT INTO login_attempts (key, count, resets_at) VALUES (?, 0, ?) ON CONFLICT(key) DO UPDATE SET resets_at = excluded.resets_at`,
  );
  sqlite.transaction(() => {
    for (const key of claim.keys) refund.run(key);
    remember.run(keys(claim.email, claim.client).known, now.getTime() + LOGIN_LIMITS.knownClientMs);
  }).immediate();
}
