import { expect, it } from 'vitest';
import { decodeSegment, routeWeek } from './params';

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
