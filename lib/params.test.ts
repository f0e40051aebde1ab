import { expect, it } from 'vitest';
import { decodeSegment, isImpossibleWeekPath, routeWeek, searchParamsRecord } from './params';

it('decodes route segments and turns malformed escapes into null', () => {
  expect(decodeSegment('2023-W29')).toBe('2023-W29');
  expect(decodeSegment('2023%2DW29')).toBe('2023-W29');
  expect(decodeSegment('%E0%A4%A')).toBeNull();
});

it('turns labels of impossible weeks into null, so the page answers 404', () => {
  const now = new Date(2026, 10, 30);
  expect(routeWeek('2026-W49', 'jan1', now)).toBe('2026-11-30');
  expect(routeWeek('2000-W02', 'iso', now)).toBe('2000-01-10');
  for (const label of ['9999-W01', '0001-W01', '0000-W01', '1999-W52', '2028-W01', '2026-W54', '2026-W00', '%E0%A4%A', '2026-13-45']) {
    expect(routeWeek(label, 'jan1', now), label).toBeNull();
  }
});

it('recognises week pages whose label is no week under either numbering', () => {
  const now = new Date(2026, 10, 30);
  for (const path of ['/weeks/9999-W01', '/weeks/9999-W01/print', '/entry/2026-W99', '/s/tok/weeks/0000-W01', '/entry/2026-13-45']) {
    expect(isImpossibleWeekPath(path, now), path).toBe(true);
  }
  for (const path of ['/weeks/2026-W48', '/weeks/2026-W48/print', '/entry/2026-W49', '/s/tok/weeks/2020-W01', '/entry', '/weeks', '/metrics/x', '/s/tok']) {
    expect(isImpossibleWeekPath(path, now), path).toBe(false);
  }
});

it('reads a query string the way pages receive searchParams: repeated keys as arrays', () => {
  expect(searchParamsRecord(new URLSearchParams('range=52w&from=2023-W01&from=2023-W02&v=7'))).toEqual({ range: '52w', from: ['2023-W01', '2023-W02'], v: '7' });
  expect(searchParamsRecord(new URLSearchParams(''))).toEqual({});
});
