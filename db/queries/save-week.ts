// The one write path for a week (form, paste import, CSV): a three-way merge against the version the editor
// started from (rebuilt from the audit trail), every change audited, all of it in one IMMEDIATE transaction
// so a failure or a conflict writes nothing.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { WeekStatus } from '@/lib/constants';
import { incidentFields, mergeStatus, mergeWeek, sameCell, sameIncident, type FieldConflict, type WeekState } from '@/lib/kpi/week-merge';
import type { WeekEntry } from '@/lib/validation/week-entry';
import { getDb, type Db } from '../index';
import { incidents, metricValues, revisions, user, weeks } from '../schema';
import { reportChanged, toMyReport, writeReport } from './save-report';
import { WeekSaveBatch } from './save-week-batch';
import { freezeSnapshot, snapshotDue } from './snapshots';
import { readWeekState, weekStateAt } from './week-state';

export interface Actor {
  userId: string;
  email: string;
}

export interface ChangeSummary {
  entity: string;
  entityId: string;
  action: string;
  metricKey: string | null;
  before: unknown;
  after: unknown;
  userEmail: string | null;
  userName?: string | null;
  createdAt: Date;
  reason: string | null;
}

export type SaveOutcome =
  | { ok: true; version: number; status: WeekStatus; changes: number }
  | { ok: false; kind: 'conflict'; currentVersion: number; conflicts: ConflictDetail[]; takeTheirs: string[]; theirs: WeekState; changes: ChangeSummary[] }
  | { ok: false; kind: 'needs_confirmation'; missing: string[] }
  | { ok: false; kind: 'needs_reason' };

/** A field both sides changed differently, with who last changed it on their side and when. */
export type ConflictDetail = FieldConflict & { by: string | null; at: Date | null };

