import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from './origin';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('isCrossSiteWrite', () => {
  it('lets reads and same-origin writes through', () => {
    expect(isCrossSiteWrite('GET', h({ host: 'a.test', origin: 'https://evil.test' }))).toBe(false);
    expect(isCrossSiteWrite('POST', h({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).toBe(false);
    expect(isCrossSiteWrite('POST', h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'weekline.example', origin: 'https://weekline.example' }))).toBe(false);
    expect(isCrossSiteWrite('POST', h({ host: 'localhost:3000' }))).toBe(false);
  });

  it.each(['null', 'https://evil.test', 'http://localhost:3001', 'http://localhost.evil.test:3000', 'not a url', '', 'file://'])('refuses a POST from origin %j', (origin) => {
    expect(isCrossSiteWrite('POST', h({ host: 'localhost:3000', origin }))).toBe(true);
  });

  it('checks the forwarded host, not the internal one, behind a proxy', () => {
    expect(isCrossSiteWrite('POST', h({ host: 'weekline.example', 'x-forwarded-host': 'internal:3000', origin: 'https://weekline.example' }))).toBe(true);
  });
});
