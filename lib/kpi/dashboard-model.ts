// Everything the dashboard shows, computed from plain data: tiles for the latest week, chart models
// for the range, the availability error budget and the progress forecasts. Pure, so the overview and
// share pages render the same thing from the same inputs.
import type { Language } from '../constants';
import type { WeekStart } from '../weeks';
import { buildIncidentRows, type ChartMetric, type ChartRow } from './chart-data';
import { buildChartGroups, chartGroupOf, type ChartGroup } from './chart-groups';
import { errorBudget, weekEndInstant, type ErrorBudget } from './error-budget';
import { forecastCompletion, type Forecast } from './forecast';
import { targetInForce, type TargetRow } from './targets';
import { buildTiles, type Tile, type TileMetric } from './tiles';

export interface DashboardMetric extends TileMetric {
  required: boolean;
}

export interface SeriesInput {
  weeks: WeekStart[];
  series: Record<string, Array<number | null>>;
  ungraded: number[];
  gradedWeeks: WeekStart[];
}

export interface DashboardModel {
  latestWeek: WeekStart | null;
  tiles: Array<Tile & { spark: Array<number | null> }>;
  charts: {
    /** Line charts grouped by the catalogue (lib/kpi/chart-groups.ts); a group with no metric is left out. */
    groups: ChartGroup[];
    incidents: { rows: ChartRow[]; totals: { AB: number; CD: number; ungraded: number } };
  };
  budget: (ErrorBudget & { target: number; availability: number }) | null;
  forecasts: Array<{ key: string; label: string; decimals: number; latest: number | null; forecast: Forecast }>;
}

export function buildDashboardModel(input: {
  metrics: readonly DashboardMetric[];
  targets: readonly TargetRow[];
  range: SeriesInput;
  spark: SeriesInput;
  latestWeek: WeekStart | null;
  lang: Language;
  label: (week: WeekStart) => string;
  now?: Date;
  /** Per week, the metrics restated since first published: marked on the chart points (tiles: markRestated). */
  restated?: ReadonlyMap<WeekStart, ReadonlySet<string>>;
}): DashboardModel {
  const { metrics, targets, range, spark, latestWeek, lang, label } = input;
  const chartMetric = (m: DashboardMetric): ChartMetric => ({ key: m.key, label: lang === 'zh' ? m.labelZh : m.labelEn, unit: m.unit, decimals: m.decimals, kind: m.kind, direction: m.direction, truncate: m.truncate });

  const valueAt = (source: SeriesInput, key: string, week: WeekStart | null) => {
    if (!week) return null;
    const i = source.weeks.indexOf(week);
    return i < 0 ? null : (source.series[key]?.[i] ?? null);
  };
  const previousWeek = latestWeek ? [...spark.weeks].reverse().find((w) => w < latestWeek && metrics.some((m) => valueAt(spark, m.key, w) !== null)) ?? null : null;
  const current = Object.fromEntries(metrics.flatMap((m) => { const v = valueAt(spark, m.key, latestWeek); return v === null ? [] : [[m.key, { value: v }]]; }));
  const previous = Object.fromEntries(metrics.flatMap((m) => { const v = valueAt(spark, m.key, previousWeek); return v === null ? [] : [[m.key, { value: v }]]; }));
  // The most important first (a phone shows the first few): required metrics, then the rest, each in catalogue order.
  const tileMetrics = [...metrics.filter((m) => m.required), ...metrics.filter((m) => !m.required)];
  const tiles = latestWeek
    ? buildTiles({ metrics: tileMetrics, targets, week: latestWeek, current, previous }).map((t) => ({ ...t, spark: spark.series[t.metric.key] ?? spark.weeks.map(() => null) }))
    : [];

  // The error budget belongs to the first truncated rate of the catalogue (year-to-date availability).
  const budgetMetric = metrics.find((m) => chartGroupOf(m) === 'availability');
  const availability = budgetMetric ? (current[budgetMetric.key]?.value ?? null) : null;
  const availabilityTarget = latestWeek && budgetMetric ? targetInForce(targets, budgetMetric.key, latestWeek) : null;
  const asOf = latestWeek ? minDate(weekEndInstant(latestWeek), input.now ?? new Date()) : null;
  const budget =
    availability !== null && availabilityTarget && asOf
      ? { ...errorBudget({ availability, target: availabilityTarget.target, asOf }), target: availabilityTarget.target, availability }
      : null;

  const forecasts = metrics
    .filter((m) => m.kind === 'progress')
    .map((m) => {
      const points = range.weeks.map((week, i) => ({ week, value: range.series[m.key]?.[i] ?? null }));
      const present = points.filter((p) => p.value !== null);
      return { key: m.key, label: chartMetric(m).label, decimals: m.decimals, latest: present.at(-1)?.value ?? null, forecast: forecastCompletion(points) };
    });

  return {
    latestWeek,
    tiles,
    charts: {
      groups: buildChartGroups({ metrics: metrics.map(chartMetric), weeks: range.weeks, series: range.series, targets, gradedWeeks: range.gradedWeeks, label, restated: input.restated }),
      incidents: buildIncidentRows({ weeks: range.weeks, series: range.series, ungraded: range.ungraded, label }),
    },
    budget,
    forecasts,
  };
}

/** Marks the tiles (latest week) whose figure was restated after it was first published. */
export function markRestated(model: DashboardModel, restated: ReadonlyMap<string, ReadonlySet<string>>): DashboardModel {
  const latest = model.latestWeek ? restated.get(model.latestWeek) : undefined;
  return { ...model, tiles: model.tiles.map((t) => ({ ...t, restated: latest?.has(t.metric.key) ?? false })) };
}

function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}
