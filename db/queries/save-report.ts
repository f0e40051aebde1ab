// The report part of saveWeek (issue 13): what the editor sent, as the merge's fields; the rows to write
// once merged; and the audit of each. Runs inside saveWeek's transaction, after the week row exists.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { CLOSED_FINDING_STATUSES } from '@/lib/report/model';
import { sameReportValue, type ItemFields, type MyReport, type ReportState } from '@/lib/report/report-merge';
import type { ReportEntry } from '@/lib/validation/report-entry';
import { findingNotes, findings, initiativeUpdates, initiatives, planChecks, revisions, weekItems } from '../schema';
import { getPlanToCheck } from './report';
import type { Tx } from './save-week';

type RevisionInput = Omit<typeof revisions.$inferInsert, 'id' | 'createdAt' | 'weekStart' | 'weekVersion' | 'userId' | 'userEmail' | 'reason'>;

export interface ReportRefError {
  path: (string | number)[];
  message: string;
}

/** References the report part makes that do not exist: unknown initiatives, findings, plan items. Empty when all is well. */
export function reportReferenceErrors(tx: Tx, weekStart: string, report: ReportEntry): ReportRefError[] {
  const known = knownRefs(tx, weekStart, report);
  const errors: ReportRefError[] = [];
  report.updates.forEach((u, i) => !known.initiatives.has(u.initiativeId) && errors.push({ path: ['report', 'updates', i, 'initiativeId'], message: 'This initiative does not exist.' }));
  report.findingNotes.forEach((n, i) => !known.findings.has(n.findingId) && errors.push({ path: ['report', 'findingNotes', i, 'findingId'], message: 'This finding does not exist.' }));
  report.planChecks.forEach((c, i) => !known.plan.has(c.itemId) && errors.push({ path: ['report', 'planChecks', i, 'itemId'], message: 'This is not one of last week’s plan items.' }));
  report.items?.forEach((it, i) => it.carriedFrom !== null && !known.plan.has(it.carriedFrom) && errors.push({ path: ['report', 'items', i, 'carriedFrom'], message: 'This is not one of last week’s plan items.' }));
  return errors;
}

function knownRefs(tx: Tx, weekStart: string, report: ReportEntry) {
  const initiativeIds = report.updates.map((u) => u.initiativeId);
  const findingIds = report.findingNotes.map((n) => n.findingId);
  return {
    initiatives: new Set(initiativeIds.length ? tx.select({ id: initiatives.id }).from(initiatives).where(inArray(initiatives.id, initiativeIds)).all().map((r) => r.id) : []),
    findings: new Set(findingIds.length ? tx.select({ id: findings.id }).from(findings).where(inArray(findings.id, findingIds)).all().map((r) => r.id) : []),
    plan: new Set(getPlanToCheck(weekStart, tx).items.map((i) => i.id)),
  };
}

/** The editor's report as the merge's fields; references that do not exist are left out (never written dangling). */
export function toMyReport(tx: Tx, weekStart: string, report: ReportEntry): MyReport {
  const known = knownRefs(tx, weekStart, report);
  const positions: Record<string, number> = {};
  return {
    reflection: report.reflection,
    items: report.items?.map((it) => ({
      id: it.id,
      fields: { section: it.section, position: (positions[it.section] = (positions[it.section] ?? -1) + 1), text: it.text, internal: it.internal, carriedFrom: it.carriedFrom !== null && known.plan.has(it.carriedFrom) ? it.carriedFrom : null },
    })),
    updates: Object.fromEntries(report.updates.filter((u) => known.initiatives.has(u.initiativeId)).map((u) => [u.initiativeId, u.remove ? null : { status: u.status, progress: u.progress, text: u.text, internal: u.internal }])),
    notes: Object.fromEntries(report.findingNotes.filter((n) => known.findings.has(n.findingId)).map((n) => [n.findingId, n.remove ? null : { status: n.status, text: n.text, internal: n.internal }])),
    checks: Object.fromEntries(report.planChecks.filter((c) => known.plan.has(c.itemId)).map((c) => [c.itemId, c.outcome ? { outcome: c.outcome, reason: c.reason } : null])),
  };
}

/** Whether the merged report differs from what is stored. */
export function reportChanged(theirs: ReportState, merged: ReportState, createdItems: readonly ItemFields[]): boolean {
  return createdItems.length > 0 || !sameReportValue(theirs, merged);
}

