import { describe, expect, it } from 'vitest';
import { addWeeks } from '../weeks';
import { downsampleWeeks, type WeekPoint } from './downsample';

const series = (start: string, values: (number | null)[]): WeekPoint[] =>
  values.map((value, i) => ({ week: addWeeks(start, i), value }));

describe('downsampleWeeks', () => {
  it('returns the input itself when it is small enough', () => {
    const points = series('2024-01-01', [1, 2, 3]);
    expect(downsampleWeeks(points)).toBe(points);
    expect(downsampleWeeks(points, 3)).toBe(points);
    const empty: WeekPoint[] = [];
    expect(downsampleWeeks(empty, 1)).toBe(empty);
  });

  it('averages runs of weeks, keyed by the first week, ignoring nulls', () => {
    const points = series('2024-01-01', [1, 3, 5, null, null, null, 7, 8]);
    expect(downsampleWeeks(points, 4)).toEqual([
      { week: '2024-01-01', value: 2 },
      { week: '2024-01-15', value: 5 },
      { week: '2024-01-29', value: null },
      { week: '2024-02-12', value: 7.5 },
    ]);
  });

  it('sums incident counts and keeps the last known progress', () => {
    const points = series('2024-01-01', [1, 0, 2, 1, 0, null]);
    expect(downsampleWeeks(points, 2, { aggregate: 'sum' })).toEqual([
      { week: '2024-01-01', value: 3 },
      { week: '2024-01-22', value: 1 },
    ]);
    const progress = series('2024-01-01', [10, 20, 30, 40, 50, null]);
    expect(downsampleWeeks(progress, 2, { aggregate: 'last' })).toEqual([
      { week: '2024-01-01', value: 30 },
      { week: '2024-01-22', value: 50 },
    ]);
  });

  it('lets the last bucket be shorter', () => {
    // 11 weeks into at most 5 points: runs of 3 weeks give 4 points.
    const out = downsampleWeeks(series('2024-01-01', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 5);
    expect(out.map((p) => p.value)).toEqual([2, 5, 8, 10.5]);
    expect(out.map((p) => p.week)).toEqual(['2024-01-01', '2024-01-22', '2024-02-12', '2024-03-04']);
  });

  it('buckets by calendar weeks, so gaps do not stretch a bucket', () => {
    // Weeks 0, 1, 2 and 9: a 10-week span into 2 points of 5 weeks each.
    const points = [...series('2024-01-01', [1, 2, 3]), { week: '2024-03-04', value: 10 }];
    expect(downsampleWeeks(points, 2)).toEqual([
      { week: '2024-01-01', value: 2 },
      { week: '2024-03-04', value: 10 },
    ]);
  });

  it('keeps the other fields of the first point (mean, sum) or the last point (last)', () => {
    type P = WeekPoint & { done: number; total: number };
    const points: P[] = [
      { week: '2024-01-01', value: 10, done: 1, total: 10 },
      { week: '2024-01-08', value: 20, done: 2, total: 10 },
      { week: '2024-01-15', value: 30, done: 3, total: 10 },
    ];
    expect(downsampleWeeks(points, 1, { aggregate: 'last' })).toEqual([
      { week: '2024-01-01', value: 30, done: 3, total: 10 },
    ]);
    expect(downsampleWeeks(points, 1)).toEqual([{ week: '2024-01-01', value: 20, done: 1, total: 10 }]);
  });

  it('sorts unsorted input and does not mutate it', () => {
    const points = [
      { week: '2024-01-15', value: 3 },
      { week: '2024-01-01', value: 1 },
      { week: '2024-01-08', value: 2 },
    ];
    const copy = structuredClone(points);
    expect(downsampleWeeks(points, 2)).toEqual([
      { week: '2024-01-01', value: 1.5 },
      { week: '2024-01-15', value: 3 },
    ]);
    expect(points).toEqual(copy);
  });

  it('never exceeds maxPoints, with gaps and repeated weeks too', () => {
    const long = series('2000-01-03', Array.from({ length: 1300 }, (_, i) => i));
    expect(downsampleWeeks(long).length).toBeLessThanOrEqual(520);
    expect(downsampleWeeks(long).length).toBeGreaterThan(400);
    for (const n of [2, 7, 52, 100, 521, 1000]) {
      const gappy = Array.from({ length: n }, (_, i) => ({ week: addWeeks('2010-01-04', i * 2 + (i % 3)), value: i }));
      const repeated = Array.from({ length: n }, (_, i) => ({ week: addWeeks('2010-01-04', Math.floor(i / 3)), value: i }));
      for (const max of [1, 2, 3, 5, 10, 51, 520]) {
        expect(downsampleWeeks(gappy, max).length).toBeLessThanOrEqual(max);
        expect(downsampleWeeks(repeated, max).length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('rejects a maxPoints below 1', () => {
    expect(() => downsampleWeeks(series('2024-01-01', [1]), 0)).toThrow(RangeError);
    expect(() => downsampleWeeks(series('2024-01-01', [1]), 2.5)).toThrow(RangeError);
  });
});
