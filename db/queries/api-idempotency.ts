// Idempotency-Key for /api/v1 writes (IETF draft): the first request with a key is recorded with a fingerprint
// of its method, path and body; a repeat within 24 h gets the stored first answer without writing again, a
// different request with the same key a 422, and a repeat while the first still runs a 409. In SQLite, so
// several processes serving the app agree.
import { and, eq, lt } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { apiIdempotency } from '../schema';
import type { Tx } from './save-week';

export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A first request still "running" after this long died with its process; a repeat may take over. */
export const IDEMPOTENCY_LEASE_MS = 60_000;

export interface StoredAnswer {
  status: number;
  body: string;
  etag: string | null;
}

export type Claim = { kind: 'claimed' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' } | { kind: 'running' };

export function claimIdempotencyKey(keyId: number, idempotencyKey: string, fingerprint: string, db: Db = getDb(), now: Date = new Date()): Claim {
  return db.transaction((tx) => {
    tx.delete(apiIdempotency).where(lt(apiIdempotency.createdAt, new Date(now.getTime() - IDEMPOTENCY_TTL_MS))).run();
    const where = and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey));
    const row = tx.select().from(apiIdempotency).where(where).get();
    if (row) {
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' } as const;
      if (row.status !== null && row.body !== null) return { kind: 'replay', answer: { status: row.status, body: row.body, etag: row.etag } } as const;
      if (row.leaseUntil.getTime() > now.getTime()) return { kind: 'running' } as const;
      tx.update(apiIdempotency).set({ leaseUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS) }).where(where).run();
      return { kind: 'claimed' } as const;
    }
    tx.insert(apiIdempotency).values({ keyId, idempotencyKey, fingerprint, createdAt: now, leaseUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS) }).run();
    return { kind: 'claimed' } as const;
  }, { behavior: 'immediate' });
}

/** Stores the answer; pass the write's own transaction so the change and the answer to replay land together. */
export function storeIdempotentAnswer(keyId: number, idempotencyKey: string, answer: StoredAnswer, db: Db | Tx = getDb()): void {
  db.update(apiIdempotency)
    .set({ status: answer.status, body: answer.body, etag: answer.etag })
    .where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey)))
    .run();
}

/** Forgets a claim whose request failed without an answer worth replaying (a server error): a retry runs again. */
export function releaseIdempotencyKey(keyId: number, idempotencyKey: string, db: Db = getDb()): void {
  db.delete(apiIdempotency).where(and(eq(apiIdempotency.keyId, keyId), eq(apiIdempotency.idempotencyKey, idempotencyKey))).run();
}
