// The one write path for a week (form, paste import, CSV): optimistic concurrency on the week's
// version, every change audited, all of it in one IMMEDIATE transaction so a failure writes nothing.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { WeekStatus } from '@/lib/constants';
import type { IncidentInput, WeekEntry, WeekEntryValue } from '@/lib/validation/week-entry';
import { getDb, type Db } from '../index';
import { incidents, metricValues, metrics, revisions, weeks } from '../schema';

export interface Actor {
  userId: string;
  email: string;
}

export interface ChangeSummary {
  entity: string;
  action: string;
  metricKey: string | null;
  before: unknown;
  after: unknown;
  userEmail: string | null;
  createdAt: Date;
  reason: string | null;
}

export type SaveOutcome =
  | { ok: true; version: number; status: WeekStatus; changes: number }
  | { ok: false; kind: 'conflict'; currentVersion: number; changes: ChangeSummary[] }
  | { ok: false; kind: 'needs_confirmation'; missing: string[] }
  | { ok: false; kind: 'needs_reason' };

/** A transaction on the one connection: callers that write several weeks at once pass theirs. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type RevisionInput = Omit<typeof revisions.$inferInsert, 'id' | 'createdAt' | 'weekStart' | 'weekVersion' | 'userId' | 'userEmail' | 'reason'>;

const sameValue = (a: WeekEntryValue | undefined, b: WeekEntryValue | undefined) =>
  a?.value === b?.value && (a?.done ?? null) === (b?.done ?? null) && (a?.total ?? null) === (b?.total ?? null);

const INCIDENT_FIELDS = ['title', 'startedAt', 'endedAt', 'durationMinutes', 'grade', 'gradeStatus', 'cause', 'handling'] as const;

function incidentSnapshot(e: Pick<IncidentInput, (typeof INCIDENT_FIELDS)[number]>) {
  return Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, e[f] ?? null]));
}

/** Changes made to the week after `version`: what a conflicting editor needs to see. */
export function listChangesSince(weekStart: string, version: number, db: Db | Tx = getDb()): ChangeSummary[] {
  return db
    .select({
      entity: revisions.entity,
      action: revisions.action,
      metricKey: revisions.metricKey,
      before: revisions.before,
      after: revisions.after,
      userEmail: revisions.userEmail,
      createdAt: revisions.createdAt,
      reason: revisions.reason,
    })
    .from(revisions)
    .where(and(eq(revisions.weekStart, weekStart), gt(revisions.weekVersion, version)))
    .orderBy(asc(revisions.id))
    .all();
}

export function saveWeek(entry: WeekEntry, actor: Actor, db: Db = getDb()): SaveOutcome {
  return db.transaction((tx) => saveWeekInTransaction(tx, entry, actor), { behavior: 'immediate' });
}

/**
 * The body of saveWeek, inside the caller's transaction (the CSV import saves many weeks in one). A refusal
 * (conflict, confirmation, reason) returns before anything is written; the caller decides whether to roll back.
 */
