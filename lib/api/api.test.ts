import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { apiKeyPrefix, bearerKey, generateApiKey, hashApiKey, sameHash } from './key';
import { fieldError, problem, problemResponse } from './problem';
import { parseIdempotencyKey, parseIfMatch, requestFingerprint } from './request';
import { apiKeyExpiry, newApiKeySchema } from './scopes';
import { parsePublishBody, parseValuesBody } from './values-body';

describe('API keys', () => {
  it('are wl_ and 256 random bits in base64url, with an 11-character prefix and a SHA-256 of the whole key', () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    for (const k of keys) {
      expect(k.key).toMatch(/^wl_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(k.key.slice(3), 'base64url')).toHaveLength(32);
      expect(k.prefix).toBe(k.key.slice(0, 11));
      expect(k.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(k.hash).toBe(hashApiKey(k.key));
      expect(k.hash).not.toContain(k.key.slice(3));
    }
    expect(new Set(keys.map((k) => k.key)).size).toBe(50);
    expect(apiKeyPrefix(keys[0].key)).toBe(keys[0].prefix);
  });

  it('are read from a Bearer header only when well-formed', () => {
    const { key } = generateApiKey();
    expect(bearerKey(`Bearer ${key}`)).toBe(key);
    expect(bearerKey(`bearer  ${key} `)).toBe(key);
    for (const bad of [null, '', key, `Basic ${key}`, `Bearer ${key}x`, `Bearer ${key.slice(0, -1)}`, `Bearer wl_${'!'.repeat(43)}`, `Bearer ${key} extra`]) {
      expect(bearerKey(bad)).toBeNull();
    }
  });

  it('compare hashes in constant time, and never equal an empty or other hash', () => {
    const h = hashApiKey('wl_a');
    expect(sameHash(h, hashApiKey('wl_a'))).toBe(true);
    expect(sameHash(h, hashApiKey('wl_b'))).toBe(false);
    expect(sameHash('', '')).toBe(false);
    expect(sameHash(h, h.slice(2))).toBe(false);
  });

  it('are made from a label, scopes and an expiry, with every mistake at once', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const ok = newApiKeySchema(now).parse({ label: ' Grafana ', scopes: ['kpi:write', 'kpi:read', 'kpi:write'], expiresIn: '90d' });
    expect(ok).toEqual({ label: 'Grafana', scopes: ['kpi:write', 'kpi:read'], expiresAt: new Date('2026-04-01T00:00:00Z') });
    expect(newApiKeySchema(now).parse({ label: 'x', scopes: ['report:publish'], expiresIn: 'never' }).expiresAt).toBeNull();
    const bad = newApiKeySchema(now).safeParse({ label: '', scopes: ['kpi:delete'], expiresIn: '2w' });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['label', 'scopes']));
    expect(newApiKeySchema(now).safeParse({ label: 'x', scopes: [], expiresIn: '90d' }).success).toBe(false);
    expect(newApiKeySchema(now).safeParse({ label: 'x', scopes: ['kpi:read'], expiresIn: '0d' }).error?.issues[0].path).toEqual(['expiresIn']);
    expect(apiKeyExpiry('3651d', now)).toBeUndefined();
  });
});

describe('problem+json', () => {
  it('has type, title, status, detail and per-field errors with JSON pointers', async () => {
    const p = problem(422, 'validation', 'Fix the fields.', [fieldError(['values', 'a/b~c'], 'Unknown metric key.')]);
    expect(p).toEqual({
      type: 'urn:weekline:problem:validation',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'Fix the fields.',
      errors: [{ pointer: '/values/a~1b~0c', field: 'values.a/b~c', message: 'Unknown metric key.' }],
    });
    expect(problem(401, 'unauthorized', 'x')).not.toHaveProperty('errors');
    const res = problemResponse(problem(429, 'rate-limited', 'slow down'), { 'Retry-After': '7' });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
  });
});

