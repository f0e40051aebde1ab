import { describe, expect, it } from 'vitest';
import { targetInForce, targetSteps, type TargetRow } from './targets';

const rows: TargetRow[] = [
  // Deliberately out of order, with another metric mixed in.
  { metricKey: 'inbound_success_rate', effectiveFrom: '2024-07-01', target: 99.995, warning: 99.99 },
  { metricKey: 'inbound_success_rate', effectiveFrom: '2024-01-01', target: 99.99, warning: 99.95 },
  { metricKey: 'incidents_a', effectiveFrom: '2023-01-02', target: 0, warning: null },
  { metricKey: 'inbound_success_rate', effectiveFrom: '2025-01-06', target: 99.98, warning: null },
];

describe('targetInForce', () => {
  it('returns null before the first target of the metric', () => {
    expect(targetInForce(rows, 'inbound_success_rate', '2023-12-25')).toBeNull();
  });

  it('applies a target from its own week onward', () => {
    expect(targetInForce(rows, 'inbound_success_rate', '2024-01-01')?.target).toBe(99.99);
    expect(targetInForce(rows, 'inbound_success_rate', '2024-06-24')?.target).toBe(99.99);
    expect(targetInForce(rows, 'inbound_success_rate', '2024-07-01')).toEqual(rows[0]);
    expect(targetInForce(rows, 'inbound_success_rate', '2024-12-30')?.target).toBe(99.995);
    expect(targetInForce(rows, 'inbound_success_rate', '2030-01-07')).toEqual(rows[3]);
  });

  it('ignores other metrics and handles no rows', () => {
    expect(targetInForce(rows, 'incidents_a', '2024-07-01')).toEqual(rows[2]);
    expect(targetInForce(rows, 'health_score', '2024-07-01')).toBeNull();
    expect(targetInForce([], 'inbound_success_rate', '2024-07-01')).toBeNull();
  });

  it('lets the later row win when two share a week', () => {
    const dup: TargetRow[] = [
      { metricKey: 'm', effectiveFrom: '2024-01-01', target: 1, warning: null },
      { metricKey: 'm', effectiveFrom: '2024-01-01', target: 2, warning: null },
    ];
    expect(targetInForce(dup, 'm', '2024-01-08')?.target).toBe(2);
  });
});

describe('targetSteps', () => {
  it('gives each week the target in force, changing mid-range', () => {
    const weeks = ['2023-12-25', '2024-01-01', '2024-06-24', '2024-07-01', '2024-07-08'];
    expect(targetSteps(rows, 'inbound_success_rate', weeks)).toEqual([
      { week: '2023-12-25', target: null, warning: null },
      { week: '2024-01-01', target: 99.99, warning: 99.95 },
      { week: '2024-06-24', target: 99.99, warning: 99.95 },
      { week: '2024-07-01', target: 99.995, warning: 99.99 },
      { week: '2024-07-08', target: 99.995, warning: 99.99 },
    ]);
  });

  it('keeps a null warning as null and the given week order', () => {
    expect(targetSteps(rows, 'inbound_success_rate', ['2025-01-13', '2024-01-08'])).toEqual([
      { week: '2025-01-13', target: 99.98, warning: null },
      { week: '2024-01-08', target: 99.99, warning: 99.95 },
    ]);
  });

  it('returns an empty list for no weeks, and all-null steps for no rows', () => {
    expect(targetSteps(rows, 'inbound_success_rate', [])).toEqual([]);
    expect(targetSteps([], 'x', ['2024-01-01'])).toEqual([{ week: '2024-01-01', target: null, warning: null }]);
  });
});
