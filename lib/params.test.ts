import { expect, it } from 'vitest';
import { decodeSegment } from './params';

it('decodes route segments and turns malformed escapes into null', () => {
  expect(decodeSegment('2023-W29')).toBe('2023-W29');
  expect(decodeSegment('2023%2DW29')).toBe('2023-W29');
  expect(decodeSegment('%E0%A4%A')).toBeNull();
});
