import { describe, expect, it } from 'vitest';
import { listWeeks } from '../weeks';
import { buildIncidentRows, buildLineChart, zoomedDomain } from './chart-data';

const metric = { key: 'first_attempt_success_rate', label: 'FA', unit: '%', decimals: 2, kind: 'rate' as const, direction: 'higher' as const, truncate: false };
const targets = [
  { metricKey: metric.key, effectiveFrom: '2000-01-03', target: 99.2, warning: 99.0 },
  { metricKey: metric.key, effectiveFrom: '2023-07-10', target: 99.3, warning: 99.1 },
];

describe('buildLineChart', () => {
  const weeks = listWeeks('2023-06-26', '2023-07-17');
  const model = buildLineChart({
    weeks,
    series: { [metric.key]: [99.22, null, 99.35, 99.29] },
    metrics: [metric],
    targets,
    gradedWeeks: ['2023-07-03'],
    label: (w) => w,
  });

  it('draws each week against the target in force that week, with its warning band', () => {
    expect(model.rows.map((r) => r[`${metric.key}__target`])).toEqual([99.2, 99.2, 99.3, 99.3]);
    expect(model.rows[3][`${metric.key}__band`]).toEqual([99.1, 99.3]);
    expect(model.rows[1][metric.key]).toBeNull();
    expect(model.markers).toEqual(['2023-07-03']);
  });

  it('zooms the axis to the data, targets and warnings instead of 0–100', () => {
    expect(model.domain![0]).toBeGreaterThan(98.9);
    expect(model.domain![0]).toBeLessThan(99.0);
    expect(model.domain![1]).toBeGreaterThan(99.35);
    expect(model.domain![1]).toBeLessThan(99.5);
  });

  it('never sends more than 520 points, whatever the range', () => {
    const long = listWeeks('2000-01-03', '2026-11-23');
    const big = buildLineChart({ weeks: long, series: { [metric.key]: long.map(() => 99.3) }, metrics: [metric], targets, gradedWeeks: [], label: (w) => w });
    expect(long.length).toBeGreaterThan(1400);
    expect(big.rows.length).toBeLessThanOrEqual(520);
    expect(big.rows.every((r) => r[metric.key] === 99.3)).toBe(true);
  });

  it('marks a point restated since its week was published, only on the restated metric and only where it has a value', () => {
    const other = { ...metric, key: 'inbound_success_rate', label: 'In' };
    const restated = new Map([['2023-07-03', new Set([metric.key])], ['2023-07-10', new Set([metric.key, other.key])]]);
    const marked = buildLineChart({ weeks, series: { [metric.key]: [99.22, 99.3, 99.35, 99.29], [other.key]: [99.9, 99.9, null, 99.9] }, metrics: [metric, other], targets, gradedWeeks: [], label: (w) => `L${w}`, restated });
    expect(marked.rows.map((r) => r[`${metric.key}__restated`] ?? null)).toEqual([null, 1, 1, null]);
    expect(marked.rows.map((r) => r[`${other.key}__restated`] ?? null)).toEqual([null, null, null, null]);
    expect(marked.restated).toEqual(['L2023-07-03', 'L2023-07-10']);
    expect(model.restated).toEqual([]);
    // A point that stands for a bucket of weeks is no one week's figure: no marker once down-sampled.
    const long = listWeeks('2000-01-03', '2026-11-23');
    const big = buildLineChart({ weeks: long, series: { [metric.key]: long.map(() => 99.3) }, metrics: [metric], targets, gradedWeeks: [], label: (w) => w, restated: new Map(long.map((w) => [w, new Set([metric.key])])) });
    expect(big.restated).toEqual([]);
  });
});

describe('zoomedDomain', () => {
  it('is null without data and pads a flat line', () => {
    expect(zoomedDomain([], 2)).toBeNull();
    expect(zoomedDomain([99.99, 99.99], 2)).toEqual([99.98, 100]);
    expect(zoomedDomain([99.95, 99.99], 2, 100)).toEqual([99.94, 100]);
    expect(zoomedDomain([471, 512], 0)).toEqual([466, 517]);
  });
});

describe('buildIncidentRows', () => {
  it('stacks grades per week and totals them as the report does (AB / CD, ungraded apart)', () => {
    const { rows, totals } = buildIncidentRows({
      weeks: ['2023-07-03', '2023-07-10'],
      series: { incidents_b: [0, 1], incidents_d: [1, 2] },
      ungraded: [2, 0],
      label: (w) => w,
    });
    expect(rows[1]).toMatchObject({ A: 0, B: 1, C: 0, D: 2, ungraded: 0 });
    expect(totals).toEqual({ AB: 1, CD: 3, ungraded: 2 });
  });
});
