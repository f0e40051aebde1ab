// The report sections of the weekly form, as typed (strings), one draft per week. The stored shapes come
// from lib/report/model.ts; adapter.ts maps them onto these drafts and back.
import type { FindingStatus, InitiativeStatus, PlanOutcome } from '@/lib/report/model';

export { FINDING_STATUSES, INITIATIVE_STATUSES, PLAN_OUTCOMES } from '@/lib/report/model';
export type { FindingStatus, InitiativeStatus, PlanOutcome };

/** A line of a list section (focus, other, next week's plan). `carriedFrom`: last week's plan item it continues. */
export interface TextItemDraft {
  clientKey: string;
  id?: number;
  text: string;
  carriedFrom?: number;
  /** Kept as stored: the form has no switch for it, and a save never clears it. */
  internal?: boolean;
}

export interface ObjectiveDraft {
  id: number;
  code: string;
  title: string;
}

/** An initiative and this week's update of it. `parentId`: the group it sits under ("A. 支付账户2.0升级"). */
export interface InitiativeDraft {
  id: number;
  objectiveId: number;
  parentId: number | null;
  title: string;
  owner: string;
  status: InitiativeStatus | '';
  progress: string;
  text: string;
  internal?: boolean;
  /** Prefilled from an earlier week and not touched since: on a conflict, the other editor's update wins unasked. */
  carried?: boolean;
}

/** A finding and this week's note on it. */
export interface FindingDraft {
  id: number;
  title: string;
  source: string;
  owner: string;
  status: FindingStatus;
  due: string;
  note: string;
  internal?: boolean;
  carried?: boolean;
}

/** One item of last week's plan, checked off this week. */
export interface PlanCheckDraft {
  itemId: number;
  text: string;
  outcome: PlanOutcome | '';
  reason: string;
}

export interface ReportDraft {
  focus: TextItemDraft[];
  objectives: ObjectiveDraft[];
  initiatives: InitiativeDraft[];
  findings: FindingDraft[];
  other: TextItemDraft[];
  reflection: string;
  nextWeek: TextItemDraft[];
  planChecks: PlanCheckDraft[];
}

export type ListSection = 'focus' | 'other' | 'nextWeek';

/** What an audited lifecycle action answers (add / rename / archive an initiative, add a finding). */
export interface LifecycleResult {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
  id?: number;
}

export interface NewInitiative {
  objectiveId: number;
  parentId: number | null;
  title: string;
  owner: string;
}

export interface NewFinding {
  title: string;
  source: string;
  owner: string;
  due: string;
}

/** The server actions the sections call directly: each is its own audited write, outside the week's save. */
export interface ReportLifecycle {
  addInitiative: (input: NewInitiative) => Promise<LifecycleResult>;
  renameInitiative: (input: { id: number; title: string }) => Promise<LifecycleResult>;
  archiveInitiative: (input: { id: number }) => Promise<LifecycleResult>;
  addFinding: (input: NewFinding & { weekStart: string }) => Promise<LifecycleResult>;
  setFindingDue: (input: { id: number; due: string }) => Promise<LifecycleResult>;
}
