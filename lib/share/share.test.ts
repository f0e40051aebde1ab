import { describe, expect, it } from 'vitest';
import { expiryInstant } from './expiry';
import { createSlidingWindowLimiter } from './rate-limit';
import { generateShareToken, hashShareToken, shareTokenSchema } from './token';
import { requestOrigin, shareUrl } from './url';
import { newShareLinkSchema } from './validation';

describe('share tokens', () => {
  it('are 32 random bytes in base64url, hashed as SHA-256 hex', () => {
    const token = generateShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateShareToken()).not.toBe(token);
    expect(hashShareToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(shareTokenSchema.safeParse(token).success).toBe(true);
    expect(shareTokenSchema.safeParse(`${token}=`).success).toBe(false);
    expect(shareTokenSchema.safeParse(token.slice(1)).success).toBe(false);
  });
});

describe('expiry', () => {
  it('is 1, 7, 30 or 90 days from now, or never', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(expiryInstant('1d', now)?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(expiryInstant('90d', now)?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(expiryInstant('never', now)).toBeNull();
  });
});

describe('sliding window limiter', () => {
  it('lets `limit` lookups per window through per client, then refuses until the window slides', () => {
    const limiter = createSlidingWindowLimiter({ limit: 3, windowMs: 1000 });
    expect([0, 10, 20, 30].map((t) => limiter.allow('a', t))).toEqual([true, true, true, false]);
    expect(limiter.allow('b', 30)).toBe(true);
    expect(limiter.allow('a', 999)).toBe(false);
    expect(limiter.allow('a', 1011)).toBe(true);
  });

  it('forgets the oldest clients beyond its size', () => {
    const limiter = createSlidingWindowLimiter({ limit: 1, windowMs: 1000, maxKeys: 2 });
    limiter.allow('a', 0);
    limiter.allow('b', 0);
    limiter.allow('c', 0);
    expect(limiter.allow('a', 1)).toBe(true);
    expect(limiter.allow('c', 1)).toBe(false);
  });
});

describe('share form', () => {
  const schema = newShareLinkSchema('jan1');
  it('turns week labels into Mondays and reports every bad field at once', () => {
    expect(schema.parse({ label: ' Audit ', expiresIn: '7d', fromWeek: '2023-W29', toWeek: '' })).toEqual({ label: 'Audit', expiresIn: '7d', fromWeek: '2023-07-10', toWeek: null, asOf: 'current' });
    const bad = schema.safeParse({ label: '', expiresIn: '2d', fromWeek: 'soon', toWeek: '2023-W60' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['expiresIn', 'fromWeek', 'label', 'toWeek']);
    expect(schema.safeParse({ label: 'x', expiresIn: 'never', fromWeek: '2023-W30', toWeek: '2023-W29' }).error?.issues[0].path).toEqual(['toWeek']);
    expect(newShareLinkSchema('iso').parse({ label: 'x', expiresIn: '1d', fromWeek: '2023-W29' }).fromWeek).toBe('2023-07-17');
  });
});

describe('share URLs', () => {
  it('are absolute, from BASE_URL or the request', () => {
    expect(shareUrl('/s/abc', 'https://kpi.example.com/weekline')).toBe('https://kpi.example.com/s/abc');
    expect(requestOrigin(new Headers({ host: 'localhost:3202' }), 'http://x')).toBe('http://localhost:3202');
    expect(requestOrigin(new Headers({ host: 'a', 'x-forwarded-host': 'kpi.example.com', 'x-forwarded-proto': 'https' }), 'http://x')).toBe('https://kpi.example.com');
    expect(requestOrigin(new Headers(), 'http://localhost:3000')).toBe('http://localhost:3000');
  });
});
