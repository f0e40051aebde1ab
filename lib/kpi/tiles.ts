// One tile per active metric for a week: value, change from the previous week, status against the
// target in force that week.
import type { MetricDefinition } from '../constants';
import { metricDelta, type MetricDelta } from './delta';
import { metricStatus, type MetricStatus } from './status';
import { targetInForce, type TargetRow } from './targets';

export type TileMetric = Pick<MetricDefinition, 'key' | 'labelZh' | 'labelEn' | 'unit' | 'decimals' | 'truncate' | 'direction' | 'kind'>;

export interface Tile {
  metric: TileMetric;
  value: number | null;
  done: number | null;
  total: number | null;
  previous: number | null;
  target: TargetRow | null;
  status: MetricStatus;
  delta: MetricDelta | null;
  /** The week's figure was corrected after it was first published (issue 14). */
  restated?: boolean;
}

type ValueLike = { value: number; done?: number | null; total?: number | null };

export function buildTiles(input: {
  metrics: readonly TileMetric[];
  targets: readonly TargetRow[];
  week: string;
  current: Readonly<Record<string, ValueLike>>;
  previous: Readonly<Record<string, ValueLike>> | null;
}): Tile[] {
  return input.metrics.map((metric) => {
    const current = input.current[metric.key];
    const value = current?.value ?? null;
    const previous = input.previous?.[metric.key]?.value ?? null;
    const target = targetInForce(input.targets, metric.key, input.week);
    return {
      metric,
      value,
      done: current?.done ?? null,
      total: current?.total ?? null,
      previous,
      target,
      status: metricStatus(value, metric.direction, target),
      delta: metricDelta(value, previous, metric),
    };
  });
}
