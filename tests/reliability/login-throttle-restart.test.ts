// Promise: login attempt counts live in the database file, not the server's memory: a lock reached before a
// restart still holds after it, for that account on that client only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { claimLoginAttempt, LOGIN_LIMITS } from '@/db/queries/login-throttle';
import { prepareDatabase } from '@/db/setup';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempFile() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-rel-throttle-'));
  dirs.push(dir);
  return path.join(dir, 'weekline.db');
}

describe('login throttling across restarts', () => {
  it('a lock reached before a restart still holds after it, per account and client', () => {
    const file = tempFile();
    const now = new Date('2026-03-02T09:00:00Z');
    let db = prepareDatabase(openDatabase(file));
    for (let i = 0; i < LOGIN_LIMITS.pair.max - 1; i++) expect(claimLoginAttempt('Victim@Example.com', '10.0.0.1', new Date(now.getTime() + i * 1000), db).ok).toBe(true);
    db.$client.close();

    // "Restart": a new connection (a new process would do the same) to the same file.
    db = prepareDatabase(openDatabase(file));
    expect(claimLoginAttempt('victim@example.com ', '10.0.0.1', new Date(now.getTime() + 10_000), db).ok).toBe(true);
    db.$client.close();

    db = prepareDatabase(openDatabase(file));
    const later = new Date(now.getTime() + 60_000);
    expect(claimLoginAttempt('VICTIM@example.com', '10.0.0.1', later, db)).toEqual({ ok: false, retryAt: new Date(now.getTime() + LOGIN_LIMITS.pair.windowMs) });
    // Someone else's account, and the same account from another client, are not locked by it.
    expect(claimLoginAttempt('bystander@example.com', '10.0.0.1', later, db).ok).toBe(true);
    expect(claimLoginAttempt('victim@example.com', '10.0.0.2', later, db).ok).toBe(true);
    db.$client.close();
  });
});
