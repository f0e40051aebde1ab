// The three-way merge of a week's report part (issue 13), the same rule as values (lib/kpi/week-merge.ts):
// per field, changed only by me → mine; only by them or nobody → theirs; by both alike → that; by both
// differently → a conflict. Fields: the reflection; each item by id, field by field (section, position, text,
// internal, carried-from); each initiative update, each finding note and each plan check as a whole.
// Pure: the reads and writes are db/queries/week-state.ts and save-report.ts.
import type { FindingStatus, InitiativeStatus, PlanOutcome, WeekItemSection } from './model';

export const ITEM_FIELDS = ['section', 'position', 'text', 'internal', 'carriedFrom'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

export interface ItemFields {
  section: WeekItemSection;
  position: number;
  text: string;
  internal: boolean;
  carriedFrom: number | null;
}
export interface UpdateFields {
  status: InitiativeStatus;
  progress: number | null;
  text: string;
  internal: boolean;
}
export interface NoteFields {
  status: FindingStatus;
  text: string;
  internal: boolean;
}
export interface CheckFields {
  outcome: PlanOutcome;
  reason: string;
}

/** The stored report part of a week, keyed by item id, initiative id, finding id and planned item id. */
export interface ReportState {
  reflection: string;
  items: Record<number, ItemFields>;
  updates: Record<number, UpdateFields>;
  notes: Record<number, NoteFields>;
  checks: Record<number, CheckFields>;
}

/** What the editor sends: `undefined` parts are untouched; in the records, null removes and absent keys are untouched. */
export interface MyReport {
  reflection?: string;
  items?: { id?: number; fields: ItemFields }[];
  updates: Record<number, UpdateFields | null>;
  notes: Record<number, NoteFields | null>;
  checks: Record<number, CheckFields | null>;
}

export type ReportPart = 'reflection' | 'item' | 'update' | 'note' | 'check';

/** A report field both sides changed differently. `field`: `report.reflection`, `report.items.<id>`, `report.updates.<initiativeId>`… */
export interface ReportConflict {
  field: string;
  kind: 'report';
  key: string;
  part: ReportPart;
  id: number | null;
  /** For items: the fields that conflict. */
  fields?: ItemField[];
  theirs: unknown;
  mine: unknown;
}

export interface ReportMergeResult {
  merged: ReportState;
  createdItems: ItemFields[];
  conflicts: ReportConflict[];
  takeTheirs: string[];
}

export function emptyReport(): ReportState {
  return { reflection: '', items: {}, updates: {}, notes: {}, checks: {} };
}

const same = (a: unknown, b: unknown): boolean => {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
};
export const sameReportValue = same;

type Outcome<T> = { take: 'theirs' | 'mine'; value: T } | { take: 'conflict' };
function pick<T>(base: T | undefined, theirs: T, mine: T): Outcome<T> {
  if (same(mine, theirs)) return { take: 'theirs', value: theirs };
  if (base !== undefined && same(mine, base)) return { take: 'theirs', value: theirs };
  if (base !== undefined && same(theirs, base)) return { take: 'mine', value: mine };
  return { take: 'conflict' };
}

/** `base` null: the editor's starting point is unknown, so every difference is a conflict. */
export function mergeReport(base: ReportState | null, theirs: ReportState, mine: MyReport): ReportMergeResult {
  const conflicts: ReportConflict[] = [];
  const takeTheirs: string[] = [];
  const merged: ReportState = { reflection: theirs.reflection, items: {}, updates: { ...theirs.updates }, notes: { ...theirs.notes }, checks: { ...theirs.checks } };
  const createdItems: ItemFields[] = [];

  if (mine.reflection !== undefined) {
    const r = pick(base?.reflection, theirs.reflection, mine.reflection);
    if (r.take === 'conflict') conflicts.push({ field: 'report.reflection', kind: 'report', key: 'reflection', part: 'reflection', id: null, theirs: theirs.reflection, mine: mine.reflection });
    else {
      merged.reflection = r.value;
      if (r.take === 'theirs' && theirs.reflection !== mine.reflection) takeTheirs.push('report.reflection');
    }
  }

  if (mine.items === undefined) merged.items = { ...theirs.items };
  else mergeItems(base, theirs, mine.items, merged, createdItems, conflicts, takeTheirs);

  const records = [
    ['updates', 'update', mine.updates],
    ['notes', 'note', mine.notes],
    ['checks', 'check', mine.checks],
  ] as const;
  for (const [name, part, mineRecord] of records) {
    const prefix = name === 'notes' ? 'report.findingNotes' : name === 'checks' ? 'report.planChecks' : 'report.updates';
    for (const [key, m] of Object.entries(mineRecord)) {
      const id = Number(key);
      const t = (theirs[name] as Record<number, unknown>)[id] ?? null;
      const b = base ? ((base[name] as Record<number, unknown>)[id] ?? null) : undefined;
      const r = pick<unknown>(b, t, m ?? null);
      const field = `${prefix}.${id}`;
      const target = merged[name] as Record<number, unknown>;
      if (r.take === 'conflict') conflicts.push({ field, kind: 'report', key: field, part, id, theirs: t, mine: m ?? null });
      else {
        if (r.value === null) delete target[id];
        else target[id] = r.value;
        if (r.take === 'theirs' && !same(t, m ?? null)) takeTheirs.push(field);
      }
    }
  }
  return { merged, createdItems, conflicts, takeTheirs };
}

function mergeItems(base: ReportState | null, theirs: ReportState, mine: NonNullable<MyReport['items']>, merged: ReportState, created: ItemFields[], conflicts: ReportConflict[], takeTheirs: string[]): void {
  const mineById = new Map<number, ItemFields>();
  for (const e of mine) {
    // An id on neither side (stale or made up) is a new item.
    if (e.id === undefined || (!(e.id in theirs.items) && !(base && e.id in base.items))) created.push(e.fields);
    else mineById.set(e.id, e.fields);
  }
  const ids = new Set<number>([...Object.keys(theirs.items).map(Number), ...mineById.keys(), ...(base ? Object.keys(base.items).map(Number) : [])]);
  for (const id of [...ids].sort((a, b) => a - b)) {
    const t = theirs.items[id] ?? null;
    const m = mineById.get(id) ?? null;
    const b = base ? (base.items[id] ?? null) : undefined;
    const field = `report.items.${id}`;
    if (t && m) {
      const from = b === undefined ? undefined : (b ?? t);
      const out = { ...t } as Record<ItemField, unknown>;
      const conflicting: ItemField[] = [];
      for (const f of ITEM_FIELDS) {
        const r = pick<unknown>(from ? from[f] : undefined, t[f], m[f]);
        if (r.take === 'conflict') conflicting.push(f);
        else out[f] = r.value;
      }
      if (conflicting.length) conflicts.push({ field, kind: 'report', key: field, part: 'item', id, fields: conflicting, theirs: t, mine: m });
      else {
        merged.items[id] = out as unknown as ItemFields;
        if (!same(out, m)) takeTheirs.push(field);
      }
      continue;
    }
    const r = pick<ItemFields | null>(b, t, m);
    if (r.take === 'conflict') conflicts.push({ field, kind: 'report', key: field, part: 'item', id, fields: [...ITEM_FIELDS], theirs: t, mine: m });
    else if (r.value) {
      if (t) merged.items[id] = r.value;
      else created.push(r.value);
    }
    if (r.take === 'theirs' && !same(t, m)) takeTheirs.push(field);
  }
}
