import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { metricDelta } from './delta';

const byKey = (key: string) => {
  const m = DEFAULT_METRICS.find((d) => d.key === key);
  if (!m) throw new Error(key);
  return m;
};
const inbound = byKey('inbound_success_rate');
const incidents = byKey('incidents_c');
const health = byKey('health_score');
const hive = byKey('hive_overall_progress');
const availability = byKey('availability');

describe('metricDelta', () => {
  it('gives rates in percentage points, without float noise', () => {
    // 99.99 - 99.97 is 0.01999999999999602 in floating point.
    expect(metricDelta(99.99, 99.97, inbound)).toEqual({ value: 0.02, unit: 'pp', tone: 'good' });
    expect(metricDelta(99.97, 99.99, inbound)).toEqual({ value: -0.02, unit: 'pp', tone: 'bad' });
  });

  it('gives progress in percentage points', () => {
    expect(metricDelta(72.5, 70, hive)).toEqual({ value: 2.5, unit: 'pp', tone: 'good' });
  });

  it('gives counts and scores as absolute changes, toned by direction', () => {
    expect(metricDelta(1, 4, incidents)).toEqual({ value: -3, unit: 'abs', tone: 'good' });
    expect(metricDelta(4, 1, incidents)).toEqual({ value: 3, unit: 'abs', tone: 'bad' });
    expect(metricDelta(612, 600, health)).toEqual({ value: 12, unit: 'abs', tone: 'good' });
  });

  it('is flat when the change rounds to zero at the metric decimals', () => {
    expect(metricDelta(99.991, 99.99, inbound)).toEqual({ value: 0, unit: 'pp', tone: 'flat' });
    expect(metricDelta(2, 2, incidents)).toEqual({ value: 0, unit: 'abs', tone: 'flat' });
    const small = metricDelta(99.989, 99.99, inbound);
    expect(small?.tone).toBe('flat');
    expect(Object.is(small?.value, 0)).toBe(true); // never -0
    // Availability shows 3 decimals, so 0.001 is a visible change.
    expect(metricDelta(99.999, 99.998, availability)).toEqual({ value: 0.001, unit: 'pp', tone: 'good' });
  });

  it('is null when either side is missing', () => {
    expect(metricDelta(null, 99.99, inbound)).toBeNull();
    expect(metricDelta(99.99, null, inbound)).toBeNull();
    expect(metricDelta(undefined, undefined, inbound)).toBeNull();
    expect(metricDelta(0, Number.NaN, incidents)).toBeNull();
  });
});
