// Promise: after login a user only ever lands on a path of this site; a hostile `next` gives `/`, and
// whatever comes back is a valid Location header (no raw control or non-ASCII character, so never a 500).
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './auth';

const HOSTILE = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r/evil.example',
  '/\r\n/evil.example',
  '/\u0000/evil.example',
  '/ /evil.example',
  '/\u00a0/evil.example',
  '/\u3000/evil.example',
  '\t//evil.example',
  ' /evil',
  '/..//evil.example',
  '/.//evil.example',
  'https://evil.example',
  'http:evil.example',
  '//user:pass@evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  '/\\/evil.example',
  '/\u0085/evil.example',
  '',
  'weeks',
  '/' + 'a'.repeat(3000),
];

describe('safeReturnPath', () => {
  it.each(HOSTILE)('refuses %j', (next) => {
    expect(safeReturnPath(next)).toBe('/');
  });

  it('refuses what is not a string', () => {
    for (const next of [undefined, null, 42, ['/weeks'], { href: '/' }]) expect(safeReturnPath(next)).toBe('/');
  });

  it('keeps our own paths, query and fragment', () => {
    expect(safeReturnPath('/weeks/2026-W05')).toBe('/weeks/2026-W05');
    expect(safeReturnPath('/?range=13w&kiosk=1')).toBe('/?range=13w&kiosk=1');
    expect(safeReturnPath('/entry/2026-W05#incidents')).toBe('/entry/2026-W05#incidents');
    expect(safeReturnPath('/admin/../weeks')).toBe('/weeks');
  });

  it('percent-encodes what it keeps, so the Location header is always valid', () => {
    // What Next hands the page for `?next=/%E3%80%82/x` (an ideographic full stop, decoded).
    expect(safeReturnPath('/\u3002/x')).toBe('/%E3%80%82/x');
    expect(safeReturnPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeReturnPath('/%09/evil.example')).toBe('/%09/evil.example');
    for (const next of ['/\u3002/x', '/周报?周=1', '/%E3%80%82/x']) {
      expect(safeReturnPath(next)).toMatch(/^\/[\x21-\x7e]*$/);
    }
  });

  it('every result resolves to our own origin', () => {
    for (const next of [...HOSTILE, '/weeks', '/\u3002/x', '/%5C%5Cevil.example']) {
      const out = safeReturnPath(next);
      expect(new URL(out, 'https://weekline.test').origin).toBe('https://weekline.test');
    }
  });
});
