// The whole report as stored (issue 13): objectives with their initiatives and each initiative's weekly
// update, findings with their weekly notes, the week's sections (focus, other, next week's plan), the
// reflection, and last week's plan checked off. Pure types and enum tuples: db/schema.ts takes its enums
// from here; pages, the form, the paste-import mapping and the Markdown renderer all read `WeekReport`.

export const INITIATIVE_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'done', 'paused'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

export const FINDING_STATUSES = ['open', 'in_progress', 'resolved', 'accepted_risk'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** A finding in one of these states no longer counts as open (nor overdue). */
export const CLOSED_FINDING_STATUSES: readonly FindingStatus[] = ['resolved', 'accepted_risk'];

export const WEEK_ITEM_SECTIONS = ['focus', 'other', 'next_week'] as const;
export type WeekItemSection = (typeof WEEK_ITEM_SECTIONS)[number];

export const PLAN_OUTCOMES = ['done', 'partly', 'not_done'] as const;
export type PlanOutcome = (typeof PLAN_OUTCOMES)[number];

/** A half-year objective ("O1 服务业务", period `2024H1`). */
export interface Objective {
  id: number;
  code: string;
  titleZh: string;
  titleEn: string;
  period: string;
  sort: number;
  archived: boolean;
}

/** Persists across weeks; `parentId` points at a group initiative ("A. 支付账户2.0升级"). */
export interface Initiative {
  id: number;
  objectiveId: number;
  parentId: number | null;
  title: string;
  owner: string;
  sort: number;
  archived: boolean;
}

/** An initiative's update for one week. */
export interface InitiativeUpdate {
  status: InitiativeStatus;
  /** Percent 0–100, or null when the week states none. */
  progress: number | null;
  /** Markdown-lite. */
  text: string;
  internal: boolean;
}

export interface WeekItem {
  id: number;
  section: WeekItemSection;
  position: number;
  text: string;
  internal: boolean;
  /** A previous week's next_week item this one carries forward. */
  carriedFrom: number | null;
}

export interface Finding {
  id: number;
  title: string;
  source: string;
  owner: string;
  status: FindingStatus;
  /** yyyy-MM-dd */
  dueDate: string | null;
  openedWeek: string;
  resolvedWeek: string | null;
}

export interface FindingNote {
  status: FindingStatus;
  text: string;
  internal: boolean;
}

/** One of last week's plan items, as this week checks it off (outcome null: not checked yet). */
export interface PlanCheck {
  itemId: number;
  /** The planned item's text, from the week that planned it. */
  text: string;
  outcome: PlanOutcome | null;
  reason: string;
}

export interface WeekInitiative extends Initiative {
  /** This week's update; null when there is none (or it is internal and internal is excluded). */
  update: InitiativeUpdate | null;
  /** True when `update` is carried from an earlier week for the form's prefill (text empty), not stored. */
  carried?: boolean;
}

export interface WeekObjective extends Objective {
  /** Flat, in sort order; a child's `parentId` names its group. */
  initiatives: WeekInitiative[];
}

export interface WeekFinding extends Finding {
  note: FindingNote | null;
  carried?: boolean;
}

/** Everything of a week's report beyond its figures and events. */
export interface WeekReport {
  weekStart: string;
  focus: WeekItem[];
  other: WeekItem[];
  reflection: string;
  nextWeek: WeekItem[];
  /** The week whose next_week items `planChecks` checks off, or null when there is none. */
  planWeek: string | null;
  planChecks: PlanCheck[];
  objectives: WeekObjective[];
  findings: WeekFinding[];
}

export function emptyWeekReport(weekStart: string): WeekReport {
  return { weekStart, focus: [], other: [], reflection: '', nextWeek: [], planWeek: null, planChecks: [], objectives: [], findings: [] };
}

/** The half-year a week belongs to: `2024H1` for January–June (by the week's Monday). */
export function periodOf(weekStart: string): string {
  const month = Number(weekStart.slice(5, 7));
  return `${weekStart.slice(0, 4)}H${month <= 6 ? 1 : 2}`;
}

/** Whether a finding is overdue as of a day (yyyy-MM-dd): still open and its due date has passed. */
export function isOverdue(f: Pick<Finding, 'status' | 'dueDate'>, asOf: string): boolean {
  return !CLOSED_FINDING_STATUSES.includes(f.status) && f.dueDate !== null && f.dueDate < asOf;
}
