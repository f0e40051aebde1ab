import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from './headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('security headers', () => {
  it('nonces are fresh and unguessable (16 random bytes)', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of [...nonces].slice(0, 20)) expect(atob(n)).toHaveLength(16);
  });

  it('the production policy allows scripts only by nonce and forbids plugins, <base> and framing', () => {
    const d = directives(contentSecurityPolicy('abc123'));
    expect(d['script-src']).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d['script-src']).not.toContain("'unsafe-inline'");
    expect(d['script-src']).not.toContain("'unsafe-eval'");
    expect(d['style-src']).not.toContain("'unsafe-inline'");
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['form-action']).toEqual(["'self'"]);
  });

  it("only development allows eval (React's dev tooling)", () => {
    expect(directives(contentSecurityPolicy('n', { dev: true }))['script-src']).toContain("'unsafe-eval'");
  });

  it('sets nosniff and frame denial', () => {
    expect(STATIC_SECURITY_HEADERS).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
  });
});
