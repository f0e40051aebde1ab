import { describe, expect, it } from 'vitest';
import { PageCache, cacheKey, isCacheablePath, isHtmlRequest } from './page-cache';

const page = (version: string, storedAt = 0) => ({ status: 200, headers: [], body: Buffer.from('x'), version, storedAt });

describe('PageCache', () => {
  it('serves an entry only while the data version matches and it is fresh', () => {
    const cache = new PageCache(10, 1000);
    cache.set('k', page('7', 0));
    expect(cache.get('k', '7', 500)).not.toBeNull();
    expect(cache.get('k', '8', 600)).toBeNull();
    expect(cache.get('k', '7', 700)).toBeNull();
    cache.set('k', page('7', 0));
    expect(cache.get('k', '7', 1500)).toBeNull();
  });

  it('evicts the least recently used entry past its size', () => {
    const cache = new PageCache(2, 10_000);
    cache.set('a', page('1'));
    cache.set('b', page('1'));
    cache.get('a', '1', 1);
    cache.set('c', page('1'));
    expect(cache.get('b', '1', 1)).toBeNull();
    expect(cache.get('a', '1', 1)).not.toBeNull();
    expect(cache.size).toBe(2);
  });
});

describe('what may be cached', () => {
  it('covers the weekly views only, never forms, admin pages or share links', () => {
    expect(['/', '/weeks/2023-W29', '/metrics/health_score'].every(isCacheablePath)).toBe(true);
    expect(['/entry', '/entry/2023-W29', '/admin/users', '/login', '/s/abc', '/weeks/2023-W29/print', '/api/health'].some(isCacheablePath)).toBe(false);
  });

  it('skips RSC fetches, prefetches, actions and non-GET requests', () => {
    expect(isHtmlRequest('GET', {}, '?range=13w')).toBe(true);
    expect(isHtmlRequest('GET', { rsc: '1' }, '')).toBe(false);
    expect(isHtmlRequest('GET', {}, '?_rsc=abc')).toBe(false);
    expect(isHtmlRequest('POST', {}, '')).toBe(false);
    expect(isHtmlRequest('GET', { 'next-action': 'x' }, '')).toBe(false);
  });

  it('keeps users, roles, languages, themes and encodings apart', () => {
    const base = { url: '/', userId: 'u1', role: 'viewer', lang: 'en', theme: 'light', gzip: false };
    const keys = new Set([base, { ...base, userId: 'u2' }, { ...base, role: 'admin' }, { ...base, lang: 'zh' }, { ...base, theme: 'dark' }, { ...base, gzip: true }].map(cacheKey));
    expect(keys.size).toBe(6);
  });
});