/** Write the merged report over the stored one; returns the audit rows (the caller stamps week, version, actor). */
export function writeReport(tx: Tx, weekStart: string, theirs: ReportState, merged: ReportState, createdItems: readonly ItemFields[], userId: string, now: Date): RevisionInput[] {
  const audit: RevisionInput[] = [];
  const key = (id: number) => `${weekStart}:${id}`;
  const by = { updatedBy: userId, updatedAt: now };

  if (theirs.reflection !== merged.reflection) audit.push({ entity: 'week', entityId: weekStart, action: 'update', before: { reflection: theirs.reflection }, after: { reflection: merged.reflection } });

  for (const fields of createdItems) {
    const row = tx.insert(weekItems).values({ ...fields, weekStart, updatedBy: userId }).returning({ id: weekItems.id }).get();
    audit.push({ entity: 'week_item', entityId: String(row.id), action: 'create', before: null, after: fields });
  }
  diff(theirs.items, merged.items, (id, before, after) => {
    if (after && before) tx.update(weekItems).set({ ...after, ...by }).where(eq(weekItems.id, id)).run();
    else tx.delete(weekItems).where(eq(weekItems.id, id)).run();
    audit.push({ entity: 'week_item', entityId: String(id), action: after ? 'update' : 'delete', before, after });
  });

  diff(theirs.updates, merged.updates, (id, before, after) => {
    const where = and(eq(initiativeUpdates.weekStart, weekStart), eq(initiativeUpdates.initiativeId, id));
    if (after && before) tx.update(initiativeUpdates).set({ ...after, ...by }).where(where).run();
    else if (after) tx.insert(initiativeUpdates).values({ ...after, initiativeId: id, weekStart, updatedBy: userId }).run();
    else tx.delete(initiativeUpdates).where(where).run();
    audit.push({ entity: 'initiative_update', entityId: key(id), action: !before ? 'create' : after ? 'update' : 'delete', before, after });
  });

  const touchedFindings: number[] = [];
  diff(theirs.notes, merged.notes, (id, before, after) => {
    const where = and(eq(findingNotes.weekStart, weekStart), eq(findingNotes.findingId, id));
    if (after && before) tx.update(findingNotes).set({ ...after, ...by }).where(where).run();
    else if (after) tx.insert(findingNotes).values({ ...after, findingId: id, weekStart, updatedBy: userId }).run();
    else tx.delete(findingNotes).where(where).run();
    audit.push({ entity: 'finding_note', entityId: key(id), action: !before ? 'create' : after ? 'update' : 'delete', before, after });
    touchedFindings.push(id);
  });
  for (const id of touchedFindings) {
    const change = syncFindingStatus(tx, id, now);
    if (change) audit.push(change);
  }

  diff(theirs.checks, merged.checks, (id, before, after) => {
    const where = and(eq(planChecks.weekStart, weekStart), eq(planChecks.itemId, id));
    if (after && before) tx.update(planChecks).set({ ...after, ...by }).where(where).run();
    else if (after) tx.insert(planChecks).values({ ...after, itemId: id, weekStart, updatedBy: userId }).run();
    else tx.delete(planChecks).where(where).run();
    audit.push({ entity: 'plan_check', entityId: key(id), action: !before ? 'create' : after ? 'update' : 'delete', before, after });
  });
  return audit;
}

function diff<T>(before: Record<number, T>, after: Record<number, T>, apply: (id: number, before: T | null, after: T | null) => void): void {
  const ids = new Set([...Object.keys(before), ...Object.keys(after)].map(Number));
  for (const id of [...ids].sort((a, b) => a - b)) {
    const b = before[id] ?? null;
    const a = after[id] ?? null;
    if (!sameReportValue(b, a)) apply(id, b, a);
  }
}

/**
 * A finding's status follows its newest weekly note; it is resolved (or its risk accepted) in the first week
 * of the closed run that ends with that note. Returns the audit row when the finding changed.
 */
function syncFindingStatus(tx: Tx, findingId: number, now: Date): RevisionInput | null {
  const finding = tx.select().from(findings).where(eq(findings.id, findingId)).get();
  if (!finding) return null;
  const notes = tx.select({ weekStart: findingNotes.weekStart, status: findingNotes.status }).from(findingNotes).where(eq(findingNotes.findingId, findingId)).orderBy(asc(findingNotes.weekStart)).all();
  const newest = notes.at(-1);
  if (!newest) return null;
  let resolvedWeek: string | null = null;
  for (const n of notes) resolvedWeek = CLOSED_FINDING_STATUSES.includes(n.status) ? (resolvedWeek ?? n.weekStart) : null;
  if (finding.status === newest.status && finding.resolvedWeek === resolvedWeek) return null;
  tx.update(findings).set({ status: newest.status, resolvedWeek, updatedAt: now }).where(eq(findings.id, findingId)).run();
  return { entity: 'finding', entityId: String(findingId), action: 'update', before: { status: finding.status, resolvedWeek: finding.resolvedWeek }, after: { status: newest.status, resolvedWeek } };
}
