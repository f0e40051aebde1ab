import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { buildTiles } from './tiles';

const targets = [
  { metricKey: 'first_attempt_success_rate', effectiveFrom: '2000-01-03', target: 99.2, warning: 99.0 },
  { metricKey: 'first_attempt_success_rate', effectiveFrom: '2023-07-03', target: 99.3, warning: 99.1 },
  { metricKey: 'incidents_b', effectiveFrom: '2000-01-03', target: 0, warning: null },
];

describe('buildTiles', () => {
  it('judges each week against the target in force that week', () => {
    const metrics = DEFAULT_METRICS.filter((m) => m.key === 'first_attempt_success_rate');
    const before = buildTiles({ metrics, targets, week: '2023-06-26', current: { first_attempt_success_rate: { value: 99.22 } }, previous: null });
    const after = buildTiles({ metrics, targets, week: '2023-07-10', current: { first_attempt_success_rate: { value: 99.22 } }, previous: null });
    expect(before[0].status).toBe('met');
    expect(after[0].status).toBe('warning');
    expect(after[0].target?.target).toBe(99.3);
  });

  it('colours the change by direction and leaves missing values missing', () => {
    const metrics = DEFAULT_METRICS.filter((m) => m.key === 'incidents_b' || m.key === 'health_score');
    const tiles = buildTiles({
      metrics,
      targets,
      week: '2023-07-24',
      current: { incidents_b: { value: 1 } },
      previous: { incidents_b: { value: 0 }, health_score: { value: 589 } },
    });
    expect(tiles[0]).toMatchObject({ value: 1, status: 'missed', delta: { value: 1, tone: 'bad', unit: 'abs' } });
    expect(tiles[1]).toMatchObject({ value: null, status: 'none', delta: null });
  });
});
