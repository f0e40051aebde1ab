// When does a progress metric reach its goal at the recent pace? Least-squares slope per week.
import { addWeeks, weeksBetween, type WeekStart } from '../weeks';

export type ForecastPoint = { week: WeekStart; value: number | null };

export type Forecast =
  | { status: 'done' }
  | { status: 'on_track'; week: WeekStart; weeksLeft: number; pacePerWeek: number }
  | { status: 'not_on_track'; pacePerWeek: number }
  | { status: 'insufficient_data' };

export type ForecastOptions = {
  /** Weeks back from the latest point (the latest week included) used for the pace. Default 8. */
  lookbackWeeks?: number;
  /** Default 100. */
  goal?: number;
  /** A forecast further ahead than this is reported as not_on_track. Default 520 (ten years). */
  maxWeeksAhead?: number;
};

const PACE_EPSILON = 1e-9;

/**
 * done when the latest value >= goal. Otherwise the slope of a least-squares line through the points of the
 * last `lookbackWeeks` weeks (x = week distance, so missing weeks are fine; at least 2 points needed).
 * A positive pace projects from the latest point: weeksLeft = ceil((goal − latest) / pace), week = latest + weeksLeft.
 * Points may come in any order; null values are ignored; for a repeated week the last one given counts.
 */
export function forecastCompletion(points: readonly ForecastPoint[], opts: ForecastOptions = {}): Forecast {
  const lookback = opts.lookbackWeeks ?? 8;
  const goal = opts.goal ?? 100;
  const maxAhead = opts.maxWeeksAhead ?? 520;

  const byWeek = new Map<WeekStart, number>();
  for (const p of points) {
    if (p.value !== null && Number.isFinite(p.value)) byWeek.set(p.week, p.value);
  }
  const sorted = [...byWeek.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length === 0) return { status: 'insufficient_data' };

  const [latestWeek, latestValue] = sorted[sorted.length - 1];
  if (latestValue >= goal - PACE_EPSILON) return { status: 'done' };

  const recent = sorted.filter(([week]) => weeksBetween(week, latestWeek) < lookback);
  if (recent.length < 2) return { status: 'insufficient_data' };

  const xs = recent.map(([week]) => -weeksBetween(week, latestWeek));
  const ys = recent.map(([, value]) => value);
  const n = xs.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - meanX) * (ys[i] - meanY);
    sxx += (xs[i] - meanX) ** 2;
  }
  const pacePerWeek = sxx === 0 ? 0 : sxy / sxx;
  if (pacePerWeek <= PACE_EPSILON) return { status: 'not_on_track', pacePerWeek };

  const weeksLeft = Math.max(1, Math.ceil(((goal - latestValue) / pacePerWeek) * (1 - 1e-9)));
  if (weeksLeft > maxAhead) return { status: 'not_on_track', pacePerWeek };
  return { status: 'on_track', week: addWeeks(latestWeek, weeksLeft), weeksLeft, pacePerWeek };
}
