// Turns aligned weekly series into the plain rows the chart components draw: values, the target in
// force each week (a step line), the warning band, and a y-axis zoomed to the data and the target.
import { INCIDENT_COUNT_KEYS, type Direction, type MetricKind } from '../constants';
import type { WeekStart } from '../weeks';
import { downsampleWeeks, type WeekAggregate } from './downsample';
import { targetInForce, type TargetRow } from './targets';

export const MAX_CHART_POINTS = 520;

export interface ChartMetric {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  kind: MetricKind;
  direction: Direction;
  /** Shown truncated, never rounded (year-to-date availability): tooltips and ticks follow it. */
  truncate: boolean;
}

export type ChartRow = Record<string, string | number | null | [number, number]>;

export interface LineChartModel {
  rows: ChartRow[];
  metrics: ChartMetric[];
  domain: [number, number] | null;
  /** Week labels (x values) that had a graded incident. */
  markers: string[];
  /**
   * Week labels (x values) with a point restated since first published; such a row carries
   * `<key>__restated: 1` for each restated metric of the panel (the chart rings the point).
   */
  restated: string[];
  /** Weeks per point after down-sampling (1 when every week is its own point). */
  weeksPerPoint: number;
}

export function aggregateFor(metric: Pick<ChartMetric, 'kind'> & { truncate?: boolean }): WeekAggregate {
  if (metric.kind === 'count') return 'sum';
  // Progress and truncated rates (year-to-date availability) are running figures: the last week of a
  // bucket stands for it.
  if (metric.kind === 'progress' || (metric.kind === 'rate' && metric.truncate)) return 'last';
  return 'mean';
}

/** Down-samples every series on the same buckets so the rows stay aligned. */
export function alignedSeries(
  weeks: readonly WeekStart[],
  series: Readonly<Record<string, ReadonlyArray<number | null>>>,
  metrics: ReadonlyArray<Pick<ChartMetric, 'key' | 'kind'> & { truncate?: boolean }>,
  maxPoints = MAX_CHART_POINTS,
): { weeks: WeekStart[]; series: Record<string, Array<number | null>>; weeksPerPoint: number } {
  if (weeks.length <= maxPoints) {
    return { weeks: [...weeks], series: Object.fromEntries(metrics.map((m) => [m.key, [...(series[m.key] ?? weeks.map(() => null))]])), weeksPerPoint: 1 };
  }
  const out: Record<string, Array<number | null>> = {};
  let keptWeeks: WeekStart[] = [];
  for (const m of metrics) {
    const points = weeks.map((week, i) => ({ week, value: series[m.key]?.[i] ?? null }));
    const thinned = downsampleWeeks(points, maxPoints, { aggregate: aggregateFor(m) });
    out[m.key] = thinned.map((p) => p.value);
    keptWeeks = thinned.map((p) => p.week);
  }
  return { weeks: keptWeeks, series: out, weeksPerPoint: Math.ceil(weeks.length / maxPoints) };
}

