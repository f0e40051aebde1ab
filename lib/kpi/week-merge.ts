// The three-way merge of a week: what the editor started from (base), what is stored now (theirs) and what
// the editor sends (mine). Per field: changed only by me → mine; only by them, or by nobody → theirs; by both
// to the same → that; by both to different values → a conflict, and nothing is applied until the editor picks.
// Fields: each metric's cell (value, done, total together), the notes, the internal notes, each incident by id
// (created, updated field by field, deleted). Pure: the database reads and writes are save-week's.
import type { Grade, GradeStatus, WeekStatus } from '../constants';
import { emptyReport, mergeReport, type ItemFields, type MyReport, type ReportConflict, type ReportState } from '../report/report-merge';

export interface Cell {
  value: number;
  done: number | null;
  total: number | null;
}

export const INCIDENT_FIELDS = ['title', 'startedAt', 'endedAt', 'durationMinutes', 'grade', 'gradeStatus', 'cause', 'handling'] as const;
export type IncidentField = (typeof INCIDENT_FIELDS)[number];

export interface IncidentFields {
  title: string;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number | null;
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  cause: string;
  handling: string;
}

/** A stored week (or the week as it was at a version). A week that does not exist is `emptyWeek()`. */
export interface WeekState {
  status: WeekStatus | null;
  values: Record<string, Cell>;
  notes: string;
  internalNotes: string;
  incidents: Record<number, IncidentFields>;
  /** The whole report's part (lib/report/report-merge.ts); absent reads as empty. */
  report?: ReportState;
}

/** What the editor sends: incidents with an id are the stored ones as the editor left them; others are new. */
export interface MyWeek {
  values: Record<string, Cell>;
  notes: string;
  internalNotes: string;
  incidents: { id?: number; fields: IncidentFields }[];
  /** Absent: the report part is untouched (KPI-only callers). */
  report?: MyReport;
}

export type ConflictField =
  | { kind: 'value'; key: string; theirs: Cell | null; mine: Cell | null }
  | { kind: 'notes' | 'internalNotes'; key: string; theirs: string; mine: string }
  | { kind: 'incident'; key: string; id: number; fields: IncidentField[]; theirs: IncidentFields | null; mine: IncidentFields | null }
  | Omit<ReportConflict, 'field'>;

/** The field's key as the conflict answer and the form's rebase name it: `values.<metric>`, `notes`, `incidents.<id>`. */
export type FieldConflict = ConflictField & { field: string };

export interface MergeResult {
  /** The week to write when there is no conflict: theirs with my changes applied. */
  merged: { values: Record<string, Cell>; notes: string; internalNotes: string; incidents: Record<number, IncidentFields>; created: IncidentFields[]; report: ReportState; createdItems: ItemFields[] };
  conflicts: FieldConflict[];
  /** Fields only they changed, where my copy is stale: the form takes theirs for these when it rebases. */
  takeTheirs: string[];
}

export function emptyWeek(): WeekState {
  return { status: null, values: {}, notes: '', internalNotes: '', incidents: {}, report: emptyReport() };
}

export function sameCell(a: Cell | null | undefined, b: Cell | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.value === b.value && (a.done ?? null) === (b.done ?? null) && (a.total ?? null) === (b.total ?? null);
}

/** The incident's audited fields only, in one order (`null` for anything absent), as the audit trail stores them. */
export function incidentFields(e: Partial<Record<IncidentField, unknown>>): IncidentFields {
  return Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, e[f] ?? null])) as unknown as IncidentFields;
}

export function sameIncident(a: IncidentFields | null | undefined, b: IncidentFields | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return INCIDENT_FIELDS.every((f) => (a[f] ?? null) === (b[f] ?? null));
}

type Outcome<T> = { take: 'theirs'; value: T } | { take: 'mine'; value: T } | { take: 'conflict' };

/** One field. `base` undefined: the starting point is unknown, so any difference is a conflict. */
function pick<T>(base: T | undefined, theirs: T, mine: T, same: (a: T, b: T) => boolean): Outcome<T> {
  if (same(mine, theirs)) return { take: 'theirs', value: theirs };
  if (base !== undefined && same(mine, base)) return { take: 'theirs', value: theirs };
  if (base !== undefined && same(theirs, base)) return { take: 'mine', value: mine };
  return { take: 'conflict' };
}

const sameText = (a: string, b: string) => a === b;
const sameScalar = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** An incident present on every side: field by field, so two editors changing different fields both keep theirs. */
function mergeIncidentFields(base: IncidentFields | undefined, theirs: IncidentFields, mine: IncidentFields) {
  const merged = { ...theirs } as Record<IncidentField, unknown>;
  const conflicting: IncidentField[] = [];
  for (const f of INCIDENT_FIELDS) {
    const r = pick<unknown>(base ? base[f] : undefined, theirs[f], mine[f], sameScalar);
    if (r.take === 'conflict') conflicting.push(f);
    else merged[f] = r.value;
  }
  const withSide = (side: IncidentFields) => ({ ...merged, ...Object.fromEntries(conflicting.map((f) => [f, side[f]])) }) as IncidentFields;
  return { merged: merged as unknown as IncidentFields, conflicting, theirs: withSide(theirs), mine: withSide(mine) };
}

