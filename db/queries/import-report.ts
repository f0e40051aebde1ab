// A pasted (or filed) weekly report: what saving it would change, and the save itself through saveWeek,
// so it meets the same validation, version check and audit trail as the weekly form.
import { reportToEntryInput } from '@/lib/import/report-entry';
import { incidentCountWarnings } from '@/lib/kpi/entry-warnings';
import type { GradeStatus, Grade, WeekStatus } from '@/lib/constants';
import { parseReport, type ParsedReport, type ReportWeek } from '@/lib/report/parse-report';
import { fieldErrorsOf } from '@/lib/validation/result';
import { entrySchemaFor } from '@/lib/import/entry-schema';
import type { WeekEntry } from '@/lib/validation/week-entry';
import { planImport, type ExistingModel, type ImportPlan, type MatchChoices } from '@/lib/report/to-model';
import { getDb, type Db } from '../index';
import { applyImportPlan, readExistingModel } from './import-report-model';
import { listMetrics, type Metric } from './catalogue';
import { getStoredWeek, resolveActor, type ActorSource } from './import-week';
import { saveWeekInTransaction, type SaveOutcome } from './save-week';
import { getWeekNumbering } from './settings';
import { key } from '@/lib/i18n/key';

type Cell = { value: number; done: number | null; total: number | null };

export interface PreviewRow {
  key: string;
  labelEn: string;
  labelZh: string;
  unit: string;
  /** What the report states (null: it does not mention the metric). */
  reported: number | null;
  counts: { done?: number; total?: number } | null;
  /** "From X to Y" in the report: the previous week's figure as the report remembers it. */
  previous: number | null;
  stored: Cell | null;
  /** What the week will hold after the save. */
  next: Cell | null;
  outcome: 'new' | 'changed' | 'unchanged' | 'kept' | 'missing';
}

export interface PreviewIncident {
  startedAt: string;
  durationMinutes: number | null;
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  title: string;
  cause: string;
  handling: string;
}

export interface ReportPreview {
  week: (ReportWeek & { weekStart: string }) | null;
  stored: { exists: boolean; status: WeekStatus | null; version: number; incidentCount: number };
  rows: PreviewRow[];
  incidents: PreviewIncident[];
  /** True when the report has an event section: its events are then merged into the week's (none deleted). */
  replacesIncidents: boolean;
  warnings: { code: string; message: string }[];
  /** What the form's validation would refuse, by field: saving is impossible until the report is fixed. */
  fieldErrors: Record<string, string[]>;
  /** The whole report mapped onto the model (issue 13): each item's match or "new", and what it may match instead. */
  report: { plan: ImportPlan; candidates: ExistingModel } | null;
}

const sameCell = (a: Cell | null | undefined, b: Cell | null | undefined) =>
  (a?.value ?? null) === (b?.value ?? null) && (a?.done ?? null) === (b?.done ?? null) && (a?.total ?? null) === (b?.total ?? null);

interface Prepared {
  report: ParsedReport;
  weekStart: string | null;
  metrics: Metric[];
  replacesIncidents: boolean;
}

function prepare(text: string, db: Db): Prepared {
  const report = parseReport(text, { numbering: getWeekNumbering(db) });
  return { report, weekStart: report.week?.start ?? null, metrics: listMetrics({}, db), replacesIncidents: report.hasEventLog };
}

/** Metrics the report states that the catalogue no longer has active: they are left out, and said so. */
function leftOutWarnings(report: ParsedReport, metrics: Metric[]) {
  const active = new Set(metrics.map((m) => m.key));
  return Object.keys(report.values)
    .filter((key) => !active.has(key))
    .map((metric) => ({ code: 'metric_not_active', message: key('warn.metricNotActive', { metric }) }));
}

