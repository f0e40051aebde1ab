// The report part of a week as the merge sees it (issue 13): read as stored, and rolled back one audited
// change at a time to rebuild an earlier version (week-state.ts drives the walk). Audit shapes:
// week_item `<id>`, initiative_update `<week>:<initiativeId>`, finding_note `<week>:<findingId>`,
// plan_check `<week>:<itemId>`, each with before/after as the merge's fields (null when absent); the
// reflection is a `week` update whose before/after hold `reflection`.
import { eq } from 'drizzle-orm';
import { emptyReport, sameReportValue, type CheckFields, type ItemFields, type NoteFields, type ReportState, type UpdateFields } from '@/lib/report/report-merge';
import { findingNotes, initiativeUpdates, planChecks, weekItems, weeks, type RevisionRow } from '../schema';
import type { Tx } from './save-week';

export function readReportState(tx: Tx, weekStart: string): ReportState {
  const state = emptyReport();
  state.reflection = tx.select({ r: weeks.reflection }).from(weeks).where(eq(weeks.weekStart, weekStart)).get()?.r ?? '';
  for (const i of tx.select().from(weekItems).where(eq(weekItems.weekStart, weekStart)).all()) state.items[i.id] = itemFields(i);
  for (const u of tx.select().from(initiativeUpdates).where(eq(initiativeUpdates.weekStart, weekStart)).all()) state.updates[u.initiativeId] = updateFields(u);
  for (const n of tx.select().from(findingNotes).where(eq(findingNotes.weekStart, weekStart)).all()) state.notes[n.findingId] = noteFields(n);
  for (const c of tx.select().from(planChecks).where(eq(planChecks.weekStart, weekStart)).all()) state.checks[c.itemId] = checkFields(c);
  return state;
}

export const itemFields = (i: ItemFields): ItemFields => ({ section: i.section, position: i.position, text: i.text, internal: Boolean(i.internal), carriedFrom: i.carriedFrom ?? null });
export const updateFields = (u: UpdateFields): UpdateFields => ({ status: u.status, progress: u.progress ?? null, text: u.text, internal: Boolean(u.internal) });
export const noteFields = (n: NoteFields): NoteFields => ({ status: n.status, text: n.text, internal: Boolean(n.internal) });
export const checkFields = (c: CheckFields): CheckFields => ({ outcome: c.outcome, reason: c.reason });

const REPORT_ENTITIES = { week_item: 'items', initiative_update: 'updates', finding_note: 'notes', plan_check: 'checks' } as const;
type Shaper = (v: never) => unknown;
const SHAPE: Record<keyof typeof REPORT_ENTITIES, Shaper> = { week_item: itemFields, initiative_update: updateFields, finding_note: noteFields, plan_check: checkFields };

/** The id a report revision keys its record by: the item id, or the part after `<week>:`. */
export function reportKey(r: Pick<RevisionRow, 'entity' | 'entityId'>): number {
  return Number(r.entity === 'week_item' ? r.entityId : r.entityId.slice(r.entityId.indexOf(':') + 1));
}

/**
 * Undo one revision on `state` (mutating it). Returns false when the trail has a gap (the revision's "after"
 * is not what the state holds), true otherwise, including for revisions that are not the report's.
 */
export function undoReportRevision(state: ReportState, r: RevisionRow): boolean {
  if (r.entity === 'week' && r.action === 'update') {
    const after = (r.after as { reflection?: unknown } | null)?.reflection;
    const before = (r.before as { reflection?: unknown } | null)?.reflection;
    if (typeof after !== 'string' || typeof before !== 'string') return true;
    if (state.reflection !== after) return false;
    state.reflection = before;
    return true;
  }
  if (!(r.entity in REPORT_ENTITIES)) return true;
  const entity = r.entity as keyof typeof REPORT_ENTITIES;
  const record = state[REPORT_ENTITIES[entity]] as Record<number, unknown>;
  const key = reportKey(r);
  const shape = SHAPE[entity];
  const after = r.after ? shape(r.after as never) : null;
  if (!sameReportValue(record[key] ?? null, after)) return false;
  if (r.before) record[key] = shape(r.before as never);
  else delete record[key];
  return true;
}

export function cloneReport(r: ReportState): ReportState {
  return { reflection: r.reflection, items: { ...r.items }, updates: { ...r.updates }, notes: { ...r.notes }, checks: { ...r.checks } };
}
