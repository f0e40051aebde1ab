// Promise: five wrong passwords lock that account (and only that account) for fifteen minutes, and the lock
// survives a restart because it lives in the database file, not in the server's memory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { getLockedUntil, recordLoginFailure, THROTTLE } from '@/db/queries/login-throttle';
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
  it('a lock recorded before a restart still holds after it, per account', () => {
    const file = tempFile();
    const now = new Date('2026-03-02T09:00:00Z');
    let db = prepareDatabase(openDatabase(file));
    for (let i = 0; i < THROTTLE.maxFailures - 1; i++) recordLoginFailure('Victim@Example.com', new Date(now.getTime() + i * 1000), db);
    expect(getLockedUntil('victim@example.com', now, db)).toBeNull();
    db.$client.close();

    // "Restart": a new connection (a new process would do the same) to the same file.
    db = prepareDatabase(openDatabase(file));
    recordLoginFailure('victim@example.com ', new Date(now.getTime() + 10_000), db);
    db.$client.close();

    db = prepareDatabase(openDatabase(file));
    const later = new Date(now.getTime() + 60_000);
    expect(getLockedUntil('VICTIM@example.com', later, db)?.getTime()).toBe(now.getTime() + 10_000 + THROTTLE.lockMs);
    // Someone else's account is not locked by the victim's failures.
    expect(getLockedUntil('bystander@example.com', later, db)).toBeNull();
    // The lock ends on time, not before.
    expect(getLockedUntil('victim@example.com', new Date(now.getTime() + 10_000 + THROTTLE.lockMs - 1), db)).not.toBeNull();
    expect(getLockedUntil('victim@example.com', new Date(now.getTime() + 10_000 + THROTTLE.lockMs + 1), db)).toBeNull();
    db.$client.close();
  });

  it('failures spread over more than the window do not lock', () => {
    const file = tempFile();
    const db = prepareDatabase(openDatabase(file));
    const start = new Date('2026-03-02T09:00:00Z').getTime();
    for (let i = 0; i < THROTTLE.maxFailures * 2; i++) {
      const at = new Date(start + i * (THROTTLE.windowMs / 2 + 1));
      recordLoginFailure('slow@example.com', at, db);
      expect(getLockedUntil('slow@example.com', at, db)).toBeNull();
    }
    db.$client.close();
  });
});
