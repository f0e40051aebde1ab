// The weekly form's checks in the browser, before anything is sent: the server's own schema
// (lib/validation/week-entry.ts) plus the two questions the server asks after it (a reason for changing a
// published week, required metrics left blank). All at once, so the user fixes everything in one pass; the
// server repeats every check and stays the authority.
import type { WeekStatus } from '@/lib/constants';
import { fieldErrorsOf } from '@/lib/validation/result';
import { weekEntrySchema, type EntryMetric } from '@/lib/validation/week-entry';
import type { CellDraft, IncidentDraft, WeekDraft } from './types';

export interface CheckMetric extends EntryMetric {
  required: boolean;
}

export interface WeekProblems {
  /** Field path → catalogue keys or messages, exactly as the server would name them. */
  fieldErrors: Record<string, string[]>;
  /** Required metrics left blank that need the user's yes before the save goes on (keys, catalogue order). */
  missing: string[];
  /** Whether those are values of a published week being cleared (rather than a first publish without them). */
  clearing: boolean;
  reasonNeeded: boolean;
}

const EMPTY: CellDraft = { value: '', done: '', total: '' };
const blank = (c: CellDraft | undefined) => !c || ((c.value ?? '').trim() === '' && ((c.done ?? '').trim() === '' || (c.total ?? '').trim() === ''));
const sameCell = (a: CellDraft | undefined, b: CellDraft | undefined) => {
  const x = a ?? EMPTY;
  const y = b ?? EMPTY;
  return x.value.trim() === y.value.trim() && x.done.trim() === y.done.trim() && x.total.trim() === y.total.trim();
};
const INCIDENT_FIELDS = ['title', 'startedAt', 'endedAt', 'durationMinutes', 'grade', 'gradeStatus', 'cause', 'handling'] as const;
const sameIncident = (a: IncidentDraft, b: IncidentDraft) => INCIDENT_FIELDS.every((f) => a[f].trim() === b[f].trim());

/** Values or incidents differ from what was last saved (notes and the report need no reason: issue 13). */
export function dataChanged(saved: WeekDraft, draft: WeekDraft): boolean {
  const keys = new Set([...Object.keys(saved.values), ...Object.keys(draft.values)]);
  for (const k of keys) if (!sameCell(saved.values[k], draft.values[k])) return true;
  if (saved.incidents.length !== draft.incidents.length) return true;
  const byId = new Map(saved.incidents.filter((e) => e.id).map((e) => [e.id, e]));
  return draft.incidents.some((e) => !e.id || !byId.has(e.id) || !sameIncident(byId.get(e.id)!, e));
}

/** Anything the user typed differs from what was last saved or loaded: leaving would lose it. */
export function draftDirty(saved: WeekDraft, draft: WeekDraft): boolean {
  return dataChanged(saved, draft) || saved.notes !== draft.notes || saved.internalNotes !== draft.internalNotes || draft.reason.trim() !== '';
}

export function checkWeek(args: {
  payload: unknown;
  metrics: readonly CheckMetric[];
  status: WeekStatus;
  intent: 'draft' | 'publish' | 'save';
  saved: WeekDraft;
  draft: WeekDraft;
  confirmMissing: boolean;
}): WeekProblems {
  const { metrics, status, intent, saved, draft } = args;
  const parsed = weekEntrySchema(metrics).safeParse(args.payload);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  // The week itself is the server's to judge (the team's time zone decides "has it started").
  delete fieldErrors.weekStart;

  const published = status === 'published';
  const staysPublished = published && intent !== 'draft';
  const reasonNeeded = published && intent !== 'draft' && dataChanged(saved, draft) && draft.reason.trim() === '';
  if (reasonNeeded) (fieldErrors.reason ??= []).push('error.reasonRequired');

  // Publishing a draft asks once about every blank required metric; a published week asks about the ones
  // this edit clears (earlier gaps were confirmed when it was published).
  const missing = metrics
    .filter((m) => m.required && blank(draft.values[m.key]) && (staysPublished ? !blank(saved.values[m.key]) : intent === 'publish'))
    .map((m) => m.key);
  const clearing = staysPublished && missing.length > 0;
  if (!args.confirmMissing) {
    for (const key of missing) {
      const path = `values.${key}.value`;
      if (!fieldErrors[path]) fieldErrors[path] = [clearing ? 'flow.clearsPublished' : 'flow.requiredToPublish'];
    }
  }
  return { fieldErrors, missing: args.confirmMissing ? [] : missing, clearing, reasonNeeded };
}

/** The problems that block a save outright: everything except blanks the user may still confirm. */
export function blockingErrors(p: WeekProblems): Record<string, string[]> {
  const missing = new Set(p.missing.map((k) => `values.${k}.value`));
  return Object.fromEntries(Object.entries(p.fieldErrors).filter(([path, messages]) => !(missing.has(path) && messages.every((m) => m.startsWith('flow.')))));
}
