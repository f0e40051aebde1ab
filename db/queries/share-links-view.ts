// What a share link may read: published weeks inside the link's fixed range, never drafts, never
// internal notes, never history. Every reader here takes an already-resolved scope.
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { buildDashboardModel, markRestated, type DashboardModel } from '@/lib/kpi/dashboard-model';
import type { AsOf } from '@/lib/kpi/snapshot';
import type { TargetRow } from '@/lib/kpi/targets';
import type { Language } from '@/lib/constants';
import { resolveRange, type ResolvedRange } from '@/lib/range';
import { addWeeks, type WeekNumbering, weekLabel, type WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { weeks } from '../schema';
import { reportInsaneWeeks, saneWeek } from './valid-weeks';
import { listMetrics, type Metric } from './catalogue';
import { getCatalogue, getSeries } from './dashboard';
import { listIncidents, type Incident } from './incidents';
import type { ShareScope } from './share-links';
import { sharedRead } from './shared-reads';
import { seriesAsOf } from './snapshots';
import { listTargets } from './targets';
import { getWeekValues, type StoredValue } from './values';

type Scope = Pick<ShareScope, 'fromWeek' | 'toWeek'>;

const published = (scope: Scope) =>
  and(
    eq(weeks.status, 'published'),
    saneWeek(weeks.weekStart),
    scope.fromWeek ? gte(weeks.weekStart, scope.fromWeek) : undefined,
    scope.toWeek ? lte(weeks.weekStart, scope.toWeek) : undefined,
  );

const later = (a: WeekStart, b: WeekStart | null) => (b && b > a ? b : a);
const earlier = (a: WeekStart, b: WeekStart | null) => (b && b < a ? b : a);

/** The oldest and newest published weeks the link may see. */
export function getSharedBounds(scope: Scope, db: Db = getDb()): { earliest: WeekStart; latest: WeekStart } | null {
  reportInsaneWeeks(db);
  const row = db
    .select({ earliest: sql<string | null>`min(${weeks.weekStart})`, latest: sql<string | null>`max(${weeks.weekStart})` })
    .from(weeks)
    .where(published(scope))
    .get();
  return row?.earliest && row.latest ? { earliest: row.earliest, latest: row.latest } : null;
}

/** A requested range cut down to the link's fixed range; null when no week of it lies inside the scope. */
export function clampToScope(range: { from: WeekStart; to: WeekStart }, scope: Scope): { from: WeekStart; to: WeekStart } | null {
  const from = later(range.from, scope.fromWeek);
  const to = earlier(range.to, scope.toWeek);
  return from <= to ? { from, to } : null;
}

/**
 * The range every share read serves (the page and the CSV export alike): the URL's range cut to the scope.
 * A range wholly outside the scope gives the link's default range instead (`outsideScope`, for the page to
 * say so), never the ends swapped.
 * Null when the link has no published week to show.
 */
export function resolveSharedRange(
  params: Record<string, string | string[] | undefined>,
  scope: Scope,
  numbering: WeekNumbering,
  db: Db = getDb(),
): { bounds: { earliest: WeekStart; latest: WeekStart }; range: ResolvedRange; outsideScope: boolean } | null {
  const bounds = getSharedBounds(scope, db);
  if (!bounds) return null;
  const resolved = resolveRange(params, { numbering, ...bounds });
  const clamped = clampToScope(resolved, scope);
  if (clamped) return { bounds, range: { ...resolved, ...clamped }, outsideScope: false };
  // The bounds are published weeks inside the scope, so the default range always meets it.
  const fallback = resolveRange({}, { numbering, ...bounds });
  return { bounds, range: { ...fallback, ...clampToScope(fallback, scope)! }, outsideScope: true };
}

/** The dashboard model, like loadDashboardModel, with the sparklines and week-over-week change kept inside the scope too. */
export function loadSharedDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart; lang: Language; numbering: WeekNumbering; scope: Scope; asOf?: AsOf },
  db: Db = getDb(),
): DashboardModel {
  // Shared by every reader of every link with this scope (the token was checked before, per request).
  const key = ['shared-dashboard', input.from, input.to, input.latestWeek, input.lang, input.numbering, input.scope.fromWeek ?? '', input.scope.toWeek ?? '', input.asOf ?? 'current'].join('|');
  return sharedRead(key, () => computeSharedDashboardModel(input, db), db);
}

function computeSharedDashboardModel(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart; lang: Language; numbering: WeekNumbering; scope: Scope; asOf?: AsOf },
  db: Db,
): DashboardModel {
  const { metrics, targets } = getCatalogue(db);
  // Outside the scope there is nothing to read: an empty range (to before from) gives empty series.
  const within = (r: { from: WeekStart; to: WeekStart }) => clampToScope(r, input.scope) ?? { from: r.from, to: addWeeks(r.from, -1) };
  const { range, spark, restated } = seriesAsOf(input.asOf ?? 'current', getSeries(within(input), db), getSeries(within({ from: addWeeks(input.latestWeek, -12), to: input.latestWeek }), db), db);
  return markRestated(buildDashboardModel({ metrics, targets, range, spark, latestWeek: input.latestWeek, lang: input.lang, label: (w) => weekLabel(w, input.numbering), restated }), restated);
}

/** The charts of loadSharedDashboardModel as JSON, serialised once per data version and scope. */
export function loadSharedChartsJson(
  input: { from: WeekStart; to: WeekStart; latestWeek: WeekStart; lang: Language; numbering: WeekNumbering; scope: Scope; asOf?: AsOf },
  db: Db = getDb(),
): string {
  const key = ['shared-charts', input.from, input.to, input.latestWeek, input.lang, input.numbering, input.scope.fromWeek ?? '', input.scope.toWeek ?? '', input.asOf ?? 'current'].join('|');
  return sharedRead(key, () => JSON.stringify(loadSharedDashboardModel(input, db).charts), db);
}

export interface SharedWeek {
  weekStart: WeekStart;
  /** The public notes only: internal notes never leave the database on a share link. */
  notes: string;
  metrics: Metric[];
  targets: TargetRow[];
  values: Record<string, StoredValue>;
  previousValues: Record<string, StoredValue>;
  incidents: Incident[];
  previousWeek: WeekStart | null;
  nextWeek: WeekStart | null;
}

/** A published week inside the scope, or null (a draft, an unknown week and an out-of-scope week look alike). */
export function getSharedWeek(weekStart: WeekStart, scope: Scope, db: Db = getDb()): SharedWeek | null {
  const row = db.select({ notes: weeks.notes }).from(weeks).where(and(eq(weeks.weekStart, weekStart), published(scope))).get();
  if (!row) return null;
  const neighbour = (direction: 'previous' | 'next') =>
    db
      .select({ weekStart: weeks.weekStart })
      .from(weeks)
      .where(and(published(scope), direction === 'previous' ? sql`${weeks.weekStart} < ${weekStart}` : sql`${weeks.weekStart} > ${weekStart}`))
      .orderBy(direction === 'previous' ? desc(weeks.weekStart) : asc(weeks.weekStart))
      .limit(1)
      .get()?.weekStart ?? null;
  const previousWeek = neighbour('previous');
  return {
    weekStart,
    notes: row.notes,
    metrics: listMetrics({}, db),
    targets: listTargets(db),
    values: getWeekValues(weekStart, db),
    previousValues: previousWeek ? getWeekValues(previousWeek, db) : {},
    incidents: listIncidents(weekStart, db),
    previousWeek,
    nextWeek: neighbour('next'),
  };
}
