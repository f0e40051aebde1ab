// Thin long weekly series for charts: merge runs of consecutive weeks into one point per bucket.
import { weeksBetween, type WeekStart } from '../weeks';

/** mean for rates, sum for incident counts, last for progress and year-to-date availability. */
export type WeekAggregate = 'mean' | 'sum' | 'last';

export type WeekPoint = { week: WeekStart; value: number | null };

export type DownsampleOptions = { aggregate?: WeekAggregate };

function aggregate(values: (number | null)[], how: WeekAggregate): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return null;
  if (how === 'last') return present[present.length - 1];
  const sum = present.reduce((s, v) => s + v, 0);
  return how === 'sum' ? sum : sum / present.length;
}

/**
 * At most `maxPoints` points: the weeks from the first to the last are cut into equal runs of
 * ceil(span / maxPoints) weeks; each non-empty run becomes one point keyed by its first point's week, with the
 * mean / sum / last of its non-null values (null when it has none). Other fields come from the run's first
 * point ('mean', 'sum') or last point ('last'). The input array itself is returned when it has <= maxPoints points;
 * otherwise the result is sorted by week.
 */
export function downsampleWeeks<T extends WeekPoint>(
  points: readonly T[],
  maxPoints = 520,
  opts: DownsampleOptions = {},
): T[] {
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError(`maxPoints must be a positive integer, got ${maxPoints}`);
  }
  // Same array back (not a copy) so memoised charts do not re-render; the function never mutates it.
  if (points.length <= maxPoints) return points as T[];
  const how = opts.aggregate ?? 'mean';

  const sorted = [...points].sort((a, b) => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0));
  const first = sorted[0].week;
  const span = weeksBetween(first, sorted[sorted.length - 1].week) + 1;
  // span >= distinct weeks; runs of `size` weeks give ceil(span / size) <= maxPoints buckets.
  // A repeated week would make points.length > span; size by count too so that can never overflow.
  const size = Math.ceil(Math.max(span, sorted.length) / maxPoints);
  const bySpan = span >= sorted.length;

  const buckets: T[][] = [];
  let current: T[] = [];
  let currentIndex = -1;
  sorted.forEach((p, i) => {
    const index = Math.floor((bySpan ? weeksBetween(first, p.week) : i) / size);
    if (index !== currentIndex && current.length > 0) {
      buckets.push(current);
      current = [];
    }
    currentIndex = index;
    current.push(p);
  });
  if (current.length > 0) buckets.push(current);

  return buckets.map((bucket) => {
    const base = how === 'last' ? bucket[bucket.length - 1] : bucket[0];
    return { ...base, week: bucket[0].week, value: aggregate(bucket.map((p) => p.value), how) };
  });
}