/**
 * `base` null: the version the editor started from cannot be rebuilt, so every field where mine differs from
 * theirs is a conflict (nothing of theirs is ever overwritten unseen).
 */
export function mergeWeek(base: WeekState | null, theirs: WeekState, mine: MyWeek, metricKeys: readonly string[]): MergeResult {
  const conflicts: FieldConflict[] = [];
  const takeTheirs: string[] = [];
  const values: Record<string, Cell> = {};

  for (const key of metricKeys) {
    const b = base ? (base.values[key] ?? null) : undefined;
    const t = theirs.values[key] ?? null;
    const m = mine.values[key] ?? null;
    const r = pick<Cell | null>(b, t, m, sameCell);
    const field = `values.${key}`;
    if (r.take === 'conflict') conflicts.push({ field, kind: 'value', key, theirs: t, mine: m });
    else if (r.value) values[key] = r.value;
    if (r.take === 'theirs' && !sameCell(t, m)) takeTheirs.push(field);
  }

  const text = {} as Record<'notes' | 'internalNotes', string>;
  for (const kind of ['notes', 'internalNotes'] as const) {
    const r = pick(base ? base[kind] : undefined, theirs[kind], mine[kind], sameText);
    if (r.take === 'conflict') {
      conflicts.push({ field: kind, kind, key: kind, theirs: theirs[kind], mine: mine[kind] });
      text[kind] = theirs[kind];
    } else {
      text[kind] = r.value;
      if (r.take === 'theirs' && theirs[kind] !== mine[kind]) takeTheirs.push(kind);
    }
  }

  const incidents: Record<number, IncidentFields> = {};
  const created: IncidentFields[] = [];
  const mineById = new Map<number, IncidentFields>();
  for (const e of mine.incidents) {
    // An id on neither side is not one of ours (a stale or made-up id): it is a new event.
    if (e.id === undefined || (!(e.id in theirs.incidents) && !(base && e.id in base.incidents))) created.push(e.fields);
    else mineById.set(e.id, e.fields);
  }
  const ids = new Set<number>([...Object.keys(theirs.incidents).map(Number), ...mineById.keys(), ...(base ? Object.keys(base.incidents).map(Number) : [])]);
  for (const id of [...ids].sort((a, b) => a - b)) {
    const t = theirs.incidents[id] ?? null;
    const m = mineById.get(id) ?? null;
    const b = base ? (base.incidents[id] ?? null) : undefined;
    const field = `incidents.${id}`;
    if (t && m) {
      // Not in the base but stored now: they created it, so my copy is an edit of theirs.
      const r = mergeIncidentFields(b === undefined ? undefined : (b ?? t), t, m);
      if (r.conflicting.length) conflicts.push({ field, kind: 'incident', key: String(id), id, fields: r.conflicting, theirs: r.theirs, mine: r.mine });
      else {
        incidents[id] = r.merged;
        if (!sameIncident(r.merged, m)) takeTheirs.push(field);
      }
      continue;
    }
    const r = pick<IncidentFields | null>(b, t, m, sameIncident);
    if (r.take === 'conflict') {
      const changed = INCIDENT_FIELDS.filter((f) => !sameScalar((t ?? m)?.[f], b?.[f]));
      conflicts.push({ field, kind: 'incident', key: String(id), id, fields: changed, theirs: t, mine: m });
    } else if (r.value) {
      // Kept, created by them, or (their deletion + my edit excluded above) mine on a row that exists.
      if (t) incidents[id] = r.value;
      else created.push(r.value);
    }
    if (r.take === 'theirs' && !sameIncident(t, m)) takeTheirs.push(field);
  }

  const report = mine.report ? mergeReport(base ? (base.report ?? emptyReport()) : null, theirs.report ?? emptyReport(), mine.report) : { merged: theirs.report ?? emptyReport(), createdItems: [], conflicts: [], takeTheirs: [] };
  conflicts.push(...report.conflicts);
  takeTheirs.push(...report.takeTheirs);
  return { merged: { values, notes: text.notes, internalNotes: text.internalNotes, incidents, created, report: report.merged, createdItems: report.createdItems }, conflicts, takeTheirs };
}

/**
 * The status: the intent says what I want (`save` keeps what I saw); when that is what I saw, theirs stands,
 * so a stale "save draft" never unpublishes a week someone published meanwhile.
 */
export function mergeStatus(baseStatus: WeekStatus | null, theirs: WeekStatus | null, intent: 'draft' | 'publish' | 'save'): WeekStatus {
  const seen = baseStatus ?? 'draft';
  const wanted: WeekStatus = intent === 'publish' ? 'published' : intent === 'draft' ? 'draft' : seen;
  return wanted === seen ? (theirs ?? 'draft') : wanted;
}
