// The proxy's redirect behaviour is unchanged by the security headers, and every answer carries them.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from './proxy';

const req = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, 'http://localhost:3000'), { method: init.method ?? 'GET', headers: { host: 'localhost:3000', ...init.headers } });

function expectHeaders(res: Response) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
}

describe('proxy', () => {
  it.each(['/', '/admin/users?tab=1', '/weeks/2024-W02', '/api/export/csv?from=2024-W01'])('sends a signed-out GET of %s to the login page', (path) => {
    const res = proxy(req(path));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe(path);
    expectHeaders(res);
  });

  it.each(['/login', '/login?next=/x', '/s/abc', '/api/health', '/_next/webpack-hmr', '/favicon.ico'])('lets the public path %s through', (path) => {
    const res = proxy(req(path));
    expect(res.headers.get('x-middleware-next')).toBe('1');
    expectHeaders(res);
  });

  it('lets a request with a session cookie through (the page checks it) and hands the nonce to Next', () => {
    const res = proxy(req('/admin/users', { headers: { cookie: '__Host-weekline.session=abc' } }));
    expect(res.headers.get('x-middleware-next')).toBe('1');
    const forwarded = res.headers.get('x-middleware-request-content-security-policy');
    expect(forwarded).toBe(res.headers.get('content-security-policy'));
    expectHeaders(res);
  });

  it('lets same-origin and origin-less POSTs through, signed in or not (actions check the session)', () => {
    for (const headers of [{ origin: 'http://localhost:3000' }, {}] as Record<string, string>[]) {
      const res = proxy(req('/entry/2024-W02', { method: 'POST', headers: { 'next-action': 'x', ...headers } }));
      expect(res.headers.get('x-middleware-next')).toBe('1');
    }
  });

  it.each(['null', 'https://evil.example', 'http://localhost:3001'])('refuses a POST from origin %s', (origin) => {
    const res = proxy(req('/entry/2024-W02', { method: 'POST', headers: { origin, 'next-action': 'x', cookie: '__Host-weekline.session=abc' } }));
    expect(res.status).toBe(403);
    expectHeaders(res);
  });

  it('uses a fresh nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => /'nonce-([^']+)'/.exec(proxy(req('/login')).headers.get('content-security-policy')!)![1]));
    expect(nonces.size).toBe(50);
  });

  it('share pages send no Referer at all', () => {
    expect(proxy(req('/s/abc')).headers.get('referrer-policy')).toBe('no-referrer');
    expect(proxy(req('/login')).headers.get('referrer-policy')).toBe('same-origin');
  });

  it('hands /api/v1 to its handlers: no login redirect, no Origin check (Bearer keys only, never cookies)', () => {
    for (const [path, method, headers] of [
      ['/api/v1/weeks/2024-W02', 'GET', {}],
      ['/api/v1/openapi.json', 'GET', {}],
      ['/api/v1/weeks/2024-W02/values', 'PUT', { origin: 'https://monitoring.example', authorization: 'Bearer wl_x' }],
      ['/api/v1/weeks/2024-W02/publish', 'POST', { origin: 'null' }],
    ] as const) {
      const res = proxy(req(path, { method, headers }));
      expect(res.headers.get('x-middleware-next')).toBe('1');
      expectHeaders(res);
    }
    expect(proxy(req('/api/v1x/weeks')).status).toBe(307);
    expect(proxy(req('/api/export/csv', { method: 'POST', headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});
