// A week as the merge sees it: as stored now, and as it was at an earlier version, rebuilt on the server from
// the audit trail (each revision carries before/after and the week version it produced). Never from the client.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { WeekStatus } from '@/lib/constants';
import { emptyWeek, incidentFields, sameCell, sameIncident, type Cell, type IncidentFields, type WeekState } from '@/lib/kpi/week-merge';
import { incidents, metricValues, revisions, weeks } from '../schema';
import { cloneReport, readReportState, undoReportRevision } from './report-state';
import type { Tx } from './save-week';

/**
 * The stored week, active metrics only (archived ones are not the form's to change). `row`: the week's row
 * when the caller has just read it in this transaction (null: known not to exist), so it is not read twice.
 */
export function readWeekState(tx: Tx, weekStart: string, activeIds: ReadonlyMap<number, string>, row?: typeof weeks.$inferSelect | null): WeekState {
  const week = row === undefined ? tx.select().from(weeks).where(eq(weeks.weekStart, weekStart)).get() : row;
  if (!week) return emptyWeek();
  const values: Record<string, Cell> = {};
  for (const v of tx.select().from(metricValues).where(eq(metricValues.weekStart, weekStart)).all()) {
    const key = activeIds.get(v.metricId);
    if (key) values[key] = { value: v.value, done: v.done, total: v.total };
  }
  const log: Record<number, IncidentFields> = {};
  for (const e of tx.select().from(incidents).where(eq(incidents.weekStart, weekStart)).all()) log[e.id] = incidentFields(e);
  return { status: week.status, values, notes: week.notes, internalNotes: week.internalNotes, incidents: log, report: readReportState(tx, weekStart) };
}

const asCell = (v: unknown): Cell | null => (v && typeof v === 'object' && 'value' in v ? (v as Cell) : null);
const asIncident = (v: unknown): IncidentFields | null => (v && typeof v === 'object' && 'title' in v ? incidentFields(v as Record<string, unknown>) : null);
const textOf = (v: unknown, k: 'notes' | 'internalNotes'): string | null => (v && typeof v === 'object' && k in v ? String((v as Record<string, unknown>)[k]) : null);

/**
 * The week at `version`, undoing every audited change made after it, newest first. Each undo first checks that
 * the revision's "after" is what the week holds; any gap in the trail (a change written outside saveWeek, a
 * demo reset) returns null, and the merge then treats every difference as a conflict.
 */
export function weekStateAt(tx: Tx, weekStart: string, version: number, current: WeekState, currentVersion: number, activeKeys: ReadonlySet<string>): WeekState | null {
  if (version === 0) return emptyWeek();
  if (version > currentVersion) return null;
  const isActive = (key: string | null) => key !== null && activeKeys.has(key);
  const state: WeekState = { ...current, values: { ...current.values }, incidents: { ...current.incidents }, report: cloneReport(current.report ?? emptyWeek().report!) };
  const undo = tx
    .select()
    .from(revisions)
    .where(and(eq(revisions.weekStart, weekStart), gt(revisions.weekVersion, version)))
    .orderBy(desc(revisions.id))
    .all();
  for (const r of undo) {
    if ((r.weekVersion ?? 0) > currentVersion) return null;
    if (!undoReportRevision(state.report!, r)) return null;
    if (r.entity === 'value') {
      if (!isActive(r.metricKey)) continue;
      const key = r.metricKey!;
      if (!sameCell(state.values[key] ?? null, asCell(r.after))) return null;
      const before = asCell(r.before);
      if (before) state.values[key] = { value: before.value, done: before.done ?? null, total: before.total ?? null };
      else delete state.values[key];
    } else if (r.entity === 'incident') {
      const id = Number(r.entityId);
      if (!sameIncident(state.incidents[id] ?? null, asIncident(r.after))) return null;
      const before = asIncident(r.before);
      if (before) state.incidents[id] = before;
      else delete state.incidents[id];
    } else if (r.entity === 'week') {
      if (r.action === 'create') return version === 0 ? emptyWeek() : null;
      if (r.action === 'update') {
        for (const k of ['notes', 'internalNotes'] as const) {
          const after = textOf(r.after, k);
          const before = textOf(r.before, k);
          if (after === null || before === null) continue;
          if (state[k] !== after) return null;
          state[k] = before;
        }
      } else if (r.action === 'publish' || r.action === 'unpublish') {
        state.status = ((r.before as { status?: WeekStatus } | null)?.status ?? 'draft') as WeekStatus;
      }
    }
  }
  return state;
}
