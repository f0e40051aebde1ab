// A published week as it was reported (issue 14): the frozen payload, its statuses recomputed from its own raw
// inputs and frozen targets (never today's), and what differs between two versions.
import type { Direction } from '../constants';
import { metricStatus, type MetricStatus } from './status';
import type { StoredIncident } from '../import/report-entry';
import type { WeekReport } from '../report/model';

export interface SnapshotValue {
  value: number;
  done: number | null;
  total: number | null;
  direction: Direction;
  /** The target and warning in force for the week when it was published (null: none). */
  target: number | null;
  warning: number | null;
  /** The status these gave at publication; recomputeStatuses gives it back. */
  status: MetricStatus;
}

/** An incident as frozen with a published version: the stored incident's own fields. */
export type SnapshotIncident = StoredIncident;

export interface SnapshotPayload {
  values: Record<string, SnapshotValue>;
  incidents: SnapshotIncident[];
  notes: string;
  internalNotes: string;
  /** The whole report as published (internal parts included); null in snapshots frozen before reports were kept. */
  report: WeekReport | null;
}

export interface Snapshot {
  version: number;
  weekVersion: number;
  publishedAt: Date;
  publishedBy: string | null;
  publishedByName: string | null;
  payload: SnapshotPayload;
}

/** Statuses from the snapshot's raw values and the targets frozen with it. */
export function recomputeStatuses(payload: SnapshotPayload): Record<string, MetricStatus> {
  return Object.fromEntries(
    Object.entries(payload.values).map(([key, v]) => [
      key,
      metricStatus(v.value, v.direction, v.target === null ? null : { target: v.target, warning: v.warning }),
    ]),
  );
}

/** What the reader compares to decide whether a week changed since a snapshot (targets aside: not the week's data). */
export function snapshotContent(p: SnapshotPayload): string {
  const values = Object.fromEntries(Object.entries(p.values).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [v.value, v.done, v.total]]));
  return JSON.stringify({ values, incidents: p.incidents, notes: p.notes, internalNotes: p.internalNotes, report: p.report ?? null });
}

/** Per metric, the value a week was first reported with, when it differs from `current`. */
export function changedValues(reported: SnapshotPayload, current: Record<string, { value: number } | undefined>): string[] {
  const keys = new Set([...Object.keys(reported.values), ...Object.keys(current)]);
  return [...keys].filter((k) => (reported.values[k]?.value ?? null) !== (current[k]?.value ?? null)).sort();
}

/** Grade changes of the incidents a snapshot holds: 预估C级 → 定级B级. */
export function gradeChanges(reported: SnapshotPayload, current: readonly Pick<SnapshotIncident, 'id' | 'grade' | 'gradeStatus' | 'title'>[]) {
  const byId = new Map(reported.incidents.map((e) => [e.id, e]));
  return current
    .map((e) => ({ now: e, then: byId.get(e.id) }))
    .filter((c): c is { now: (typeof current)[number]; then: SnapshotIncident } => !!c.then && (c.then.grade !== c.now.grade || c.then.gradeStatus !== c.now.gradeStatus))
    .map(({ now, then }) => ({ id: now.id, title: now.title, from: { grade: then.grade, gradeStatus: then.gradeStatus }, to: { grade: now.grade, gradeStatus: now.gradeStatus } }));
}

/** "as reported" (first published) or "current" (as stored now): what dashboards and share links show. */
export type AsOf = 'current' | 'reported';
export const parseAsOf = (v: unknown, fallback: AsOf = 'current'): AsOf => (v === 'reported' || v === 'current' ? v : fallback);

type Series = { weeks: string[]; series: Record<string, Array<number | null>> };

/** The series with each snapshotted week's values replaced by those it was first published with. */
export function overlayReported<S extends Series>(input: S, reported: ReadonlyMap<string, Record<string, number>>): S {
  const series: Record<string, Array<number | null>> = Object.fromEntries(Object.entries(input.series).map(([k, v]) => [k, [...v]]));
  input.weeks.forEach((week, i) => {
    const values = reported.get(week);
    if (!values) return;
    for (const key of new Set([...Object.keys(series), ...Object.keys(values)])) {
      (series[key] ??= new Array<number | null>(input.weeks.length).fill(null))[i] = values[key] ?? null;
    }
  });
  return { ...input, series };
}

/** Per week, the metrics whose current value differs from the first published one. */
export function restatedKeys(input: Series, reported: ReadonlyMap<string, Record<string, number>>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  input.weeks.forEach((week, i) => {
    const values = reported.get(week);
    if (!values) return;
    const keys = new Set([...Object.keys(input.series), ...Object.keys(values)].filter((k) => (input.series[k]?.[i] ?? null) !== (values[k] ?? null)));
    if (keys.size) out.set(week, keys);
  });
  return out;
}

/** A snapshot as the week's readers take it: values, the targets frozen with it (as target rows), its log. */
export function snapshotView(payload: SnapshotPayload, weekStart: string) {
  return {
    values: Object.fromEntries(Object.entries(payload.values).map(([k, v]) => [k, { value: v.value, done: v.done, total: v.total }])),
    targets: Object.entries(payload.values)
      .filter(([, v]) => v.target !== null)
      .map(([metricKey, v]) => ({ metricKey, effectiveFrom: weekStart, target: v.target as number, warning: v.warning })),
    incidents: payload.incidents,
    notes: payload.notes,
  };
}

/** A day as yyyy-MM-dd (UTC), how the week page and print view date a version. */
export const dayOf = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
