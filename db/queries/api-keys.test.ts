import { describe, expect, it } from 'vitest';
import type { Db } from '../index';
import { openTestDatabase } from '../setup';
import { apiKeys, revisions, user } from '../schema';
import { API_LAST_USED_EVERY_MS, authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './api-keys';
import { hitApiRate } from './api-rate';

const actor = { userId: 'admin-1', email: 'admin@example.com' };

function withAdmin(): Db {
  const db = openTestDatabase();
  db.insert(user).values({ id: actor.userId, email: actor.email, name: 'Admin', role: 'admin' }).run();
  return db;
}

const lastUsed = (db: Db) => db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).get()!.at?.getTime() ?? null;

describe('API keys', () => {
  it('store a prefix and the SHA-256 only: the key appears nowhere in the database, and creation is audited', () => {
    const db = withAdmin();
    const issued = createApiKey({ label: 'Grafana', scopes: ['kpi:write', 'kpi:read'], expiresAt: null }, actor, db);
    const tables = db.$client.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>;
    const dump = tables.map(({ name }) => JSON.stringify(db.$client.prepare(`select * from "${name}"`).all())).join('\n');
    expect(dump).not.toContain(issued.key);
    expect(dump).not.toContain(issued.key.slice(11));
    expect(listApiKeys(db)).toEqual([expect.objectContaining({ id: issued.id, label: 'Grafana', prefix: issued.key.slice(0, 11), scopes: ['kpi:write', 'kpi:read'], creatorEmail: actor.email, lastUsedAt: null, revokedAt: null })]);
    expect(db.select().from(revisions).all()).toEqual([expect.objectContaining({ entity: 'api_key', action: 'create', userEmail: actor.email })]);
  });

  it('authenticate only the exact key, until it expires or is revoked', () => {
    const db = withAdmin();
    const now = new Date('2026-03-01T10:00:00Z');
    const issued = createApiKey({ label: 'Grafana', scopes: ['kpi:read'], expiresAt: new Date('2026-03-02T10:00:00Z') }, actor, db, now);
    expect(authenticateApiKey(`Bearer ${issued.key}`, db, now)).toEqual({ keyId: issued.id, label: 'Grafana', scopes: ['kpi:read'] });
    const sameprefix = issued.key.slice(0, 11) + (issued.key[11] === 'A' ? 'B' : 'A') + issued.key.slice(12);
    expect(authenticateApiKey(`Bearer ${sameprefix}`, db, now)).toBeNull();
    expect(authenticateApiKey(`Bearer ${issued.key}`, db, new Date('2026-03-02T10:00:00Z'))).toBeNull();
    expect(revokeApiKey(issued.id, actor, db, now)).toBe('ok');
    expect(revokeApiKey(issued.id, actor, db, now)).toBe('already_revoked');
    expect(revokeApiKey(999, actor, db, now)).toBe('not_found');
    expect(authenticateApiKey(`Bearer ${issued.key}`, db, now)).toBeNull();
    expect(db.select().from(revisions).all().map((r) => `${r.entity} ${r.action} ${r.reason ?? ''}`)).toEqual(['api_key create ', 'api_key update revoke']);
  });

  it('write last used at most every five minutes', () => {
    const db = withAdmin();
    const t0 = new Date('2026-03-01T10:00:00Z').getTime();
    const { key } = createApiKey({ label: 'k', scopes: ['kpi:read'], expiresAt: null }, actor, db);
    authenticateApiKey(`Bearer ${key}`, db, new Date(t0));
    expect(lastUsed(db)).toBe(t0);
    authenticateApiKey(`Bearer ${key}`, db, new Date(t0 + API_LAST_USED_EVERY_MS - 1));
    expect(lastUsed(db)).toBe(t0);
    authenticateApiKey(`Bearer ${key}`, db, new Date(t0 + API_LAST_USED_EVERY_MS + 1));
    expect(lastUsed(db)).toBe(t0 + API_LAST_USED_EVERY_MS + 1);
    expect(API_LAST_USED_EVERY_MS).toBe(300_000);
  });
});

describe('API rate limit', () => {
  it('counts per key per minute in the database, and says when to retry', () => {
    const db = withAdmin();
    const a = createApiKey({ label: 'a', scopes: ['kpi:read'], expiresAt: null }, actor, db).id;
    const b = createApiKey({ label: 'b', scopes: ['kpi:read'], expiresAt: null }, actor, db).id;
    const at = new Date('2026-03-01T10:00:45Z');
    for (let i = 0; i < 3; i++) expect(hitApiRate(a, db, at, 3).ok).toBe(true);
    expect(hitApiRate(a, db, at, 3)).toEqual({ ok: false, retryAfterSeconds: 15 });
    expect(hitApiRate(b, db, at, 3).ok).toBe(true);
    expect(hitApiRate(a, db, new Date('2026-03-01T10:01:00Z'), 3).ok).toBe(true);
  });
});
