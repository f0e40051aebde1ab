import { describe, expect, it } from 'vitest';
import { hashShareToken } from '@/lib/share/token';
import type { Db } from '../index';
import { openTestDatabase } from '../setup';
import { metricValues, metrics, revisions, shareLinks, user, weeks } from '../schema';
import { createShareLink, listShareLinks, recordShareView, resolveShareToken, revokeShareLink, rotateShareLink } from './share-links';
import { clampToScope, getSharedBounds, getSharedWeek, loadSharedDashboardModel } from './share-links-view';
import { eq } from 'drizzle-orm';

const actor = { userId: 'admin-1', email: 'admin@example.com' };

function withAdmin(): Db {
  const db = openTestDatabase();
  db.insert(user).values({ id: actor.userId, email: actor.email, name: 'Admin', role: 'admin' }).run();
  return db;
}

/** Every text and blob cell of every table, as strings. */
function dumpDatabase(db: Db): string[] {
  const sqlite = db.$client;
  const tables = sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>;
  const cells: string[] = [];
  for (const { name } of tables) {
    for (const row of sqlite.prepare(`select * from "${name}"`).all() as Array<Record<string, unknown>>) {
      for (const v of Object.values(row)) {
        if (typeof v === 'string') cells.push(v);
        else if (Buffer.isBuffer(v)) cells.push(v.toString('hex'), v.toString('base64'), v.toString('latin1'));
      }
    }
  }
  return cells;
}

describe('share links', () => {
  it('store only the SHA-256 of the token: neither it nor its bytes appear anywhere in the database', () => {
    const db = withAdmin();
    const first = createShareLink({ label: 'Audit', expiresIn: '7d' }, actor, db);
    const rotated = rotateShareLink(first.id, actor, db);
    if (typeof rotated === 'string') throw new Error(rotated);
    recordShareView(first.id, db);
    const cells = dumpDatabase(db);
    expect(cells).toContain(hashShareToken(rotated.token));
    for (const token of [first.token, rotated.token]) {
      const bytes = Buffer.from(token, 'base64url');
      expect(bytes).toHaveLength(32);
      const forms = [token, bytes.toString('base64'), bytes.toString('hex'), bytes.toString('hex').toUpperCase(), token.slice(0, 20)];
      for (const form of forms) expect(cells.filter((c) => c.includes(form))).toEqual([]);
    }
    expect(first.path).toBe(`/s/${first.token}`);
  });

  it('resolve a valid token to its scope and refuse malformed, unknown, revoked, expired and rotated ones', () => {
    const db = withAdmin();
    const now = new Date('2026-03-01T00:00:00Z');
    const link = createShareLink({ label: 'Scoped', expiresIn: '1d', fromWeek: '2026-01-05', toWeek: '2026-02-23' }, actor, db, now);
    expect(resolveShareToken(link.token, db, now)).toEqual({ id: link.id, fromWeek: '2026-01-05', toWeek: '2026-02-23', asOf: 'current' });
    for (const bad of ['', 'short', `${link.token}x`, link.token.replace(/.$/, '='), null, 42, '../../etc/passwd']) {
      expect(resolveShareToken(bad, db, now)).toBeNull();
    }
    expect(resolveShareToken('A'.repeat(43), db, now)).toBeNull();
    // Expired: one day later to the millisecond.
    expect(resolveShareToken(link.token, db, new Date(now.getTime() + 86_400_000))).toBeNull();
    expect(resolveShareToken(link.token, db, new Date(now.getTime() + 86_399_999))).not.toBeNull();

    const never = createShareLink({ label: 'Forever', expiresIn: 'never' }, actor, db, now);
    expect(resolveShareToken(never.token, db, new Date('2099-01-01'))).not.toBeNull();
    const rotated = rotateShareLink(never.id, actor, db);
    if (typeof rotated === 'string') throw new Error(rotated);
    expect(resolveShareToken(never.token, db)).toBeNull();
    expect(resolveShareToken(rotated.token, db)?.id).toBe(never.id);
    expect(revokeShareLink(never.id, actor, db)).toBe('ok');
    expect(resolveShareToken(rotated.token, db)).toBeNull();
    expect(revokeShareLink(never.id, actor, db)).toBe('already_revoked');
    expect(rotateShareLink(never.id, actor, db)).toBe('revoked');
    expect(revokeShareLink(999, actor, db)).toBe('not_found');
    expect(rotateShareLink(999, actor, db)).toBe('not_found');
  });

  it('count views and the last use, list links with their creator, and audit create, rotate and revoke', () => {
    const db = withAdmin();
    const link = createShareLink({ label: 'Board', expiresIn: '30d' }, actor, db);
    createShareLink({ label: 'From the shell', expiresIn: 'never' }, null, db);
    const used = new Date('2026-04-01T10:00:00Z');
    recordShareView(link.id, db, new Date('2026-03-31T10:00:00Z'));
    recordShareView(link.id, db, used);
    const board = listShareLinks(db).find((l) => l.id === link.id);
    expect(board).toMatchObject({ label: 'Board', creatorEmail: actor.email, views: 2, lastUsedAt: used, revokedAt: null });
    expect(board?.expiresAt?.getTime()).toBe(board!.createdAt.getTime() + 30 * 86_400_000);
    expect(listShareLinks(db).find((l) => l.label === 'From the shell')).toMatchObject({ creatorEmail: null, expiresAt: null, views: 0 });

    rotateShareLink(link.id, actor, db);
    revokeShareLink(link.id, actor, db);
    const audit = db.select().from(revisions).where(eq(revisions.entity, 'share')).orderBy(revisions.id).all();
    expect(audit.map((r) => [r.entityId, r.action, r.reason, r.userEmail])).toEqual([
      [String(link.id), 'create', null, actor.email],
      [expect.any(String), 'create', null, 'cli'],
      [String(link.id), 'update', 'rotate', actor.email],
      [String(link.id), 'update', 'revoke', actor.email],
    ]);
  });
});

