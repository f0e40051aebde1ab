// What the reading pages (week page, print, share, board) show of the whole report: plain data, built from
// the stored report by db/queries/report-view.ts. Pure helpers only.
import type { Language } from '../constants';
import { overdueFindings } from '../kpi/highlights';
import type { WeekStart } from '../weeks';
import type { FindingStatus, InitiativeStatus, PlanOutcome, WeekInitiative, WeekReport } from './model';

export type { FindingStatus, InitiativeStatus, PlanOutcome };

export interface InitiativeView {
  id: string;
  title: string;
  /** 1 for an item under a group initiative ("A. 支付账户2.0升级"). */
  depth: 0 | 1;
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

/** Group initiatives first, each followed by its items; only those with an update this week (and their groups). */
function orderInitiatives(list: WeekInitiative[]): Array<{ it: WeekInitiative; depth: 0 | 1 }> {
  const children = new Map<number, WeekInitiative[]>();
  for (const it of list) if (it.parentId !== null) children.set(it.parentId, [...(children.get(it.parentId) ?? []), it]);
  const ids = new Set(list.map((i) => i.id));
  const out: Array<{ it: WeekInitiative; depth: 0 | 1 }> = [];
  for (const it of list) {
    if (it.parentId !== null && ids.has(it.parentId)) continue;
    const kids = (children.get(it.id) ?? []).filter((k) => k.update);
    if (!it.update && kids.length === 0) continue;
    out.push({ it, depth: 0 }, ...kids.map((k) => ({ it: k, depth: 1 as const })));
  }
  return out;
}

/** The stored report (already filtered for internal parts by the read) → what the pages show. */
export function toReportView(r: WeekReport, lang: Language): ReportView {
  return {
    focus: r.focus.map((i) => i.text),
    other: r.other.map((i) => i.text),
    nextWeek: r.nextWeek.map((i) => i.text),
    reflection: r.reflection,
    lastWeekPlan: r.planChecks.map((p) => ({ text: p.text, outcome: p.outcome, reason: p.reason })),
    objectives: r.objectives
      .map((o) => ({
        code: o.code,
        title: (lang === 'en' && o.titleEn) || o.titleZh || o.titleEn,
        initiatives: orderInitiatives(o.initiatives).map(({ it, depth }) => ({
          id: String(it.id),
          title: it.title,
          depth,
          owner: it.owner || null,
          status: it.update?.status ?? null,
          progress: it.update?.progress ?? null,
          text: it.update?.text ?? '',
          internal: it.update?.internal ?? false,
        })),
      }))
      .filter((o) => o.initiatives.length > 0),
    findings: r.findings.map((f) => ({
      id: String(f.id),
      title: f.title,
      source: f.source || null,
      owner: f.owner || null,
      status: f.note?.status ?? f.status,
      due: f.dueDate,
      note: f.note?.text ?? '',
      resolvedWeek: f.resolvedWeek,
    })),
  };
}

export interface FindingGroups {
  overdue: FindingView[];
  open: FindingView[];
  resolved: FindingView[];
}

/** Overdue first (open past their due date), then the rest still open, then those resolved this week. */
export function groupFindings(findings: readonly FindingView[], week: WeekStart, asOf: string): FindingGroups {
  const overdue = overdueFindings(findings, asOf);
  const late = new Set(overdue);
  return {
    overdue,
    open: findings.filter((f) => !late.has(f) && (f.status === 'open' || f.status === 'in_progress')),
    resolved: findings.filter((f) => (f.status === 'resolved' || f.status === 'accepted_risk') && f.resolvedWeek === week),
  };
}
