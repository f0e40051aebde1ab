// Pure edits of the report draft: reorder and remove list lines, check off last week's plan, carry an
// unfinished item forward into this week's plan (remembering where it came from).
import type { InitiativeDraft, ListSection, PlanCheckDraft, ReportDraft, TextItemDraft } from './types';

/** The list with item `i` moved by `by` places (clamped to the ends); the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], i: number, by: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, i + by));
  if (i < 0 || i >= list.length || to === i) return [...list];
  const next = [...list];
  const [item] = next.splice(i, 1);
  next.splice(to, 0, item);
  return next;
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, j) => j !== i);
}

export function setListItem(draft: ReportDraft, section: ListSection, i: number, text: string): ReportDraft {
  return { ...draft, [section]: draft[section].map((item, j) => (j === i ? { ...item, text } : item)) };
}

export function addListItem(draft: ReportDraft, section: ListSection, clientKey: string): ReportDraft {
  return { ...draft, [section]: [...draft[section], { clientKey, text: '' }] };
}

export function setPlanCheck(draft: ReportDraft, itemId: number, patch: Partial<Pick<PlanCheckDraft, 'outcome' | 'reason'>>): ReportDraft {
  return { ...draft, planChecks: draft.planChecks.map((c) => (c.itemId === itemId ? { ...c, ...patch } : c)) };
}

/** Whether last week's item is already in this week's plan. */
export function isCarried(draft: ReportDraft, itemId: number): boolean {
  return draft.nextWeek.some((n) => n.carriedFrom === itemId);
}

/** Only unfinished items (partly / not done) can be carried forward. */
export function canCarry(check: PlanCheckDraft): boolean {
  return check.outcome === 'partly' || check.outcome === 'not_done';
}

/** Adds last week's item to this week's plan, once; a finished or unknown item changes nothing. */
export function carryForward(draft: ReportDraft, itemId: number, clientKey: string): ReportDraft {
  const check = draft.planChecks.find((c) => c.itemId === itemId);
  if (!check || !canCarry(check) || isCarried(draft, itemId)) return draft;
  const item: TextItemDraft = { clientKey, text: check.text, carriedFrom: itemId };
  return { ...draft, nextWeek: [...draft.nextWeek, item] };
}

/**
 * An objective's initiatives in reading order: each top-level one followed by the ones grouped under it.
 * `index` is the initiative's place in `draft.initiatives` (what its error keys are named by).
 */
export function initiativeOrder(all: readonly InitiativeDraft[], objectiveId: number): { item: InitiativeDraft; index: number; nested: boolean }[] {
  const mine = all.map((item, index) => ({ item, index })).filter((x) => x.item.objectiveId === objectiveId);
  const ids = new Set(mine.map((x) => x.item.id));
  const top = mine.filter((x) => x.item.parentId === null || !ids.has(x.item.parentId));
  return top.flatMap((p) => [
    { ...p, nested: false },
    ...mine.filter((c) => c.item.parentId === p.item.id).map((c) => ({ ...c, nested: true })),
  ]);
}
