import { describe, expect, it } from 'vitest';
import { PageCache, cacheKey, isCacheablePath, isHtmlRequest, joinWithNonce, nonceOf, splitOnNonce } from './page-cache';

const page = (version: string, storedAt = 0) => ({ status: 200, headers: [], segments: [Buffer.from('x')], nonce: null, version, storedAt });

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

  it('keeps users, roles, languages and themes apart', () => {
    const base = { url: '/', userId: 'u1', role: 'viewer', lang: 'en', theme: 'light' };
    const keys = new Set([base, { ...base, userId: 'u2' }, { ...base, role: 'admin' }, { ...base, lang: 'zh' }, { ...base, theme: 'dark' }, { ...base, url: '/?range=13w' }].map(cacheKey));
    expect(keys.size).toBe(6);
  });
});

describe('nonces', () => {
  it('finds the nonce in a CSP and renews every occurrence in the body', () => {
    const csp = "default-src 'self'; script-src 'self' 'nonce-AbC+/9==' 'strict-dynamic'";
    expect(nonceOf(csp)).toBe('AbC+/9==');
    const body = Buffer.from('<script nonce="AbC+/9==">1</script><p>中文</p><style nonce="AbC+/9=="></style>');
    const renewed = joinWithNonce(splitOnNonce(body, 'AbC+/9=='), 'XyZ0000=').toString();
    expect(renewed).toBe('<script nonce="XyZ0000=">1</script><p>中文</p><style nonce="XyZ0000="></style>');
    expect(joinWithNonce(splitOnNonce(body, null), 'unused').equals(body)).toBe(true);
  });
});
