// API keys for /api/v1. The key is returned once at creation and never stored: the row keeps a lookup prefix
// and the SHA-256 of the whole key. Creation and revocation are audited in `revisions`.
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { apiKeyPrefix, bearerKey, generateApiKey, hashApiKey, sameHash } from '@/lib/api/key';
import { parseScopes, type ApiScope, type NewApiKey } from '@/lib/api/scopes';
import { getDb, type Db } from '../index';
import { apiKeys, user } from '../schema';
import { recordRevision } from './audit';

type Actor = { userId: string; email: string } | null;

/** lastUsedAt is written at most this often: a busy key does not write on every request. */
export const API_LAST_USED_EVERY_MS = 5 * 60_000;

export interface ApiKeySummary {
  id: number;
  label: string;
  prefix: string;
  scopes: ApiScope[];
  creatorEmail: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiPrincipal {
  keyId: number;
  label: string;
  scopes: ApiScope[];
}

const actorFields = (actor: Actor) => ({ userId: actor?.userId, userEmail: actor?.email ?? 'cli' });

export function createApiKey(input: NewApiKey, actor: Actor, db: Db = getDb(), now: Date = new Date()): { id: number; key: string; prefix: string } {
  const issued = generateApiKey();
  const id = db.transaction((tx) => {
    const row = tx
      .insert(apiKeys)
      .values({ label: input.label, prefix: issued.prefix, keyHash: issued.hash, scopes: input.scopes.join(','), createdBy: actor?.userId ?? null, createdAt: now, expiresAt: input.expiresAt })
      .returning({ id: apiKeys.id })
      .get();
    recordRevision(tx, { entity: 'api_key', entityId: String(row.id), action: 'create', after: { label: input.label, prefix: issued.prefix, scopes: input.scopes, expiresAt: input.expiresAt?.toISOString() ?? null }, ...actorFields(actor) });
    return row.id;
  });
  return { id, key: issued.key, prefix: issued.prefix };
}

export function listApiKeys(db: Db = getDb()): ApiKeySummary[] {
  return db
    .select({ id: apiKeys.id, label: apiKeys.label, prefix: apiKeys.prefix, scopes: apiKeys.scopes, creatorEmail: user.email, createdAt: apiKeys.createdAt, expiresAt: apiKeys.expiresAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .leftJoin(user, eq(apiKeys.createdBy, user.id))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .all()
    .map((r) => ({ ...r, scopes: parseScopes(r.scopes) }));
}

/** Immediate and final: the next request with the key gets the 401. */
export function revokeApiKey(id: number, actor: Actor, db: Db = getDb(), now: Date = new Date()): 'ok' | 'not_found' | 'already_revoked' {
  return db.transaction((tx) => {
    const row = tx.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, id)).get();
    if (!row) return 'not_found';
    if (row.revokedAt) return 'already_revoked';
    tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).run();
    recordRevision(tx, { entity: 'api_key', entityId: String(id), action: 'update', before: { revokedAt: null }, after: { revokedAt: now.toISOString() }, reason: 'revoke', ...actorFields(actor) });
    return 'ok';
  }, { behavior: 'immediate' });
}

/**
 * The key of an `Authorization` header, or null for a missing, malformed, unknown, revoked or expired key
 * (callers answer all of them alike). Notes the use, at most every API_LAST_USED_EVERY_MS.
 */
export function authenticateApiKey(authorization: string | null, db: Db = getDb(), now: Date = new Date()): ApiPrincipal | null {
  const key = bearerKey(authorization);
  if (!key) return null;
  const hash = hashApiKey(key);
  const row = db
    .select({ id: apiKeys.id, label: apiKeys.label, keyHash: apiKeys.keyHash, scopes: apiKeys.scopes, expiresAt: apiKeys.expiresAt, revokedAt: apiKeys.revokedAt, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, apiKeyPrefix(key)))
    .all()
    .find((r) => sameHash(r.keyHash, hash));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  const stale = new Date(now.getTime() - API_LAST_USED_EVERY_MS);
  // Most requests write nothing; the guarded UPDATE keeps two processes from both writing the same minute.
  if (!row.lastUsedAt || row.lastUsedAt < stale) {
    db.update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))))
      .run();
  }
  return { keyId: row.id, label: row.label, scopes: parseScopes(row.scopes) };
}
