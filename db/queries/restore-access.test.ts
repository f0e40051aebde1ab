// Promise: a restore brings back data, never access. After it every session has ended, no share link revoked
// or rotated in the live database works again, and a user disabled since the backup stays disabled.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../index';
import { prepareDatabase } from '../setup';
import { session, user } from '../schema';
import { backupDatabase, restoreDatabase } from './backup';
import { createShareLink, resolveShareToken, revokeShareLink, rotateShareLink } from './share-links';
import { setUserDisabled } from './users';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-restore-access-'));
  dirs.push(dir);
  return dir;
}

const admin = { userId: 'u-admin', email: 'admin@example.com' };

function addSession(db: Db, userId: string, token: string) {
  db.insert(session).values({ id: `s-${token}`, token, userId, expiresAt: new Date(Date.now() + 3_600_000) }).run();
}

function liveDatabase(file: string): Db {
  const db = prepareDatabase(openDatabase(file));
  db.insert(user).values([
    { id: admin.userId, email: admin.email, name: 'Admin', role: 'admin' },
    { id: 'u-bob', email: 'bob@example.com', name: 'Bob', role: 'viewer' },
  ]).run();
  addSession(db, admin.userId, 'admin-token');
  addSession(db, 'u-bob', 'bob-token');
  return db;
}

describe('restore withdraws access granted or withdrawn since the backup', () => {
  it('ends every session, keeps revoked and rotated links dead and disabled users disabled', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'live.db');
    const live = liveDatabase(target);
    const revoked = createShareLink({ label: 'Revoked later', expiresIn: 'never' }, admin, live);
    const rotated = createShareLink({ label: 'Rotated later', expiresIn: 'never' }, admin, live);
    const kept = createShareLink({ label: 'Still live', expiresIn: 'never' }, admin, live);
    const backup = path.join(dir, 'backup.db');
    backupDatabase(live, backup);

    // After the backup: one link revoked, one rotated, Bob disabled, the admin logs in again.
    expect(revokeShareLink(revoked.id, admin, live)).toBe('ok');
    const fresh = rotateShareLink(rotated.id, admin, live);
    if (typeof fresh === 'string') throw new Error(fresh);
    expect(setUserDisabled('u-bob', true, admin, live)).toBe('ok');
    addSession(live, admin.userId, 'admin-token-2');

    const result = await restoreDatabase(backup, target);

    // The server's own connection stays open through the restore and sees the restored file.
    expect(live.select().from(session).all()).toEqual([]);
    expect(resolveShareToken(revoked.token, live)).toBeNull();
    expect(resolveShareToken(rotated.token, live)).toBeNull();
    expect(resolveShareToken(kept.token, live)?.id).toBe(kept.id);
    expect(live.select({ disabled: user.disabled }).from(user).where(eq(user.id, 'u-bob')).get()?.disabled).toBe(true);
    expect(result.withdrawn).toEqual({ endedSessions: 2, revokedLinks: 2, disabledUsers: 1 });
    // The backup file itself is untouched: it still holds the sessions and links as they were.
    const untouched = openDatabase(backup);
    expect(untouched.select().from(session).all()).toHaveLength(2);
    expect(resolveShareToken(revoked.token, untouched)).not.toBeNull();
    untouched.$client.close();
    live.$client.close();
    expect(fs.readdirSync(dir).filter((f) => f.includes('.restoring-'))).toEqual([]);
  });

  it('with no live database to learn from, sessions still end and links stay as backed up', async () => {
    const dir = tempDir();
    const source = liveDatabase(path.join(dir, 'old.db'));
    const link = createShareLink({ label: 'Backed up', expiresIn: 'never' }, admin, source);
    const backup = path.join(dir, 'backup.db');
    backupDatabase(source, backup);
    source.$client.close();

    const target = path.join(dir, 'new-machine.db');
    const result = await restoreDatabase(backup, target);
    expect(result.withdrawn).toEqual({ endedSessions: 2, revokedLinks: 0, disabledUsers: 0 });
    const restored = openDatabase(target);
    expect(restored.select().from(session).all()).toEqual([]);
    expect(resolveShareToken(link.token, restored)?.id).toBe(link.id);
    restored.$client.close();
  });
});
