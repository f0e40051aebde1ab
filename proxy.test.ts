// The proxy's redirect behaviour is unchanged by the security headers, and every answer carries them.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from './proxy';

const req = (path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) =>
  new NextRequest(new URL(path, 'http://localhost:3000'), { method: init.method ?? 'GET', headers: { host: 'localhost:3000', ...init.headers }, body: init.body });

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
  it.each(['/', '/admin/users?tab=1', '/weeks/2024-W02', '/api/export/csv?from=2024-W01'])('sends a signed-out GET of %s to the login page', async (path) => {
    const res = await proxy(req(path));
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get('location')!);
    expect(location.pathname).toBe('/login');
    expect(location.searchParams.get('next')).toBe(path);
    expectHeaders(res);
  });

  it.each(['/login', '/login?next=/x', '/s/abc', '/api/health', '/_next/webpack-hmr', '/favicon.ico'])('lets the public path %s through', async (path) => {
    const res = await proxy(req(path));
    expect(res.headers.get('x-middleware-next')).toBe('1');
    expectHeaders(res);
  });

  it('lets a request with a session cookie through (the page checks it) and hands the nonce to Next', async () => {
    const res = await proxy(req('/admin/users', { headers: { cookie: '__Host-weekline.session=abc' } }));
    expect(res.headers.get('x-middleware-next')).toBe('1');
    const forwarded = res.headers.get('x-middleware-request-content-security-policy');
    expect(forwarded).toBe(res.headers.get('content-security-policy'));
    expectHeaders(res);
  });

  it('lets same-origin and origin-less POSTs through, signed in or not (actions check the session)', async () => {
    for (const headers of [{ origin: 'http://localhost:3000' }, {}] as Record<string, string>[]) {
      const res = await proxy(req('/entry/2024-W02', { method: 'POST', headers: { 'next-action': 'x', ...headers }, body: '[{"weekStart":"2024-01-08"}]' }));
      expect(res.headers.get('x-middleware-next')).toBe('1');
    }
  });

  it.each(['null', 'https://evil.example', 'http://localhost:3001'])('refuses a POST from origin %s', async (origin) => {
    const res = await proxy(req('/entry/2024-W02', { method: 'POST', headers: { origin, 'next-action': 'x', cookie: '__Host-weekline.session=abc' } }));
    expect(res.status).toBe(403);
    expectHeaders(res);
  });

  it('uses a fresh nonce every time', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => proxy(req('/login'))));
    const nonces = new Set(responses.map((res) => /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy')!)![1]));
    expect(nonces.size).toBe(50);
  });

  it('share pages send no Referer at all', async () => {
    expect((await proxy(req('/s/abc'))).headers.get('referrer-policy')).toBe('no-referrer');
    expect((await proxy(req('/login'))).headers.get('referrer-policy')).toBe('same-origin');
  });

  it.each(['/weeks/%E0%A4%A', '/s/abc/weeks/%E0%A4%A', '/entry/%ZZ'])('answers a malformed escape in %s with 404, before Next fails to decode it', async (path) => {
    const res = await proxy(req(path, { headers: { cookie: '__Host-weekline.session=abc' } }));
    expect(res.status).toBe(404);
    expectHeaders(res);
  });

  it('sends a signed-in request for an impossible week page to the not-found page, and a real week through', async () => {
    const cookie = { cookie: '__Host-weekline.session=abc' };
    const impossible = await proxy(req('/weeks/9999-W01', { headers: cookie }));
    expect(new URL(impossible.headers.get('x-middleware-rewrite')!).pathname).toBe('/no-such-week');
    expectHeaders(impossible);
    expect((await proxy(req('/weeks/2024-W02', { headers: cookie }))).headers.get('x-middleware-rewrite')).toBeNull();
    // Signed out, the login redirect comes first, as for every protected page.
    expect((await proxy(req('/weeks/9999-W01'))).status).toBe(307);
  });

  // Issue 11 item 6: bodies Next.js's action decoder would throw on get a 4xx here, before it runs.
  const action = (body: BodyInit, headers: Record<string, string> = {}) =>
    proxy(req('/import', { method: 'POST', headers: { origin: 'http://localhost:3000', 'next-action': 'abc', 'content-type': 'text/plain;charset=UTF-8', ...headers }, body }));

  it.each(['["$Q1"]', '["$W1"]', '["$T"]', '[{"a":"$@1"}]', '["$1"]', '["$F1"]', '["$h1"]', '["$B1"]', '["$K1"]', '["$0:nope"]', '["$nx"]', '{"text":', 'not json', ''])(
    'refuses the action body %s with a 400',
    async (body) => {
      const res = await action(body);
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('Malformed request.');
      expectHeaders(res);
    },
  );

  it('passes the values the React client sends for plain arguments', async () => {
    const body = JSON.stringify([{ text: '$$5 price', n: '$undefined', at: '$D2026-11-30T00:00:00.000Z', big: '$n12', inf: '$-Infinity', same: { x: 1 }, again: '$0:0:same' }]);
    expect((await action(body)).headers.get('x-middleware-next')).toBe('1');
  });

  it('passes a FormData argument and refuses a multipart body without its root or with a reference', async () => {
    const multipart = (root: string | null) => {
      const form = new FormData();
      form.append('1_email', 'a@example.com');
      if (root !== null) form.append('0', root);
      return proxy(req('/login', { method: 'POST', headers: { origin: 'http://localhost:3000', 'next-action': 'abc' }, body: form }));
    };
    expect((await multipart('[null,"$K1"]')).headers.get('x-middleware-next')).toBe('1');
    expect((await multipart('["$Q1"]')).status).toBe(400);
    expect((await multipart(null)).status).toBe(400);
  });

  it('refuses action bodies over 1 MB with a 413, by declared length or by the bytes sent', async () => {
    const limit = 1024 * 1024;
    const big = `["${'x'.repeat(limit - 3)}"]`;
    expect(big.length).toBe(limit + 1);
    const declared = await action('[]', { 'content-length': String(limit + 1) });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toMatch(/too large/);
    expect((await action(big)).status).toBe(413);
    const justFits = `["${'x'.repeat(limit - 4)}"]`;
    expect((await action(justFits)).headers.get('x-middleware-next')).toBe('1');
  });

  it('hands /api/v1 to its handlers: no login redirect, no Origin check (Bearer keys only, never cookies)', async () => {
    for (const [path, method, headers] of [
      ['/api/v1/weeks/2024-W02', 'GET', {}],
      ['/api/v1/openapi.json', 'GET', {}],
      ['/api/v1/weeks/2024-W02/values', 'PUT', { origin: 'https://monitoring.example', authorization: 'Bearer wl_x' }],
      ['/api/v1/weeks/2024-W02/publish', 'POST', { origin: 'null' }],
    ] as const) {
      const res = await proxy(req(path, { method, headers }));
      expect(res.headers.get('x-middleware-next')).toBe('1');
      expectHeaders(res);
    }
    expect((await proxy(req('/api/v1x/weeks'))).status).toBe(307);
    expect((await proxy(req('/api/export/csv', { method: 'POST', headers: { origin: 'https://evil.example' } }))).status).toBe(403);
  });
});
