// Week-on-week change of a metric, with a tone that knows whether up is good.
import type { Direction, MetricKind } from '../constants';
import { roundTo } from '../format';

export type DeltaUnit = 'pp' | 'abs';
export type DeltaTone = 'good' | 'bad' | 'flat';

export type MetricDelta = {
  /** current − previous, rounded to the metric's decimals (so float noise never shows). */
  value: number;
  /** Percentage points for rates and progress, absolute for counts and scores. */
  unit: DeltaUnit;
  tone: DeltaTone;
};

export type DeltaMetric = { kind: MetricKind; direction: Direction; decimals: number };

export function deltaUnit(kind: MetricKind): DeltaUnit {
  return kind === 'rate' || kind === 'progress' ? 'pp' : 'abs';
}

/** null when either side is missing; 'flat' when the change rounds to 0 at the metric's decimals. */
export function metricDelta(
  current: number | null | undefined,
  previous: number | null | undefined,
  metric: DeltaMetric,
): MetricDelta | null {
  if (current === null || current === undefined || !Number.isFinite(current)) return null;
  if (previous === null || previous === undefined || !Number.isFinite(previous)) return null;
  const value = roundTo(current - previous, metric.decimals);
  const up = value > 0;
  const tone: DeltaTone = value === 0 ? 'flat' : up === (metric.direction === 'higher') ? 'good' : 'bad';
  return { value, unit: deltaUnit(metric.kind), tone };
}
