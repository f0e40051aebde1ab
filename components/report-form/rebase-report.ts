// After a conflict the report sections move onto the stored week like the KPI fields do (week-form/rebase.ts):
// what only the other editor changed comes in, mine stays, each field both changed waits for a pick. Report
// fields are named as the merge names them (lib/report/report-merge.ts): report.reflection,
// report.items.<id>, report.updates.<initiative>, report.findingNotes.<finding>, report.planChecks.<item>. Pure.
import type { FindingStatus, InitiativeStatus, PlanOutcome, WeekItemSection } from '@/lib/report/model';
import type { ListSection, ReportDraft, TextItemDraft } from './types';

type ItemFields = { section: WeekItemSection; position: number; text: string; internal: boolean; carriedFrom: number | null };
type UpdateFields = { status: InitiativeStatus; progress: number | null; text: string; internal: boolean };
type NoteFields = { status: FindingStatus; text: string; internal: boolean };
type CheckFields = { outcome: PlanOutcome; reason: string };
/** The stored report part as the conflict answer carries it (`theirs.report`). */
export interface ReportSide {
  reflection: string;
  items: Record<number, ItemFields>;
  updates: Record<number, UpdateFields>;
  notes: Record<number, NoteFields>;
  checks: Record<number, CheckFields>;
}
/** A report conflict (`kind: 'report'`) as the form needs it. */
export interface ReportConflictLike {
  field: string;
  theirs: unknown;
  mine: unknown;
}

const LIST_OF: Record<WeekItemSection, ListSection> = { focus: 'focus', other: 'other', next_week: 'nextWeek' };
const LISTS: ListSection[] = ['focus', 'other', 'nextWeek'];

function parse(field: string): { part: string; id: number } | null {
  const [head, part, raw] = field.split('.');
  if (head !== 'report') return null;
  return { part, id: raw === undefined ? NaN : Number(raw) };
}

/** Puts stored item `id` in the draft as `fields` (null: removes it), in its section at its position. */
function setItem(d: ReportDraft, id: number, fields: ItemFields | null): ReportDraft {
  const old = LISTS.flatMap((s) => d[s]).find((i) => i.id === id);
  const without = Object.fromEntries(LISTS.map((s) => [s, d[s].filter((i) => i.id !== id)])) as Record<ListSection, TextItemDraft[]>;
  if (!fields) return { ...d, ...without };
  const list = [...without[LIST_OF[fields.section]]];
  const item: TextItemDraft = {
    clientKey: old?.clientKey ?? `id-${id}`,
    id,
    text: fields.text,
    ...(fields.carriedFrom === null ? {} : { carriedFrom: fields.carriedFrom }),
    ...(fields.internal ? { internal: true } : {}),
  };
  list.splice(Math.max(0, Math.min(list.length, fields.position)), 0, item);
  return { ...d, ...without, [LIST_OF[fields.section]]: list };
}

/** The report field named `field` set to `value` (a side of the merge: the stored fields, or null for none). */
export function setReportField(d: ReportDraft, field: string, value: unknown): ReportDraft {
  const f = parse(field);
  if (!f) return d;
  if (f.part === 'reflection') return { ...d, reflection: typeof value === 'string' ? value : '' };
  if (f.part === 'items') return setItem(d, f.id, (value as ItemFields | null) ?? null);
  if (f.part === 'updates') {
    const u = (value as UpdateFields | null) ?? null;
    const next = { status: u?.status ?? '', progress: u?.progress === null || u?.progress === undefined ? '' : String(u.progress), text: u?.text ?? '', internal: u?.internal ?? false, carried: false } as const;
    return { ...d, initiatives: d.initiatives.map((i) => (i.id === f.id ? { ...i, ...next } : i)) };
  }
  if (f.part === 'findingNotes') {
    const n = (value as NoteFields | null) ?? null;
    return { ...d, findings: d.findings.map((x) => (x.id === f.id ? { ...x, ...(n ? { status: n.status } : {}), note: n?.text ?? '', internal: n?.internal ?? false, carried: false } : x)) };
  }
  if (f.part === 'planChecks') {
    const c = (value as CheckFields | null) ?? null;
    return { ...d, planChecks: d.planChecks.map((x) => (x.itemId === f.id ? { ...x, outcome: c?.outcome ?? '', reason: c?.reason ?? '' } : x)) };
  }
  return d;
}

/** The draft moved onto the stored week: every report field only they changed takes theirs. */
export function rebaseReport(d: ReportDraft, takeTheirs: readonly string[], theirs: ReportSide | undefined): ReportDraft {
  if (!theirs) return d;
  return takeTheirs.reduce((acc, field) => {
    const f = parse(field);
    if (!f) return acc;
    const side =
      f.part === 'reflection' ? theirs.reflection
      : f.part === 'items' ? theirs.items[f.id]
      : f.part === 'updates' ? theirs.updates[f.id]
      : f.part === 'findingNotes' ? theirs.notes[f.id]
      : f.part === 'planChecks' ? theirs.checks[f.id]
      : undefined;
    return setReportField(acc, field, side ?? null);
  }, d);
}

export function applyReportChoice(d: ReportDraft, c: ReportConflictLike, choice: 'theirs' | 'mine'): ReportDraft {
  return setReportField(d, c.field, choice === 'theirs' ? c.theirs : c.mine);
}

/**
 * A conflict on an initiative update or finding note I never touched (only prefilled from an earlier week):
 * I said nothing new, so theirs stands without asking.
 */
export function isUntouchedCarried(d: ReportDraft, field: string): boolean {
  const f = parse(field);
  if (!f) return false;
  if (f.part === 'updates') return d.initiatives.some((i) => i.id === f.id && i.carried === true);
  if (f.part === 'findingNotes') return d.findings.some((x) => x.id === f.id && x.carried === true);
  return false;
}