/** A transaction on the one connection: callers that write several weeks at once pass theirs. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type RevisionInput = Omit<typeof revisions.$inferInsert, 'id' | 'createdAt' | 'weekStart' | 'weekVersion' | 'userId' | 'userEmail' | 'reason'>;

/** Changes made to the week after `version`: what a conflicting editor needs to see. */
export function listChangesSince(weekStart: string, version: number, db: Db | Tx = getDb()): ChangeSummary[] {
  return db
    .select({
      entity: revisions.entity,
      entityId: revisions.entityId,
      action: revisions.action,
      metricKey: revisions.metricKey,
      before: revisions.before,
      after: revisions.after,
      userEmail: revisions.userEmail,
      userName: user.name,
      createdAt: revisions.createdAt,
      reason: revisions.reason,
    })
    .from(revisions)
    .leftJoin(user, eq(user.id, revisions.userId))
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
 *
 * `batch`: a caller saving many weeks in one transaction passes one WeekSaveBatch for all of them (catalogue
 * read once; new weeks, new values and audit rows queued) and calls its flush() before the transaction ends.
 * Without one, the save uses its own and writes everything before returning.
 */
export function saveWeekInTransaction(tx: Tx, entry: WeekEntry, actor: Actor, batch?: WeekSaveBatch): SaveOutcome {
  const writes = batch ?? new WeekSaveBatch(tx);
  const week = writes.week(entry.weekStart);
  const currentVersion = week?.version ?? 0;
  const active = writes.activeMetrics();
  const activeIds = new Map(active.map((m) => [m.id, m.key]));
  const activeKeys = active.map((m) => m.key);

  const theirs = readWeekState(tx, entry.weekStart, activeIds, week ?? null);
  const base = entry.baseVersion === currentVersion ? theirs : weekStateAt(tx, entry.weekStart, entry.baseVersion, theirs, currentVersion, new Set(activeKeys));
  const mine = {
    values: entry.values,
    notes: entry.notes,
    internalNotes: entry.internalNotes,
    incidents: entry.incidents.map((e) => ({ id: e.id, fields: incidentFields(e) })),
    report: entry.report ? toMyReport(tx, entry.weekStart, entry.report) : undefined,
  };
  const { merged, conflicts, takeTheirs } = mergeWeek(base, theirs, mine, activeKeys);
  if (conflicts.length) {
    const changes = listChangesSince(entry.weekStart, entry.baseVersion, tx);
    return { ok: false, kind: 'conflict', currentVersion, conflicts: conflicts.map((c) => ({ ...c, ...lastChangeOf(c, changes) })), takeTheirs, theirs, changes };
  }

  const storedValues = writes.valueRows(entry.weekStart);
  const rowByMetric = new Map(storedValues.map((s) => [s.metricId, s]));
  const valueChanges = active
    .map((metric) => ({ metric, row: rowByMetric.get(metric.id), before: theirs.values[metric.key], after: merged.values[metric.key] }))
    .filter((c) => !sameCell(c.before, c.after));

  const storedIds = Object.keys(theirs.incidents).map(Number);
  const incidentUpdates = storedIds.filter((id) => merged.incidents[id] && !sameIncident(theirs.incidents[id], merged.incidents[id]));
  const incidentDeletes = storedIds.filter((id) => !merged.incidents[id]);
  const incidentCreates = merged.created;

  const currentStatus: WeekStatus = week?.status ?? 'draft';
  const nextStatus = mergeStatus(base?.status ?? null, week?.status ?? null, entry.intent);
  const notesChanged = theirs.notes !== merged.notes || theirs.internalNotes !== merged.internalNotes;
  // The report part (issue 13) is audited like the notes: it needs no reason on a published week.
  const reportDiffers = entry.report !== undefined && reportChanged(theirs.report!, merged.report, merged.createdItems);
  const dataChanged = valueChanges.length + incidentUpdates.length + incidentCreates.length + incidentDeletes.length > 0;

  // Confirmed once when the week is published; later saves of a published week do not ask again.
  if (nextStatus === 'published' && currentStatus !== 'published') {
    const missing = active.filter((m) => m.required && !merged.values[m.key]).map((m) => m.key);
    if (missing.length && !entry.confirmMissing) return { ok: false, kind: 'needs_confirmation', missing };
  }
  // Clearing a required value everyone has seen takes the dashboard's figure away: asked too (issue 16).
  if (nextStatus === 'published' && currentStatus === 'published') {
    const cleared = active.filter((m) => m.required && theirs.values[m.key] && !merged.values[m.key]).map((m) => m.key);
    if (cleared.length && !entry.confirmMissing) return { ok: false, kind: 'needs_confirmation', missing: cleared };
  }
  if (currentStatus === 'published' && dataChanged && !entry.reason) return { ok: false, kind: 'needs_reason' };

  // Publishing a published week again ("republish") goes on: freezeSnapshot decides whether it is a new version.
  const republish = entry.intent === 'publish' && currentStatus === 'published' && snapshotDue(tx, entry.weekStart);
  if (!dataChanged && !notesChanged && !reportDiffers && nextStatus === currentStatus && week && !republish) {
    return { ok: true, version: currentVersion, status: currentStatus, changes: 0 };
  }

  const version = currentVersion + 1;
  const now = new Date();
  const audit: RevisionInput[] = [];

  if (!week) {
    writes.addWeek({ weekStart: entry.weekStart, status: nextStatus, notes: merged.notes, internalNotes: merged.internalNotes, reflection: merged.report.reflection, version, updatedBy: actor.userId, publishedAt: nextStatus === 'published' ? now : null });
    audit.push({ entity: 'week', entityId: entry.weekStart, action: 'create', after: { status: nextStatus } });
  } else {
    const bumped = tx
      .update(weeks)
      .set({
        status: nextStatus,
        notes: merged.notes,
        internalNotes: merged.internalNotes,
        reflection: merged.report.reflection,
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
    audit.push({ entity: 'week', entityId: entry.weekStart, action: 'update', before: { notes: theirs.notes, internalNotes: theirs.internalNotes }, after: { notes: merged.notes, internalNotes: merged.internalNotes } });
  }
  if (week && nextStatus !== currentStatus) {
    audit.push({ entity: 'week', entityId: entry.weekStart, action: nextStatus === 'published' ? 'publish' : 'unpublish', before: { status: currentStatus }, after: { status: nextStatus } });
  } else if (!week && nextStatus === 'published') {
    audit.push({ entity: 'week', entityId: entry.weekStart, action: 'publish', before: { status: 'draft' }, after: { status: nextStatus } });
  }

  for (const { metric, row, before, after } of valueChanges) {
    if (row && after) {
      tx.update(metricValues).set({ value: after.value, done: after.done, total: after.total, version: row.version + 1, updatedBy: actor.userId, updatedAt: now }).where(eq(metricValues.id, row.id)).run();
    } else if (after) {
      writes.addValue({ weekStart: entry.weekStart, metricId: metric.id, value: after.value, done: after.done, total: after.total, updatedBy: actor.userId });
    } else if (row) {
      tx.delete(metricValues).where(eq(metricValues.id, row.id)).run();
    }
    audit.push({ entity: 'value', entityId: `${entry.weekStart}:${metric.key}`, metricKey: metric.key, action: !before ? 'create' : after ? 'update' : 'delete', before: before ?? null, after: after ?? null });
  }

  // Incidents and the report part reference the week row (and read other tables): write what is queued first.
  if (incidentCreates.length || incidentUpdates.length || incidentDeletes.length || reportDiffers) writes.flush();
  for (const fields of incidentCreates) {
    const created = tx.insert(incidents).values({ ...fields, weekStart: entry.weekStart, updatedBy: actor.userId }).returning({ id: incidents.id }).get();
    audit.push({ entity: 'incident', entityId: String(created.id), action: 'create', after: fields });
  }
  for (const id of incidentUpdates) {
    tx.update(incidents).set({ ...merged.incidents[id], updatedBy: actor.userId, updatedAt: now }).where(eq(incidents.id, id)).run();
    audit.push({ entity: 'incident', entityId: String(id), action: 'update', before: theirs.incidents[id], after: merged.incidents[id] });
  }
  if (incidentDeletes.length) {
    tx.delete(incidents).where(inArray(incidents.id, incidentDeletes)).run();
    for (const id of incidentDeletes) audit.push({ entity: 'incident', entityId: String(id), action: 'delete', before: theirs.incidents[id] });
  }

  if (reportDiffers) audit.push(...writeReport(tx, entry.weekStart, theirs.report!, merged.report, merged.createdItems, actor.userId, now));

  // Fields named, not spread (audit rows come in several shapes; the spread showed in the CSV import's profile).
  // A new revisions column is added here and to WeekSaveBatch's column list.
  const reason = entry.reason || null;
  writes.addRevisions(
    audit.map((a) => ({ entity: a.entity, entityId: a.entityId, metricKey: a.metricKey, action: a.action, before: a.before, after: a.after, weekStart: entry.weekStart, weekVersion: version, userId: actor.userId, userEmail: actor.email, reason })),
  );
  // The snapshot is built from the stored week: a save that may freeze one writes its rows first.
  if (!batch || (nextStatus === 'published' && entry.intent === 'publish')) writes.flush();
  // A republish that freezes the next published version is a change even when no field moved.
  const frozen = freezeSnapshot(tx, { weekStart: entry.weekStart, weekVersion: version, status: nextStatus, intent: entry.intent, actor });
  return { ok: true, version, status: nextStatus, changes: audit.length + (frozen === null ? 0 : 1) };
}

const REPORT_ENTITY = { item: 'week_item', update: 'initiative_update', note: 'finding_note', check: 'plan_check' } as const;
function touchesReport(c: Extract<FieldConflict, { kind: 'report' }>, ch: ChangeSummary): boolean {
  if (c.part === 'reflection') return ch.entity === 'week' && ch.action === 'update' && (ch.after as Record<string, unknown> | null)?.reflection !== undefined;
  return ch.entity === REPORT_ENTITY[c.part] && (ch.entityId === String(c.id) || ch.entityId.endsWith(`:${c.id}`));
}

/** Who changed a conflicting field on their side, and when: the newest audited change of it since the base. */
function lastChangeOf(c: FieldConflict, changes: ChangeSummary[]): { by: string | null; at: Date | null } {
  const touches = (ch: ChangeSummary) =>
    c.kind === 'report'
      ? touchesReport(c, ch)
      : c.kind === 'value'
      ? ch.entity === 'value' && ch.metricKey === c.key
      : c.kind === 'incident'
        ? ch.entity === 'incident' && ch.entityId === c.key
        : ch.entity === 'week' && ch.action === 'update' && (ch.before as Record<string, unknown> | null)?.[c.kind] !== (ch.after as Record<string, unknown> | null)?.[c.kind];
  const last = changes.filter(touches).at(-1);
  // Who by name, with the email to tell two people of the same name apart.
  const by = last?.userName && last.userEmail && last.userName !== last.userEmail ? `${last.userName} (${last.userEmail})` : (last?.userEmail ?? last?.userName ?? null);
  return { by, at: last?.createdAt ?? null };
}