describe('idempotency and preconditions', () => {
  it('fingerprints method, path and exact body bytes', () => {
    const a = requestFingerprint('PUT', '/api/v1/weeks/2023-W29/values', '{"values":{"a":1}}');
    expect(a).toBe(requestFingerprint('put', '/api/v1/weeks/2023-W29/values', new TextEncoder().encode('{"values":{"a":1}}')));
    expect(a).not.toBe(requestFingerprint('PUT', '/api/v1/weeks/2023-W29/values', '{"values":{"a":2}}'));
    expect(a).not.toBe(requestFingerprint('PUT', '/api/v1/weeks/2023-W30/values', '{"values":{"a":1}}'));
    expect(a).not.toBe(requestFingerprint('POST', '/api/v1/weeks/2023-W29/values', '{"values":{"a":1}}'));
  });

  it('reads Idempotency-Key and If-Match', () => {
    expect(parseIdempotencyKey(null)).toBeNull();
    expect(parseIdempotencyKey('"0b6c-11"')).toBe('0b6c-11');
    expect(parseIdempotencyKey('')).toBe('invalid');
    expect(parseIdempotencyKey('has space')).toBe('invalid');
    expect(parseIdempotencyKey('x'.repeat(256))).toBe('invalid');
    expect(parseIfMatch(null)).toBeNull();
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"3"')).toBe(3);
    expect(parseIfMatch('3')).toBe(3);
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch('"3", "4"')).toBe('invalid');
    expect(parseIfMatch('abc')).toBe('invalid');
  });
});

describe('the PUT body', () => {
  it('takes numbers and done/total, derived with the form rules', () => {
    const parsed = parseValuesBody({ values: { inbound_success_rate: 99.95, incidents_a: 0, hive_migration_progress: { done: 120, total: 300 } }, reason: ' late data ' }, DEFAULT_METRICS);
    expect(parsed).toEqual({
      ok: true,
      data: {
        reason: 'late data',
        values: {
          inbound_success_rate: { value: 99.95, done: null, total: null },
          incidents_a: { value: 0, done: null, total: null },
          hive_migration_progress: { value: 40, done: 120, total: 300 },
        },
      },
    });
  });

  it('lists every field error at once, unknown metric keys included', () => {
    const parsed = parseValuesBody(
      {
        values: { inbound_success_rate: 101, availability: 99.123456, incidents_a: 1.5, health_score: '600', nope: 1, hive_migration_progress: { done: 5, total: 3 }, outbound_success_rate: { done: 1, total: 2 }, first_attempt_success_rate: 1e-7 },
        reason: 5,
        extra: true,
      },
      DEFAULT_METRICS,
    );
    expect(parsed.ok).toBe(false);
    const errors = parsed.ok ? [] : parsed.errors;
    const byPointer = Object.fromEntries(errors.map((e) => [e.pointer, e.message]));
    expect(byPointer).toEqual({
      '/extra': expect.stringMatching(/Unknown field/),
      '/reason': 'Give the reason as text.',
      '/values/nope': 'Unknown metric key.',
      '/values/health_score': 'Give a number.',
      '/values/outbound_success_rate': expect.stringMatching(/Only progress metrics/),
      '/values/inbound_success_rate': 'Enter a percentage from 0 to 100.',
      '/values/availability': 'Use at most 4 decimals.',
      '/values/incidents_a': 'Enter a whole number, 0 or more.',
      '/values/hive_migration_progress/done': 'Done cannot be more than the total.',
      '/values/first_attempt_success_rate': 'Enter a number, e.g. 99.95.',
    });
    expect(parseValuesBody({ values: {} }, DEFAULT_METRICS)).toEqual({ ok: false, errors: [{ pointer: '/values', field: 'values', message: 'Give at least one value.' }] });
    expect(parseValuesBody([1], DEFAULT_METRICS).ok).toBe(false);
  });

  it('publish takes an empty body or confirmMissing and reason', () => {
    expect(parsePublishBody(undefined)).toEqual({ ok: true, data: { reason: '', confirmMissing: false } });
    expect(parsePublishBody({ confirmMissing: true })).toEqual({ ok: true, data: { reason: '', confirmMissing: true } });
    const bad = parsePublishBody({ confirmMissing: 'yes', other: 1 });
    expect(bad.ok ? [] : bad.errors.map((e) => e.pointer).sort()).toEqual(['/confirmMissing', '/other']);
  });
});
