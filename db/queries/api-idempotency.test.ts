// Idempotency claims and rate counts live in the database file: two connections (two app processes) agree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../index';
import { prepareDatabase } from '../setup';
import { user } from '../schema';
import { claimIdempotencyKey, IDEMPOTENCY_LEASE_MS, releaseIdempotencyKey, storeIdempotentAnswer } from './api-idempotency';
import { createApiKey } from './api-keys';
import { hitApiRate } from './api-rate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-api-idem-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function twoProcesses(name: string) {
  const file = path.join(dir, `${name}.db`);
  const a = prepareDatabase(openDatabase(file));
  const b = openDatabase(file);
  a.insert(user).values({ id: 'admin-1', email: 'a@example.com', name: 'A', role: 'admin' }).run();
  const keyId = createApiKey({ label: 'k', scopes: ['kpi:write'], expiresAt: null }, { userId: 'admin-1', email: 'a@example.com' }, a).id;
  return { a, b, keyId };
}

describe('Idempotency-Key across processes', () => {
  it('the second process sees the first running (409), then its answer (replay), and another body (422)', () => {
    const { a, b, keyId } = twoProcesses('claims');
    const t0 = new Date('2026-03-01T10:00:00Z');
    expect(claimIdempotencyKey(keyId, 'k1', 'body-1', a, t0).kind).toBe('claimed');
    expect(claimIdempotencyKey(keyId, 'k1', 'body-1', b, t0).kind).toBe('running');
    storeIdempotentAnswer(keyId, 'k1', { status: 200, body: '{"version":4}', etag: '"4"' }, a);
    expect(claimIdempotencyKey(keyId, 'k1', 'body-1', b, t0)).toEqual({ kind: 'replay', answer: { status: 200, body: '{"version":4}', etag: '"4"' } });
    expect(claimIdempotencyKey(keyId, 'k1', 'body-2', b, t0).kind).toBe('mismatch');
  });

  it('a claim whose process died is taken over after the lease; a released claim runs again', () => {
    const { a, b, keyId } = twoProcesses('lease');
    const t0 = new Date('2026-03-01T10:00:00Z');
    expect(claimIdempotencyKey(keyId, 'k1', 'f', a, t0).kind).toBe('claimed');
    expect(claimIdempotencyKey(keyId, 'k1', 'f', b, new Date(t0.getTime() + IDEMPOTENCY_LEASE_MS - 1)).kind).toBe('running');
    expect(claimIdempotencyKey(keyId, 'k1', 'f', b, new Date(t0.getTime() + IDEMPOTENCY_LEASE_MS + 1)).kind).toBe('claimed');
    releaseIdempotencyKey(keyId, 'k1', b);
    expect(claimIdempotencyKey(keyId, 'k1', 'other', a, t0).kind).toBe('claimed');
  });
});

describe('rate limit across processes', () => {
  it('counts both processes against one limit', () => {
    const { a, b, keyId } = twoProcesses('rate');
    const at = new Date('2026-03-01T10:00:30Z');
    expect(hitApiRate(keyId, a, at, 2).ok).toBe(true);
    expect(hitApiRate(keyId, b, at, 2).ok).toBe(true);
    expect(hitApiRate(keyId, a, at, 2)).toEqual({ ok: false, retryAfterSeconds: 30 });
  });
});
