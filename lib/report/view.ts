// What the reading pages (week page, print, share, board) show of the whole report: plain data, built from
// the stored report by db/queries/report-view.ts. Pure helpers only.
import { overdueFindings } from '../kpi/highlights';
import type { WeekStart } from '../weeks';

export const INITIATIVE_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'paused'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted_risk'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const PLAN_OUTCOMES = ['done', 'partly', 'not_done'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

export interface InitiativeView {
  id: string;
  title: string;
  /** The group heading it sits under ("A. 支付账户2.0升级"), if any. */
  group: string | null;
  owner: string | null;
  status: InitiativeStatus | null;
  progress: number | null;
  /** The week's text, Markdown-lite. */
  text: string;
  internal: boolean;
}

export interface ObjectiveView {
  code: string;
  title: string;
  initiatives: InitiativeView[];
}

export interface FindingView {
  id: string;
  title: string;
  source: string | null;
  owner: string | null;
  status: FindingStatus;
  /** yyyy-MM-dd */
  due: string | null;
  /** This week's note (Markdown-lite). */
  note: string;
  /** When it was resolved (yyyy-MM-dd week start), if it was. */
  resolvedWeek: string | null;
  internal: boolean;
}

export interface PlanItemView {
  text: string;
  outcome: PlanOutcome | null;
  reason: string;
}

export interface ReportView {
  focus: string[];
  objectives: ObjectiveView[];
  findings: FindingView[];
  other: string[];
  reflection: string;
  nextWeek: string[];
  /** Last week's plan, checked off this week. */
  lastWeekPlan: PlanItemView[];
}

export const EMPTY_REPORT: ReportView = { focus: [], objectives: [], findings: [], other: [], reflection: '', nextWeek: [], lastWeekPlan: [] };

export function isEmptyReport(r: ReportView): boolean {
  return !r.focus.length && !r.objectives.length && !r.findings.length && !r.other.length && !r.reflection && !r.nextWeek.length && !r.lastWeekPlan.length;
}

/** What a share link may show: nothing marked internal. */
export function publicReport(r: ReportView): ReportView {
  return {
    ...r,
    objectives: r.objectives.map((o) => ({ ...o, initiatives: o.initiatives.filter((i) => !i.internal) })).filter((o) => o.initiatives.length > 0),
    findings: r.findings.filter((f) => !f.internal),
  };
}

export interface FindingGroups {
  overdue: FindingView[];
  open: FindingView[];
  resolved: FindingView[];
}

/** Overdue first (open past their due date), then the rest still open, then those resolved this week. */
export function groupFindings(findings: readonly FindingView[], week: WeekStart): FindingGroups {
  const overdue = overdueFindings(findings, week);
  const late = new Set(overdue);
  return {
    overdue,
    open: findings.filter((f) => !late.has(f) && (f.status === 'open' || f.status === 'in_progress')),
    resolved: findings.filter((f) => (f.status === 'resolved' || f.status === 'accepted_risk') && f.resolvedWeek === week),
  };
}