export function previewReport(text: string, db: Db = getDb()): ReportPreview {
  const { report, weekStart, metrics, replacesIncidents } = prepare(text, db);
  const empty = { exists: false, status: null, version: 0, incidentCount: 0 };
  if (!weekStart || !report.week) {
    return { week: null, stored: empty, rows: [], incidents: [], replacesIncidents, warnings: report.warnings, fieldErrors: {}, report: null };
  }
  const stored = getStoredWeek(weekStart, db);
  const input = reportToEntryInput(report, stored, { intent: 'draft', replaceIncidents: replacesIncidents, metricKeys: metrics.map((m) => m.key) });
  const parsed = entrySchemaFor(metrics).safeParse(input);
  const next: Record<string, Cell> = parsed.success ? parsed.data.values : {};
  const rows: PreviewRow[] = metrics.map((m) => {
    const reported = report.values[m.key as keyof ParsedReport['values']] ?? null;
    const before = stored.values[m.key] ?? null;
    const after = next[m.key] ?? null;
    const outcome = reported === null ? (before ? 'kept' : 'missing') : !before ? 'new' : sameCell(before, after) ? 'unchanged' : 'changed';
    return {
      key: m.key,
      labelEn: m.labelEn,
      labelZh: m.labelZh,
      unit: m.unit,
      reported,
      counts: report.counts[m.key as keyof ParsedReport['counts']] ?? null,
      previous: report.previous[m.key as keyof ParsedReport['previous']] ?? null,
      stored: before,
      next: after,
      outcome,
    };
  });
  const warnings = [...report.warnings, ...leftOutWarnings(report, metrics)];
  // Without an event section the report cannot be checked against a log, but the week's stored log can.
  if (!replacesIncidents && parsed.success) warnings.push(...incidentCountWarnings(parsed.data.values, parsed.data.incidents).map(({ code, message }) => ({ code, message })));
  return {
    week: { ...report.week, weekStart },
    stored: { exists: stored.status !== null, status: stored.status, version: stored.version, incidentCount: stored.incidents.length },
    rows,
    incidents: report.incidents.map((e) => ({ ...e, durationMinutes: e.durationMinutes ?? null })),
    replacesIncidents,
    warnings,
    fieldErrors: parsed.success ? {} : fieldErrorsOf(parsed.error),
    report: previewPlan(report, weekStart, db),
  };
}

function previewPlan(report: ParsedReport, weekStart: string, db: Db, choices?: MatchChoices): ReportPreview['report'] {
  const candidates = readExistingModel(db, weekStart);
  return { plan: planImport(report.report, candidates, choices), candidates };
}

export interface ImportReportOptions {
  intent: 'draft' | 'publish' | 'save';
  /** The version the user previewed; a save made since then is a conflict. Omitted: the current one. */
  baseVersion?: number;
  reason?: string;
  confirmMissing?: boolean;
  /** The user's changes to the preview's initiative and finding matches (key → id or "new"). */
  choices?: MatchChoices;
}

export type ImportReportOutcome =
  | { ok: true; week: ReportWeek; weekStart: string; version: number; status: WeekStatus; changes: number; entry: WeekEntry; warnings: ParsedReport['warnings'] }
  | { ok: false; kind: 'no_week'; warnings: ParsedReport['warnings'] }
  | { ok: false; kind: 'invalid'; fieldErrors: Record<string, string[]> }
  | Exclude<SaveOutcome, { ok: true }>;

/** Thrown out of the transaction so a refusal or a no-op rolls back, the CLI actor's first row included. */
class Unsaved {
  constructor(
    readonly outcome: SaveOutcome | { ok: false; kind: 'invalid'; fieldErrors: Record<string, string[]> },
    readonly entry?: WeekEntry,
  ) {}
}

/**
 * The stored week is read inside saveWeek's transaction, so the entry is the report applied to exactly what is
 * stored; saveWeek then merges it against the version the user previewed (a save made since is kept, and a
 * field both changed is a conflict).
 */
export function importReport(text: string, options: ImportReportOptions, actor: ActorSource, db: Db = getDb()): ImportReportOutcome {
  const { report, weekStart, metrics, replacesIncidents } = prepare(text, db);
  if (!weekStart || !report.week) return { ok: false, kind: 'no_week', warnings: report.warnings };
  const reportWeek = report.week;
  try {
    return db.transaction(
      (tx) => {
        const stored = getStoredWeek(weekStart, tx);
        const input = reportToEntryInput(
          report,
          { ...stored, version: options.baseVersion ?? stored.version },
          { intent: options.intent, reason: options.reason, confirmMissing: options.confirmMissing, replaceIncidents: replacesIncidents, metricKeys: metrics.map((m) => m.key) },
        );
        const who = resolveActor(actor, tx);
        const plan = planImport(report.report, readExistingModel(tx, weekStart), options.choices);
        const parsed = entrySchemaFor(metrics).safeParse({ ...input, report: applyImportPlan(tx, plan, weekStart, who) });
        if (!parsed.success) throw new Unsaved({ ok: false, kind: 'invalid', fieldErrors: fieldErrorsOf(parsed.error) });
        const outcome = saveWeekInTransaction(tx, parsed.data, who);
        if (!outcome.ok || outcome.changes === 0) throw new Unsaved(outcome, parsed.data);
        return { ok: true as const, week: reportWeek, weekStart, version: outcome.version, status: outcome.status, changes: outcome.changes, entry: parsed.data, warnings: report.warnings };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (!(error instanceof Unsaved)) throw error;
    const outcome = error.outcome;
    if (!outcome.ok) return outcome;
    // A no-op: nothing to write, reported as a success with no changes.
    return { ok: true, week: reportWeek, weekStart, version: outcome.version, status: outcome.status, changes: 0, entry: error.entry!, warnings: report.warnings };
  }
}
