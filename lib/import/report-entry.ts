// A parsed weekly report → the weekly form's input (typed strings), so a pasted report goes through the
// same schema, conflict check and audit trail as the form. Pure: the stored week comes in as data.
import type { GradeStatus, Grade, WeekStatus } from '../constants';
import { plainNumber } from '../csv/format';
import type { ParsedIncident, ParsedReport } from '../report/parse-report';
import { durationBetween, type weekEntrySchema } from '../validation/week-entry';
import type { z } from 'zod';

export type WeekEntryInput = z.input<ReturnType<typeof weekEntrySchema>>;
export type CellInput = { value: string; done: string; total: string };
type IncidentInput = NonNullable<WeekEntryInput['incidents']>[number];

export interface StoredIncident {
  id: number;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number | null;
  title: string;
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  cause: string;
  handling: string;
}

/** The week as stored before the import; version 0 and status null when it does not exist yet. */
export interface StoredWeek {
  weekStart: string;
  version: number;
  status: WeekStatus | null;
  notes: string;
  internalNotes: string;
  values: Record<string, { value: number; done: number | null; total: number | null }>;
  incidents: StoredIncident[];
}

export interface ReportEntryOptions {
  intent: 'draft' | 'publish' | 'save';
  reason?: string;
  confirmMissing?: boolean;
  /** Whether the report has a production-event section: only then are its events merged into the stored log. */
  replaceIncidents: boolean;
  /** The catalogue's active metric keys: a report value for any other key is left out. */
  metricKeys: readonly string[];
}

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : plainNumber(n));

/**
 * Values: every stored value is kept unless the report states that metric, and then the report's value and
 * counts replace it whole (a stale done/total would otherwise re-derive the old percentage); the same value
 * stated without counts keeps the stored counts. Counts without a value still count when they give both done
 * and total. Notes are kept, and so is every stored event the report does not mention.
 */
export function reportToEntryInput(report: ParsedReport, stored: StoredWeek, options: ReportEntryOptions): WeekEntryInput {
  const values = storedValueCells(stored);
  for (const key of options.metricKeys) {
    const value = report.values[key as keyof ParsedReport['values']];
    const counts = report.counts[key as keyof ParsedReport['counts']];
    const before = stored.values[key];
    if (value !== undefined && !counts && before?.value === value) {
      // The same value, stated without counts: the stored counts stay (the report does not mention them).
      continue;
    } else if (value !== undefined) {
      values[key] = { value: text(value), done: text(counts?.done), total: text(counts?.total) };
    } else if (counts?.done !== undefined && counts.total !== undefined) {
      values[key] = { value: '', done: text(counts.done), total: text(counts.total) };
    }
  }
  return {
    weekStart: stored.weekStart,
    baseVersion: stored.version,
    intent: options.intent,
    confirmMissing: options.confirmMissing ?? false,
    reason: options.reason ?? '',
    notes: stored.notes,
    internalNotes: stored.internalNotes,
    values,
    incidents: options.replaceIncidents ? mergeIncidents(report.incidents, stored.incidents) : stored.incidents.map(storedIncidentInput),
  };
}

/** The stored values as the form would send them back unchanged. */
export function storedValueCells(stored: StoredWeek): Record<string, CellInput> {
  const cells: Record<string, CellInput> = {};
  for (const [key, v] of Object.entries(stored.values)) cells[key] = { value: text(v.value), done: text(v.done), total: text(v.total) };
  return cells;
}

/** A stored event as the form would send it back unchanged (its id keeps it in place). */
export function storedIncidentInput(e: StoredIncident): IncidentInput {
  return {
    id: e.id,
    title: e.title,
    startedAt: e.startedAt,
    endedAt: e.endedAt ?? '',
    durationMinutes: text(e.durationMinutes),
    grade: e.grade ?? '',
    gradeStatus: e.gradeStatus ?? '',
    cause: e.cause,
    handling: e.handling,
  };
}

/**
 * The report's log, each event matched to a stored one with the same start (and title, when several share
 * it), so re-importing a report leaves the stored events, their ids and follow-ups alone instead of deleting
 * and re-creating them. Stored events the report does not mention stay as they are: a report never deletes. A stored end time is kept only while it agrees with the report's duration; a grade,
 * cause or handling the report leaves out keeps the stored one.
 */
export function mergeIncidents(reported: readonly ParsedIncident[], stored: readonly StoredIncident[]): IncidentInput[] {
  const unmatched = [...stored];
  const fromReport = reported.map((e): IncidentInput => {
    const sameStart = unmatched.filter((s) => s.startedAt === e.startedAt);
    const match = sameStart.find((s) => s.title === e.title) ?? (sameStart.length === 1 ? sameStart[0] : undefined);
    if (match) unmatched.splice(unmatched.indexOf(match), 1);
    const keepEnd =
      match?.endedAt && (e.durationMinutes === undefined || durationBetween(e.startedAt, match.endedAt) === e.durationMinutes);
    return {
      ...(match ? { id: match.id } : {}),
      title: e.title,
      startedAt: e.startedAt,
      endedAt: keepEnd ? match!.endedAt! : '',
      durationMinutes: text(e.durationMinutes ?? (keepEnd ? null : match?.durationMinutes)),
      // Where the report is silent (no grade, no cause), what was entered by hand since stays.
      grade: e.grade ?? match?.grade ?? '',
      // A grade always carries its status in the form; a report that names a grade without one is estimating.
      gradeStatus: e.grade ? (e.gradeStatus ?? 'estimated') : (match?.gradeStatus ?? ''),
      cause: e.cause || match?.cause || '',
      handling: e.handling || match?.handling || '',
    };
  });
  return [...fromReport, ...unmatched.map(storedIncidentInput)];
}
