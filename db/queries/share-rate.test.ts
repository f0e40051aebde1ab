// Several server processes over one database share the share pages' rate limit (issue 12): each counts its own
// attempts in memory, reports them in batches and reads the others' per request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlidingWindowLimiter } from '@/lib/share/rate-limit';
import { openDatabase } from '../index';
import { prepareDatabase } from '../setup';
import { sharedShareAttempts } from './share-rate';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const WINDOW = 60_000;

/** A server process: its own connection to the one database file, its own limiter. */
function processOver(file: string, name: string) {
  const db = openDatabase(file);
  const shared = sharedShareAttempts({ windowMs: WINDOW, db: () => db, process: name, flushMs: 60_000 });
  return { db, shared, limiter: createSlidingWindowLimiter({ limit: 10, windowMs: WINDOW, shared }) };
}

function twoProcesses() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-share-rate-'));
  dirs.push(dir);
  const file = path.join(dir, 'kpi.db');
  prepareDatabase(openDatabase(file)).$client.close();
  return { a: processOver(file, 'a'), b: processOver(file, 'b') };
}

const spend = (limiter: { allow(key: string, now?: number): boolean }, key: string, n: number, now: number) => Array.from({ length: n }, (_, i) => limiter.allow(key, now + i));

describe('the share rate limit across processes', () => {
  it('is one limit per client however its requests are spread over the processes', () => {
    const { a, b } = twoProcesses();
    const t = 1_800_000_000_000;
    expect(spend(a.limiter, '203.0.113.5', 6, t).every(Boolean)).toBe(true);
    a.shared.flush();
    // b has seen none of this client's requests itself: only 4 more of the 10 are left.
    expect(spend(b.limiter, '203.0.113.5', 5, t + 100)).toEqual([true, true, true, true, false]);
    b.shared.flush();
    expect(a.limiter.allow('203.0.113.5', t + 200)).toBe(false);
    // Another client is not affected.
    expect(b.limiter.allow('198.51.100.7', t + 200)).toBe(true);
    // Two windows later the client may come back.
    expect(a.limiter.allow('203.0.113.5', t + 2 * WINDOW + 1)).toBe(true);
  });

  it('writes nothing per request: counts reach the database in one batch, and old windows are dropped', () => {
    const { a } = twoProcesses();
    const t = 1_800_000_000_000;
    spend(a.limiter, 'c1', 3, t);
    const rows = () => a.db.$client.prepare('SELECT client, count FROM share_rate ORDER BY client').all();
    expect(rows()).toEqual([]);
    a.shared.flush();
    expect(rows()).toEqual([{ client: 'c1', count: 3 }]);
    // A flush forgets windows older than the previous one (here: c1's, moved ten minutes back).
    a.db.$client.prepare('UPDATE share_rate SET window_start = ?').run(Date.now() - 10 * WINDOW);
    spend(a.limiter, 'c2', 1, Date.now());
    a.shared.flush();
    expect(rows()).toEqual([{ client: 'c2', count: 1 }]);
  });

  it('within one process stays exact: the limit-th request passes, the next does not', () => {
    const { a } = twoProcesses();
    const t = 1_800_000_000_000;
    expect(spend(a.limiter, 'c', 11, t)).toEqual([...new Array(10).fill(true), false]);
  });
});
