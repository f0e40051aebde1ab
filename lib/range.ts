// The dashboard's range, from URL parameters. A bad or impossible range falls back to the default
// with a notice; it never errors.
import { z } from '@/lib/validation/zod';
import { addWeeks, isAllowedWeekStart, parseWeek, weekStartOf, weeksBetween, type WeekNumbering, type WeekStart } from './weeks';

export const RANGE_KEYS = ['13w', '26w', '52w', 'ytd', 'all'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
export const DEFAULT_RANGE: RangeKey = '26w';

export interface ResolvedRange {
  key: RangeKey | 'custom';
  from: WeekStart;
  to: WeekStart;
  /** Set when the URL asked for something unusable and the default was used instead. */
  notice: string | null;
}

const paramsSchema = z.object({
  range: z.enum(RANGE_KEYS).optional(),
  from: z.string().max(32).optional(),
  to: z.string().max(32).optional(),
});

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * `latest` is the newest week with data (the range ends there), `earliest` the oldest (for `all`).
 * Custom ranges are clamped to at most `maxWeeks` weeks so no page ever asks for an unbounded span.
 */
export function resolveRange(
  params: Params,
  ctx: { numbering: WeekNumbering; latest: WeekStart; earliest: WeekStart; maxWeeks?: number },
): ResolvedRange {
  const maxWeeks = ctx.maxWeeks ?? 5200;
  const raw = { range: first(params.range), from: first(params.from), to: first(params.to) };
  const parsed = paramsSchema.safeParse(raw);
  const fallback = (notice: string | null): ResolvedRange => ({ key: DEFAULT_RANGE, ...span(DEFAULT_RANGE, ctx), notice });

  if (!parsed.success) return fallback(`Unknown range "${raw.range}"; showing the last 26 weeks.`);
  const { range, from, to } = parsed.data;
  if (from || to) {
    // A week a report may be about (2000 on, at most a year ahead): `0000-01-01` is no week to show.
    const week = (text: string) => {
      const w = parseWeek(text, ctx.numbering);
      return w && isAllowedWeekStart(w) ? w : null;
    };
    const f = from ? week(from) : ctx.earliest;
    const t = to ? week(to) : ctx.latest;
    if (!f || !t) return fallback(`"${!f ? from : to}" is not a week; showing the last 26 weeks.`);
    if (f > t) return fallback('The range ends before it starts; showing the last 26 weeks.');
    if (weeksBetween(f, t) + 1 > maxWeeks) return fallback(`Ranges are limited to ${maxWeeks} weeks; showing the last 26 weeks.`);
    return { key: 'custom', from: f, to: t, notice: null };
  }
  const key = range ?? DEFAULT_RANGE;
  return { key, ...span(key, ctx), notice: null };
}

function span(key: RangeKey, ctx: { latest: WeekStart; earliest: WeekStart }): { from: WeekStart; to: WeekStart } {
  const to = ctx.latest;
  switch (key) {
    case '13w':
      return { from: addWeeks(to, -12), to };
    case '26w':
      return { from: addWeeks(to, -25), to };
    case '52w':
      return { from: addWeeks(to, -51), to };
    case 'ytd':
      return { from: weekStartOf(`${to.slice(0, 4)}-01-01`), to };
    case 'all':
      return { from: ctx.earliest < to ? ctx.earliest : to, to };
  }
}

/** The query string for a range, for links and the range picker. */
export function rangeQuery(range: Pick<ResolvedRange, 'key' | 'from' | 'to'>, label: (w: WeekStart) => string): string {
  return range.key === 'custom' ? `from=${label(range.from)}&to=${label(range.to)}` : `range=${range.key}`;
}
