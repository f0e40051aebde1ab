import { expect, it } from 'vitest';
import { decodeSegment, searchParamsRecord } from './params';

it('decodes route segments and turns malformed escapes into null', () => {
  expect(decodeSegment('2023-W29')).toBe('2023-W29');
  expect(decodeSegment('2023%2DW29')).toBe('2023-W29');
  expect(decodeSegment('%E0%A4%A')).toBeNull();
});

it('reads a query string the way pages receive searchParams: repeated keys as arrays', () => {
  expect(searchParamsRecord(new URLSearchParams('range=52w&from=2023-W01&from=2023-W02&v=7'))).toEqual({ range: '52w', from: ['2023-W01', '2023-W02'], v: '7' });
  expect(searchParamsRecord(new URLSearchParams(''))).toEqual({});
});
