// Which chart a metric appears in, decided by the catalogue alone (kind, unit, decimals, truncation),
// never by a list of keys: a metric an admin adds shows in the chart of its kind.
//   rates         kind rate, rounded      one zoomed panel per metric (small multiples sharing the x axis)
//   availability  kind rate, truncated    one zoomed panel per metric; the first one carries the error budget
//   health        kind score              one zoomed panel per metric
//   counts        kind count (not a grade count: those are the incident chart)   one panel per metric
//   progress      kind progress           one panel, every metric, 0–100
import { INCIDENT_COUNT_KEYS, type MetricKind } from '../constants';
import type { WeekStart } from '../weeks';
import { buildLineChart, type ChartMetric, type LineChartModel } from './chart-data';
import type { TargetRow } from './targets';

export const CHART_GROUP_IDS = ['rates', 'availability', 'health', 'counts', 'progress'] as const;
export type ChartGroupId = (typeof CHART_GROUP_IDS)[number];

export interface ChartGroup {
  id: ChartGroupId;
  /** Each panel its own y axis; every panel of a group shares the weeks (x axis). */
  panels: LineChartModel[];
}

const INCIDENT_KEYS = new Set<string>(Object.values(INCIDENT_COUNT_KEYS));

export function chartGroupOf(metric: { key: string; kind: MetricKind; truncate: boolean }): ChartGroupId | 'incidents' {
  switch (metric.kind) {
    case 'rate':
      return metric.truncate ? 'availability' : 'rates';
    case 'score':
      return 'health';
    case 'progress':
      return 'progress';
    case 'count':
      return INCIDENT_KEYS.has(metric.key) ? 'incidents' : 'counts';
  }
}

/** Every chart group that has at least one metric, in the order above; metrics keep the catalogue's order. */
export function buildChartGroups(input: {
  metrics: readonly ChartMetric[];
  weeks: readonly WeekStart[];
  series: Readonly<Record<string, ReadonlyArray<number | null>>>;
  targets: readonly TargetRow[];
  gradedWeeks: readonly WeekStart[];
  label: (week: WeekStart) => string;
  /** Per week, the metrics restated since first published: their points are marked. */
  restated?: ReadonlyMap<WeekStart, ReadonlySet<string>>;
}): ChartGroup[] {
  const line = (metrics: ChartMetric[], scale: 'zoom' | 'percent' = 'zoom') =>
    buildLineChart({ weeks: input.weeks, series: input.series, metrics, targets: input.targets, gradedWeeks: input.gradedWeeks, label: input.label, scale, restated: input.restated });
  return CHART_GROUP_IDS.flatMap((id): ChartGroup[] => {
    const members = input.metrics.filter((m) => chartGroupOf(m) === id);
    if (!members.length) return [];
    if (id === 'progress') return [{ id, panels: [line(members, 'percent')] }];
    return [{ id, panels: members.map((m) => line([m])) }];
  });
}