export function buildLineChart(input: {
  weeks: readonly WeekStart[];
  series: Readonly<Record<string, ReadonlyArray<number | null>>>;
  metrics: readonly ChartMetric[];
  targets: readonly TargetRow[];
  gradedWeeks: readonly WeekStart[];
  label: (week: WeekStart) => string;
  maxPoints?: number;
  /** 'zoom' (default): the data, targets and warnings with a little room; 'percent': 0–100 (progress). */
  scale?: 'zoom' | 'percent';
  /** Per week, the metrics restated since the week was first published (lib/kpi/snapshot.ts restatedKeys). */
  restated?: ReadonlyMap<WeekStart, ReadonlySet<string>>;
}): LineChartModel {
  const aligned = alignedSeries(input.weeks, input.series, input.metrics, input.maxPoints);
  const values: number[] = [];
  // Like the incident markers, only while every week is its own point: a bucket of weeks is no one figure.
  const restatedAt = (week: WeekStart, key: string) => aligned.weeksPerPoint === 1 && (input.restated?.get(week)?.has(key) ?? false);
  const restatedWeeks: string[] = [];
  const rows = aligned.weeks.map((week, i) => {
    const row: ChartRow = { week: input.label(week), weekStart: week };
    for (const m of input.metrics) {
      const v = aligned.series[m.key][i];
      row[m.key] = v;
      if (v !== null) values.push(v);
      if (v !== null && restatedAt(week, m.key)) {
        row[`${m.key}__restated`] = 1;
        if (restatedWeeks.at(-1) !== row.week) restatedWeeks.push(String(row.week));
      }
      const t = targetInForce(input.targets, m.key, week);
      row[`${m.key}__target`] = t?.target ?? null;
      if (t) values.push(t.target);
      if (t && t.warning !== null) {
        row[`${m.key}__band`] = [Math.min(t.warning, t.target), Math.max(t.warning, t.target)];
        values.push(t.warning);
      }
    }
    return row;
  });
  const graded = new Set(input.gradedWeeks);
  const markers = aligned.weeksPerPoint === 1 ? aligned.weeks.filter((w) => graded.has(w)).map(input.label) : [];
  return { rows, metrics: [...input.metrics], domain: chartDomain(values, input.metrics, input.scale ?? 'zoom'), markers, restated: restatedWeeks, weeksPerPoint: aligned.weeksPerPoint };
}

/**
 * The y domain of one panel. Progress runs 0–100 whatever the data (never −7.0); a zoomed panel holds the
 * data, the targets and the warnings, and stays inside what the unit allows: a percentage within 0–100,
 * a count or a score never below 0.
 */
export function chartDomain(values: readonly number[], metrics: readonly Pick<ChartMetric, 'unit' | 'decimals' | 'kind'>[], scale: 'zoom' | 'percent'): [number, number] | null {
  if (scale === 'percent') return [0, 100];
  const first = metrics[0];
  const zoomed = zoomedDomain(values, first?.decimals ?? 2, first?.unit === '%' ? 100 : undefined);
  if (!zoomed) return null;
  const floor = first?.unit === '%' || first?.kind === 'count' || first?.kind === 'score' ? 0 : Number.NEGATIVE_INFINITY;
  const low = Math.min(Math.max(zoomed[0], floor), Math.min(...values));
  return [low, zoomed[1]];
}

/** Percentages near 100 are unreadable on 0–100: zoom to the data and targets with a little room. */
export function zoomedDomain(values: readonly number[], decimals: number, cap?: number): [number, number] | null {
  if (!values.length) return null;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const step = 10 ** -decimals;
  const pad = Math.max((hi - lo) * 0.1, step);
  // The epsilon keeps float noise (9997.9999…) from pushing a bound a whole step further out.
  const low = Math.floor((lo - pad) / step + 1e-6) * step;
  const high = Math.min(Math.ceil((hi + pad) / step - 1e-6) * step, cap ?? Number.POSITIVE_INFINITY);
  return [Number(low.toFixed(decimals)), Number(Math.max(high, hi).toFixed(decimals))];
}

export function buildIncidentRows(input: {
  weeks: readonly WeekStart[];
  series: Readonly<Record<string, ReadonlyArray<number | null>>>;
  ungraded: readonly number[];
  label: (week: WeekStart) => string;
  maxPoints?: number;
}): { rows: ChartRow[]; totals: { AB: number; CD: number; ungraded: number } } {
  // The one grade → count metric mapping (lib/constants): the incident chart is about grades, not keys.
  const keys = Object.values(INCIDENT_COUNT_KEYS);
  const metrics = [...keys.map((key) => ({ key, kind: 'count' as const })), { key: 'ungraded', kind: 'count' as const }];
  const aligned = alignedSeries(input.weeks, { ...input.series, ungraded: input.ungraded }, metrics, input.maxPoints);
  const totals = { AB: 0, CD: 0, ungraded: 0 };
  const rows = aligned.weeks.map((week, i) => {
    const [a, b, c, d, u] = metrics.map((m) => aligned.series[m.key][i] ?? 0);
    totals.AB += a + b;
    totals.CD += c + d;
    totals.ungraded += u;
    return { week: input.label(week), weekStart: week, A: a, B: b, C: c, D: d, ungraded: u };
  });
  return { rows, totals };
}