export function saveWeekInTransaction(tx: Tx, entry: WeekEntry, actor: Actor): SaveOutcome {
  const week = tx.select().from(weeks).where(eq(weeks.weekStart, entry.weekStart)).get();
  const currentVersion = week?.version ?? 0;
  if (currentVersion !== entry.baseVersion) {
    return { ok: false, kind: 'conflict', currentVersion, changes: listChangesSince(entry.weekStart, entry.baseVersion, tx) };
  }

  const catalogue = tx.select().from(metrics).all();
  const active = catalogue.filter((m) => m.archivedAt === null);
  const stored = tx
    .select({ id: metricValues.id, metricId: metricValues.metricId, value: metricValues.value, done: metricValues.done, total: metricValues.total, version: metricValues.version })
    .from(metricValues)
    .where(eq(metricValues.weekStart, entry.weekStart))
    .all();
  const storedByMetric = new Map(stored.map((s) => [s.metricId, s]));

  const valueChanges = active
    .map((m) => {
      const before = storedByMetric.get(m.id);
      const beforeValue = before ? { value: before.value, done: before.done, total: before.total } : undefined;
      const after = entry.values[m.key];
      return { metric: m, before, beforeValue, after };
    })
    .filter((c) => !sameValue(c.beforeValue, c.after));

  const storedIncidents = tx.select().from(incidents).where(eq(incidents.weekStart, entry.weekStart)).all();
  const storedIncidentById = new Map(storedIncidents.map((i) => [i.id, i]));
  const keptIds = new Set(entry.incidents.flatMap((e) => (e.id && storedIncidentById.has(e.id) ? [e.id] : [])));
  const incidentUpdates = entry.incidents.filter((e) => {
    const old = e.id ? storedIncidentById.get(e.id) : undefined;
    return old && JSON.stringify(incidentSnapshot(old)) !== JSON.stringify(incidentSnapshot(e));
  });
  const incidentCreates = entry.incidents.filter((e) => !e.id || !storedIncidentById.has(e.id));
  const incidentDeletes = storedIncidents.filter((i) => !keptIds.has(i.id));

  const currentStatus: WeekStatus = week?.status ?? 'draft';
  const nextStatus: WeekStatus = entry.intent === 'publish' ? 'published' : entry.intent === 'draft' ? 'draft' : currentStatus;
  const notesChanged = (week?.notes ?? '') !== entry.notes || (week?.internalNotes ?? '') !== entry.internalNotes;
  const dataChanged = valueChanges.length + incidentUpdates.length + incidentCreates.length + incidentDeletes.length > 0;

  // Confirmed once when the week is published; later saves of a published week do not ask again.
  if (nextStatus === 'published' && currentStatus !== 'published') {
    const missing = active.filter((m) => m.required && !entry.values[m.key]).map((m) => m.key);
    if (missing.length && !entry.confirmMissing) return { ok: false, kind: 'needs_confirmation', missing };
  }
  if (currentStatus === 'published' && dataChanged && !entry.reason) return { ok: false, kind: 'needs_reason' };

  if (!dataChanged && !notesChanged && nextStatus === currentStatus && week) {
    return { ok: true, version: currentVersion, status: currentStatus, changes: 0 };
  }

  const version = currentVersion + 1;
  const now = new Date();
  const audit: RevisionInput[] = [];

  if (!week) {
    tx.insert(weeks).values({ weekStart: entry.weekStart, status: nextStatus, notes: entry.notes, internalNotes: entry.internalNotes, version, updatedBy: actor.userId, publishedAt: nextStatus === 'published' ? now : null }).run();
    audit.push({ entity: 'week', entityId: entry.weekStart, action: 'create', after: { status: nextStatus } });
  } else {
    const bumped = tx
      .update(weeks)
      .set({
        status: nextStatus,
        notes: entry.notes,
        internalNotes: entry.internalNotes,
        version,
        updatedBy: actor.userId,
        updatedAt: now,
        publishedAt: nextStatus === 'published' ? (week.publishedAt ?? now) : null,
      })
      .where(and(eq(weeks.weekStart, entry.weekStart), eq(weeks.version, currentVersion)))
      .run();
    if (bumped.changes !== 1) throw new Error('The week changed during the save.');
  }
  if (notesChanged) {
    audit.push({ entity: 'week', entityId: entry.weekStart, action: 'update', before: { notes: week?.notes ?? '', internalNotes: week?.internalNotes ?? '' }, after: { notes: entry.notes, internalNotes: entry.internalNotes } });
  }
  if (week && nextStatus !== currentStatus) {
    audit.push({ entity: 'week', entityId: entry.weekStart, action: nextStatus === 'published' ? 'publish' : 'unpublish', before: { status: currentStatus }, after: { status: nextStatus } });
  } else if (!week && nextStatus === 'published') {
    audit.push({ entity: 'week', entityId: entry.weekStart, action: 'publish', before: { status: 'draft' }, after: { status: nextStatus } });
  }

  for (const { metric, before, beforeValue, after } of valueChanges) {
    if (before && after) {
      tx.update(metricValues).set({ value: after.value, done: after.done, total: after.total, version: before.version + 1, updatedBy: actor.userId, updatedAt: now }).where(eq(metricValues.id, before.id)).run();
    } else if (after) {
      tx.insert(metricValues).values({ weekStart: entry.weekStart, metricId: metric.id, value: after.value, done: after.done, total: after.total, updatedBy: actor.userId }).run();
    } else if (before) {
      tx.delete(metricValues).where(eq(metricValues.id, before.id)).run();
    }
    audit.push({ entity: 'value', entityId: `${entry.weekStart}:${metric.key}`, metricKey: metric.key, action: !before ? 'create' : after ? 'update' : 'delete', before: beforeValue ?? null, after: after ?? null });
  }

  for (const e of incidentCreates) {
    const { id: _ignored, ...fields } = e;
    const created = tx.insert(incidents).values({ ...fields, weekStart: entry.weekStart, updatedBy: actor.userId }).returning({ id: incidents.id }).get();
    audit.push({ entity: 'incident', entityId: String(created.id), action: 'create', after: incidentSnapshot(e) });
  }
  for (const e of incidentUpdates) {
    const old = storedIncidentById.get(e.id!)!;
    const { id, ...fields } = e;
    tx.update(incidents).set({ ...fields, updatedBy: actor.userId, updatedAt: now }).where(eq(incidents.id, id!)).run();
    audit.push({ entity: 'incident', entityId: String(id), action: 'update', before: incidentSnapshot(old), after: incidentSnapshot(e) });
  }
  if (incidentDeletes.length) {
    tx.delete(incidents).where(inArray(incidents.id, incidentDeletes.map((i) => i.id))).run();
    for (const old of incidentDeletes) audit.push({ entity: 'incident', entityId: String(old.id), action: 'delete', before: incidentSnapshot(old) });
  }

  if (audit.length) {
    tx.insert(revisions)
      .values(audit.map((a) => ({ ...a, weekStart: entry.weekStart, weekVersion: version, userId: actor.userId, userEmail: actor.email, reason: entry.reason || null })))
      .run();
  }
  return { ok: true, version, status: nextStatus, changes: audit.length };
}
