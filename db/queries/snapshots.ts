// Snapshots of published weeks (issue 14): frozen in the publish's own transaction, write-once (triggers in
// db/migrations/*_week_snapshots_write_once.sql), read back for "as reported" views, exports and restatements.
//
// When a snapshot is frozen: the save ends with the week published and the intent was "publish" (the form's
// publish button, which on a published week reads "republish"; the CLI's --publish; the API's publish), and
// there is no snapshot yet (v1) or the week's data differs from the last one (v2, v3…). A restated week that
// is saved but not republished keeps its last snapshot as "as reported".
//
// Restatements are derived, not stored: every audited value change of the week made after its first
// snapshot. Each departs from the newest snapshot whose week_version is below the revision's week_version
// (revisions carry the week version they produced; snapshots the week version they froze).
import { and, asc, desc, eq, gt, gte, lte, sql } from 'drizzle-orm';
import { targetInForce } from '@/lib/kpi/targets';
import { overlayReported, restatedKeys, snapshotContent, type AsOf, type Snapshot, type SnapshotPayload } from '@/lib/kpi/snapshot';
import { metricStatus } from '@/lib/kpi/status';
import { getDb, type Db } from '../index';
import { incidents, metricValues, metrics, revisions, user, weekSnapshots, weeks } from '../schema';
import { getWeekReport } from './report';
import type { Tx } from './save-week';
import { listTargets } from './targets';

type Reader = Db | Tx;

/**
 * The week as it stands, as a snapshot payload: values, incidents, notes and the whole report (objectives with
 * their initiatives' updates, findings, focus, other, reflection, plans), internal parts included like the
 * internal notes; readers for share links leave those out.
 */
export function buildSnapshotPayload(db: Reader, weekStart: string): SnapshotPayload {
  const allTargets = listTargets(db as Db);
  const rows = db
    .select({ key: metrics.key, direction: metrics.direction, value: metricValues.value, done: metricValues.done, total: metricValues.total })
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .where(eq(metricValues.weekStart, weekStart))
    .orderBy(asc(metrics.sortOrder))
    .all();
  const values: SnapshotPayload['values'] = {};
  for (const r of rows) {
    const t = targetInForce(allTargets, r.key, weekStart);
    const levels = t ? { target: t.target, warning: t.warning } : null;
    values[r.key] = { value: r.value, done: r.done, total: r.total, direction: r.direction, target: levels?.target ?? null, warning: levels?.warning ?? null, status: metricStatus(r.value, r.direction, levels) };
  }
  const log = db.select().from(incidents).where(eq(incidents.weekStart, weekStart)).orderBy(asc(incidents.startedAt), asc(incidents.id)).all();
  const week = db.select({ notes: weeks.notes, internalNotes: weeks.internalNotes }).from(weeks).where(eq(weeks.weekStart, weekStart)).get();
  return {
    values,
    incidents: log.map((e) => ({ id: e.id, startedAt: e.startedAt, endedAt: e.endedAt, durationMinutes: e.durationMinutes, title: e.title, grade: e.grade, gradeStatus: e.gradeStatus, cause: e.cause, handling: e.handling })),
    notes: week?.notes ?? '',
    internalNotes: week?.internalNotes ?? '',
    report: getWeekReport(weekStart, { includeInternal: true }, db as Db),
  };
}

function toSnapshot(r: typeof weekSnapshots.$inferSelect): Snapshot {
  return { version: r.version, weekVersion: r.weekVersion, publishedAt: r.publishedAt, publishedBy: r.publishedBy, publishedByName: r.publishedByName, payload: r.payload as SnapshotPayload };
}

export function listSnapshots(weekStart: string, db: Reader = getDb()): Snapshot[] {
  return db.select().from(weekSnapshots).where(eq(weekSnapshots.weekStart, weekStart)).orderBy(asc(weekSnapshots.version)).all().map(toSnapshot);
}

export function latestSnapshot(weekStart: string, db: Reader = getDb()): Snapshot | null {
  const r = db.select().from(weekSnapshots).where(eq(weekSnapshots.weekStart, weekStart)).orderBy(desc(weekSnapshots.version)).limit(1).get();
  return r ? toSnapshot(r) : null;
}

/** Every week's snapshots, oldest version first (exports, dashboard "as reported"). */
export function snapshotsByWeek(db: Reader = getDb()): Map<string, Snapshot[]> {
  const out = new Map<string, Snapshot[]>();
  for (const r of db.select().from(weekSnapshots).orderBy(asc(weekSnapshots.weekStart), asc(weekSnapshots.version)).all()) {
    out.set(r.weekStart, [...(out.get(r.weekStart) ?? []), toSnapshot(r)]);
  }
  return out;
}

