// After a conflict the form moves onto the stored version: fields only the other editor changed take their
// values, mine stay, and each field both changed waits for the user's pick (theirs or mine). Pure.
import type { ConflictDetail } from '@/db/queries/save-week';
import type { Cell, IncidentFields, WeekState } from '@/lib/kpi/week-merge';
import type { CellDraft, IncidentDraft, WeekDraft } from './types';

export type Choice = 'theirs' | 'mine';

export function cellToDraft(c: Cell | null | undefined): CellDraft {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return { value: c ? text(c.value) : '', done: text(c?.done), total: text(c?.total) };
}

function fieldsToDraft(f: IncidentFields, id: number | undefined, clientKey: string): IncidentDraft {
  return {
    clientKey,
    ...(id === undefined ? {} : { id }),
    title: f.title,
    startedAt: f.startedAt,
    endedAt: f.endedAt ?? '',
    durationMinutes: f.durationMinutes === null ? '' : String(f.durationMinutes),
    grade: f.grade ?? '',
    gradeStatus: f.gradeStatus ?? '',
    cause: f.cause,
    handling: f.handling,
  };
}

const keyOf = (id: number) => `id-${id}`;
const isEvent = (id: number) => (d: IncidentDraft) => d.id === id || d.clientKey === keyOf(id);

/** Puts the event with this id in the draft as `fields` (null: removes it); `keepId` false re-creates it. */
function setIncident(draft: WeekDraft, id: number, fields: IncidentFields | null, keepId = true): WeekDraft {
  const at = draft.incidents.findIndex(isEvent(id));
  if (!fields) return { ...draft, incidents: draft.incidents.filter((d) => !isEvent(id)(d)) };
  const next = fieldsToDraft(fields, keepId ? id : undefined, at >= 0 ? draft.incidents[at].clientKey : keyOf(id));
  return { ...draft, incidents: at >= 0 ? draft.incidents.map((d, i) => (i === at ? next : d)) : [...draft.incidents, next] };
}

function setField(draft: WeekDraft, field: string, value: { cell?: Cell | null; text?: string }): WeekDraft {
  if (field === 'notes' || field === 'internalNotes') return { ...draft, [field]: value.text ?? '' };
  const key = field.slice('values.'.length);
  return { ...draft, values: { ...draft.values, [key]: cellToDraft(value.cell) } };
}

/** The draft moved onto the stored week: every field only they changed takes theirs. */
export function rebaseDraft(draft: WeekDraft, takeTheirs: readonly string[], theirs: WeekState): WeekDraft {
  return takeTheirs.reduce((d, field) => {
    // The report part's fields (report.*) are the report sections' to rebase.
    if (field.startsWith('report.')) return d;
    if (field.startsWith('incidents.')) {
      const id = Number(field.slice('incidents.'.length));
      return setIncident(d, id, theirs.incidents[id] ?? null);
    }
    if (field === 'notes' || field === 'internalNotes') return setField(d, field, { text: theirs[field] });
    return setField(d, field, { cell: theirs.values[field.slice('values.'.length)] ?? null });
  }, draft);
}

/** The draft with one conflicting field set to the side the user picked. */
export function applyChoice(draft: WeekDraft, c: ConflictDetail, choice: Choice): WeekDraft {
  if (c.kind === 'incident') {
    const fields = choice === 'theirs' ? c.theirs : c.mine;
    // Mine over their deletion: the row is gone, so the event is created again.
    return setIncident(draft, c.id, fields, choice === 'theirs' || c.theirs !== null);
  }
  if (c.kind === 'value') return setField(draft, c.field, { cell: choice === 'theirs' ? c.theirs : c.mine });
  if (c.kind === 'report') return draft;
  return setField(draft, c.field, { text: choice === 'theirs' ? c.theirs : c.mine });
}