describe('what a share link may read', () => {
  function seedWeeks(db: Db) {
    const health = db.select().from(metrics).where(eq(metrics.key, 'health_score')).get()!;
    const rows: Array<[string, 'published' | 'draft', number]> = [
      ['2026-01-05', 'published', 700],
      ['2026-01-12', 'published', 710],
      ['2026-01-19', 'published', 720],
      ['2026-01-26', 'draft', 999],
    ];
    for (const [weekStart, status, value] of rows) {
      db.insert(weeks).values({ weekStart, status, notes: `public ${weekStart}`, internalNotes: `secret ${weekStart}` }).run();
      db.insert(metricValues).values({ weekStart, metricId: health.id, value }).run();
    }
  }

  it('keeps to published weeks inside the fixed range, without internal notes', () => {
    const db = openTestDatabase();
    seedWeeks(db);
    const open = { fromWeek: null, toWeek: null };
    const scoped = { fromWeek: '2026-01-12', toWeek: '2026-01-12' };
    expect(getSharedBounds(open, db)).toEqual({ earliest: '2026-01-05', latest: '2026-01-19' });
    expect(getSharedBounds(scoped, db)).toEqual({ earliest: '2026-01-12', latest: '2026-01-12' });
    expect(getSharedBounds({ fromWeek: '2027-01-04', toWeek: null }, db)).toBeNull();

    expect(getSharedWeek('2026-01-26', open, db)).toBeNull();
    expect(getSharedWeek('2026-01-05', scoped, db)).toBeNull();
    const week = getSharedWeek('2026-01-12', scoped, db)!;
    expect(week).toMatchObject({ notes: 'public 2026-01-12', previousWeek: null, nextWeek: null, previousValues: {} });
    expect(JSON.stringify(week)).not.toContain('secret');
    expect(getSharedWeek('2026-01-12', open, db)).toMatchObject({ previousWeek: '2026-01-05', nextWeek: '2026-01-19' });
    expect(getSharedWeek('2026-01-19', open, db)?.nextWeek).toBeNull();

    const model = loadSharedDashboardModel({ from: '2025-10-06', to: '2026-01-26', latestWeek: '2026-01-12', lang: 'en', numbering: 'jan1', scope: scoped }, db);
    const tile = model.tiles.find((t) => t.metric.key === 'health_score')!;
    expect(tile.value).toBe(710);
    expect(tile.spark).toEqual([710]);
    expect(JSON.stringify(model)).not.toContain('999');
    expect(clampToScope({ from: '2025-01-06', to: '2026-12-28' }, scoped)).toEqual({ from: '2026-01-12', to: '2026-01-12' });
  });

  it('never shows draft values on the open dashboard', () => {
    const db = openTestDatabase();
    seedWeeks(db);
    const model = loadSharedDashboardModel({ from: '2026-01-05', to: '2026-01-26', latestWeek: '2026-01-19', lang: 'en', numbering: 'jan1', scope: { fromWeek: null, toWeek: null } }, db);
    expect(JSON.stringify(model)).not.toContain('999');
  });
});

describe('share_links table', () => {
  it('has no column that could hold the token itself', () => {
    const db = openTestDatabase();
    const columns = (db.$client.prepare(`pragma table_info(share_links)`).all() as Array<{ name: string }>).map((c) => c.name);
    // channel_id (integer) names the channel a digest link belongs to; its token is derived, never stored.
    expect(columns).toEqual(['id', 'label', 'token_hash', 'from_week', 'to_week', 'created_by', 'created_at', 'expires_at', 'revoked_at', 'last_used_at', 'views', 'channel_id', 'as_of']);
    expect(db.select().from(shareLinks).all()).toEqual([]);
  });
});