export interface FreezeInput {
  weekStart: string;
  /** The week's row version after the save. */
  weekVersion: number;
  status: string;
  intent: 'draft' | 'publish' | 'save';
  actor: { userId: string; email: string };
}

/** True when the week as stored differs from its last snapshot (or has none): publishing it again freezes a version. */
export function snapshotDue(db: Reader, weekStart: string): boolean {
  const last = latestSnapshot(weekStart, db);
  return !last || snapshotContent(last.payload) !== snapshotContent(buildSnapshotPayload(db, weekStart));
}

/** Called once at the end of every saveWeek transaction; returns the frozen version, or null when none is due. */
export function freezeSnapshot(tx: Tx, input: FreezeInput): number | null {
  if (input.status !== 'published' || input.intent !== 'publish') return null;
  const last = latestSnapshot(input.weekStart, tx);
  const payload = buildSnapshotPayload(tx, input.weekStart);
  if (last && snapshotContent(last.payload) === snapshotContent(payload)) return null;
  const version = (last?.version ?? 0) + 1;
  const name = tx.select({ name: user.name }).from(user).where(eq(user.id, input.actor.userId)).get()?.name;
  tx.insert(weekSnapshots)
    .values({ weekStart: input.weekStart, version, weekVersion: input.weekVersion, publishedAt: new Date(), publishedBy: input.actor.userId, publishedByName: name ? `${name} <${input.actor.email}>` : input.actor.email, payload })
    .run();
  return version;
}

export interface Restatement {
  metric: string;
  from: number | null;
  to: number | null;
  at: string;
  by: string | null;
  reason: string | null;
  /** The snapshot version the change departs from. */
  fromVersion: number;
}

const valueOf = (v: unknown): number | null => (v && typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'number' ? (v as { value: number }).value : null);

/** The week's value changes made after it was first published, oldest first (see the header for the link to snapshots). */
export function listRestatements(weekStart: string, db: Reader = getDb(), snapshots: Snapshot[] = listSnapshots(weekStart, db)): Restatement[] {
  if (!snapshots.length) return [];
  const rows = db
    .select()
    .from(revisions)
    .where(and(eq(revisions.weekStart, weekStart), eq(revisions.entity, 'value'), gt(revisions.weekVersion, snapshots[0].weekVersion)))
    .orderBy(asc(revisions.id))
    .all();
  return rows.map((r) => ({
    metric: r.metricKey ?? r.entityId.split(':').at(-1) ?? '',
    from: valueOf(r.before),
    to: valueOf(r.after),
    at: r.createdAt.toISOString(),
    by: r.userEmail,
    reason: r.reason,
    fromVersion: snapshots.filter((s) => s.weekVersion < (r.weekVersion ?? 0)).at(-1)?.version ?? snapshots[0].version,
  }));
}

/** Per week in [from, to], the values its first snapshot (v1) holds: "as reported". */
export function firstReported(from: string, to: string, db: Reader = getDb()): Map<string, Record<string, number>> {
  // Only the values, extracted by SQLite: the payload also holds the whole report, which every dashboard view
  // and chart request would otherwise parse for each week of its range.
  const rows = db
    .select({ weekStart: weekSnapshots.weekStart, values: sql<string>`json_extract(${weekSnapshots.payload}, '$.values')` })
    .from(weekSnapshots)
    .where(and(eq(weekSnapshots.version, 1), gte(weekSnapshots.weekStart, from), lte(weekSnapshots.weekStart, to)))
    .all();
  return new Map(rows.map((r) => [r.weekStart, Object.fromEntries(Object.entries(JSON.parse(r.values ?? '{}') as SnapshotPayload['values']).map(([k, v]) => [k, v.value]))]));
}

type SeriesLike = { weeks: string[]; series: Record<string, Array<number | null>> };

/**
 * A dashboard's two series (range and sparkline) as the chosen version shows them, and per week the metrics
 * restated since first published (the "restated" marker, shown in both views).
 */
export function seriesAsOf<S extends SeriesLike>(asOf: AsOf, range: S, spark: S, db: Reader = getDb()) {
  const weeksSeen = [...range.weeks, ...spark.weeks].sort();
  const reported = weeksSeen.length ? firstReported(weeksSeen[0], weeksSeen.at(-1)!, db) : new Map<string, Record<string, number>>();
  const restated = restatedKeys(spark, reported);
  for (const [w, keys] of restatedKeys(range, reported)) restated.set(w, keys);
  if (asOf === 'current') return { range, spark, restated };
  return { range: overlayReported(range, reported), spark: overlayReported(spark, reported), restated };
}
