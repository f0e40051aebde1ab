// Promise: at most 5 passwords are checked per account and client per 15 minutes however many arrive at once
// (each attempt is counted before its password is checked); a slower per-account limit holds across clients
// except on the account's own known clients; a success does not erase failures; expired rows are pruned.
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../setup';
import { loginAttempts } from '../schema';
import { claimLoginAttempt, LOGIN_LIMITS, loginSucceeded } from './login-throttle';

const T0 = new Date('2026-03-02T09:00:00Z').getTime();
const at = (ms: number) => new Date(T0 + ms);
const MIN = 60_000;

describe('login attempt counters', () => {
  it('admit exactly 5 of 30 attempts on one account from one client', () => {
    const db = openTestDatabase();
    // Thirty claims before any password is checked, as thirty concurrent requests make them (the burst
    // against the real server is e2e/login-flood.spec.ts).
    const results = Array.from({ length: 30 }, () => claimLoginAttempt('admin@example.com', '10.0.0.1', at(0), db));
    expect(results.filter((r) => r.ok)).toHaveLength(LOGIN_LIMITS.pair.max);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(25);
    for (const r of refused) expect(r).toEqual({ ok: false, retryAt: at(LOGIN_LIMITS.pair.windowMs) });
  });

  it('keep the lock until the window ends, then count afresh', () => {
    const db = openTestDatabase();
    for (let i = 0; i < 5; i++) expect(claimLoginAttempt('a@example.com', 'c1', at(i * MIN), db).ok).toBe(true);
    expect(claimLoginAttempt('a@example.com', 'c1', at(15 * MIN - 1), db).ok).toBe(false);
    expect(claimLoginAttempt('a@example.com', 'c1', at(15 * MIN), db).ok).toBe(true);
  });

  it('a success gives back its own slot only: it does not erase the failures before it', () => {
    const db = openTestDatabase();
    for (let i = 0; i < 4; i++) claimLoginAttempt('a@example.com', 'c1', at(i), db);
    const right = claimLoginAttempt('a@example.com', 'c1', at(10), db);
    if (!right.ok) throw new Error('refused');
    loginSucceeded(right.claim, at(11), db);
    expect(claimLoginAttempt('a@example.com', 'c1', at(20), db).ok).toBe(true);
    expect(claimLoginAttempt('a@example.com', 'c1', at(30), db).ok).toBe(false);
  });

  it('limit an account to 20 attempts an hour across clients, but not on a client it logged in from', () => {
    const db = openTestDatabase();
    const home = claimLoginAttempt('user@example.com', 'home', at(0), db);
    if (!home.ok) throw new Error('refused');
    loginSucceeded(home.claim, at(1), db);
    // Strangers on four addresses spend the account's hourly budget, five each.
    for (let c = 0; c < 4; c++) for (let i = 0; i < 5; i++) expect(claimLoginAttempt('user@example.com', `stranger-${c}`, at(MIN + c * 10 + i), db).ok).toBe(true);
    expect(claimLoginAttempt('user@example.com', 'stranger-5', at(2 * MIN), db)).toEqual({ ok: false, retryAt: at(LOGIN_LIMITS.account.windowMs) });
    expect(claimLoginAttempt('user@example.com', 'new-laptop', at(2 * MIN), db).ok).toBe(false);
    // The user's own client still gets its own five.
    for (let i = 0; i < 5; i++) expect(claimLoginAttempt('user@example.com', 'home', at(3 * MIN + i), db).ok).toBe(true);
    expect(claimLoginAttempt('user@example.com', 'home', at(3 * MIN + 10), db).ok).toBe(false);
  });

  it('unknown emails cannot grow the table without bound: 100 attempts per client per window, expired rows pruned', () => {
    const db = openTestDatabase();
    const results = Array.from({ length: 500 }, (_, i) => claimLoginAttempt(`nobody-${i}@example.com`, 'sprayer', at(i), db));
    expect(results.filter((r) => r.ok)).toHaveLength(LOGIN_LIMITS.client.max);
    const rows = db.select().from(loginAttempts).all().length;
    expect(rows).toBeLessThanOrEqual(2 * LOGIN_LIMITS.client.max + 1);
    // Another client is unaffected by the sprayer.
    expect(claimLoginAttempt('real@example.com', 'office', at(600), db).ok).toBe(true);
    // After every window has passed, the next attempt leaves only its own rows.
    claimLoginAttempt('late@example.com', 'office', at(LOGIN_LIMITS.account.windowMs + MIN), db);
    expect(db.select().from(loginAttempts).all().map((r) => r.key).sort()).toEqual(['account:late@example.com', 'client:office', 'pair:late@example.com|office']);
  });
});
