import { describe, expect, it } from 'vitest';
import { emptyWeek, mergeStatus, mergeWeek, type IncidentFields, type MyWeek, type WeekState } from './week-merge';

const KEYS = ['health_score', 'first_attempt_rate', 'hive_migration'];
const cell = (value: number, done: number | null = null, total: number | null = null) => ({ value, done, total });
const event = (title: string, patch: Partial<IncidentFields> = {}): IncidentFields => ({
  title,
  startedAt: '2023-07-12T21:15',
  endedAt: null,
  durationMinutes: 35,
  grade: 'D',
  gradeStatus: 'estimated',
  cause: '',
  handling: '',
  ...patch,
});

const BASE: WeekState = {
  status: 'draft',
  values: { health_score: cell(488), first_attempt_rate: cell(97.5), hive_migration: cell(15.08, 27, 179) },
  notes: 'base notes',
  internalNotes: 'base internal',
  incidents: { 1: event('对账延迟'), 2: event('second') },
};

/** Mine as the form sends it: the base, with `patch` applied. */
function mine(patch: Partial<MyWeek> = {}, from: WeekState = BASE): MyWeek {
  return {
    values: from.values,
    notes: from.notes,
    internalNotes: from.internalNotes,
    incidents: Object.entries(from.incidents).map(([id, fields]) => ({ id: Number(id), fields })),
    ...patch,
  };
}
const theirs = (patch: Partial<WeekState>): WeekState => ({ ...BASE, ...patch });
const mineIncidents = (list: Record<number, IncidentFields>) => Object.entries(list).map(([id, fields]) => ({ id: Number(id), fields }));

describe('mergeWeek', () => {
  it('applies what only I changed and keeps what only they changed (values, notes and incidents)', () => {
    const t = theirs({ values: { ...BASE.values, health_score: cell(512) }, incidents: { ...BASE.incidents, 3: event('theirs new') }, notes: 'their notes' });
    const m = mine({ values: { ...BASE.values, first_attempt_rate: cell(98.1) }, internalNotes: 'my internal' });
    const r = mergeWeek(BASE, t, m, KEYS);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.values).toEqual({ health_score: cell(512), first_attempt_rate: cell(98.1), hive_migration: cell(15.08, 27, 179) });
    expect(r.merged.notes).toBe('their notes');
    expect(r.merged.internalNotes).toBe('my internal');
    // Their new incident stays although my copy of the week never had it.
    expect(Object.keys(r.merged.incidents)).toEqual(['1', '2', '3']);
    expect(r.merged.created).toEqual([]);
    expect(r.takeTheirs.sort()).toEqual(['incidents.3', 'notes', 'values.health_score']);
  });

  it('is content when both change a field to the same value', () => {
    const t = theirs({ values: { ...BASE.values, health_score: cell(512) } });
    const r = mergeWeek(BASE, t, mine({ values: { ...BASE.values, health_score: cell(512) } }), KEYS);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.values.health_score).toEqual(cell(512));
    expect(r.takeTheirs).toEqual([]);
  });

  it('reports a value both changed differently, with both sides, and counts done/total as part of the value', () => {
    const t = theirs({ values: { ...BASE.values, health_score: cell(512), hive_migration: cell(16.2, 29, 179) } });
    const m = mine({ values: { ...BASE.values, health_score: cell(499), hive_migration: cell(16.2, 29, 179) } });
    const r = mergeWeek(BASE, t, m, KEYS);
    expect(r.conflicts).toEqual([{ field: 'values.health_score', kind: 'value', key: 'health_score', theirs: cell(512), mine: cell(499) }]);
    const counts = mergeWeek(BASE, theirs({ values: { ...BASE.values, hive_migration: cell(16.2, 29, 179) } }), mine({ values: { ...BASE.values, hive_migration: cell(16.76, 30, 179) } }), KEYS);
    expect(counts.conflicts.map((c) => c.field)).toEqual(['values.hive_migration']);
  });

  it('a value cleared by one side and changed by the other is a conflict; cleared by me alone is applied', () => {
    const { health_score: _gone, ...withoutHealth } = BASE.values;
    const conflict = mergeWeek(BASE, theirs({ values: { ...BASE.values, health_score: cell(512) } }), mine({ values: withoutHealth }), KEYS);
    expect(conflict.conflicts).toEqual([{ field: 'values.health_score', kind: 'value', key: 'health_score', theirs: cell(512), mine: null }]);
    const cleared = mergeWeek(BASE, BASE, mine({ values: withoutHealth }), KEYS);
    expect(cleared.merged.values.health_score).toBeUndefined();
  });

  it('notes changed by both differently conflict', () => {
    const r = mergeWeek(BASE, theirs({ notes: 'theirs' }), mine({ notes: 'mine' }), KEYS);
    expect(r.conflicts).toEqual([{ field: 'notes', kind: 'notes', key: 'notes', theirs: 'theirs', mine: 'mine' }]);
  });

  it('incidents by id: my new one is created, their deletion stands when I did not touch it, my deletion applies when they did not', () => {
    const t = theirs({ incidents: { 1: BASE.incidents[1] } }); // they deleted 2
    const m = mine({ incidents: [...mineIncidents({ 2: BASE.incidents[2] }), { fields: event('my new') }] }); // I deleted 1, added one
    const r = mergeWeek(BASE, t, m, KEYS);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.incidents).toEqual({});
    expect(r.merged.created).toEqual([event('my new')]);
    expect(r.takeTheirs).toEqual(['incidents.2']);
  });

  it('one incident edited by both in different fields keeps both edits', () => {
    const t = theirs({ incidents: { ...BASE.incidents, 1: event('对账延迟', { gradeStatus: 'final' }) } });
    const m = mine({ incidents: mineIncidents({ ...BASE.incidents, 1: event('对账延迟', { cause: '银行接口超时' }) }) });
    const r = mergeWeek(BASE, t, m, KEYS);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.incidents[1]).toEqual(event('对账延迟', { gradeStatus: 'final', cause: '银行接口超时' }));
    expect(r.takeTheirs).toEqual(['incidents.1']);
  });

  it('one incident field edited by both differently is a conflict naming the field, each side keeping the other edits', () => {
    const t = theirs({ incidents: { ...BASE.incidents, 1: event('对账延迟', { grade: 'C', gradeStatus: 'final' }) } });
    const m = mine({ incidents: mineIncidents({ ...BASE.incidents, 1: event('对账延迟', { grade: 'B', cause: 'x' }) }) });
    const [c] = mergeWeek(BASE, t, m, KEYS).conflicts;
    expect(c).toMatchObject({ field: 'incidents.1', kind: 'incident', id: 1, fields: ['grade'] });
    expect(c.theirs).toEqual(event('对账延迟', { grade: 'C', gradeStatus: 'final', cause: 'x' }));
    expect(c.mine).toEqual(event('对账延迟', { grade: 'B', gradeStatus: 'final', cause: 'x' }));
  });

  it('deleted by one side and edited by the other is a conflict, both ways', () => {
    const edited = event('对账延迟', { handling: '重跑' });
    const theyDeleted = mergeWeek(BASE, theirs({ incidents: { 2: BASE.incidents[2] } }), mine({ incidents: mineIncidents({ ...BASE.incidents, 1: edited }) }), KEYS);
    expect(theyDeleted.conflicts).toEqual([{ field: 'incidents.1', kind: 'incident', key: '1', id: 1, fields: ['handling'], theirs: null, mine: edited }]);
    const iDeleted = mergeWeek(BASE, theirs({ incidents: { ...BASE.incidents, 1: edited } }), mine({ incidents: mineIncidents({ 2: BASE.incidents[2] }) }), KEYS);
    expect(iDeleted.conflicts).toEqual([{ field: 'incidents.1', kind: 'incident', key: '1', id: 1, fields: ['handling'], theirs: edited, mine: null }]);
  });

  it('an id on no side is a new event, not a takeover of a stored one', () => {
    const r = mergeWeek(BASE, BASE, mine({ incidents: [...mineIncidents(BASE.incidents), { id: 99, fields: event('forged') }] }), KEYS);
    expect(r.merged.created).toEqual([event('forged')]);
    expect(Object.keys(r.merged.incidents)).toEqual(['1', '2']);
  });

  it('without a known base every difference is a conflict and nothing of theirs is overwritten', () => {
    const t = theirs({ values: { ...BASE.values, health_score: cell(512) } });
    const r = mergeWeek(null, t, mine({ values: { ...BASE.values, first_attempt_rate: cell(98.1) } }), KEYS);
    expect(r.conflicts.map((c) => c.field).sort()).toEqual(['values.first_attempt_rate', 'values.health_score']);
  });

  it('a week created by both from nothing merges field by field', () => {
    const t: WeekState = { ...emptyWeek(), status: 'draft', values: { health_score: cell(512) } };
    const r = mergeWeek(emptyWeek(), t, { values: { first_attempt_rate: cell(98.1) }, notes: '', internalNotes: '', incidents: [] }, KEYS);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.values).toEqual({ health_score: cell(512), first_attempt_rate: cell(98.1) });
  });
});

describe('mergeStatus', () => {
  it('a stale "save draft" keeps a week someone published meanwhile; explicit intents otherwise win', () => {
    expect(mergeStatus('draft', 'published', 'draft')).toBe('published');
    expect(mergeStatus('published', 'published', 'draft')).toBe('draft');
    expect(mergeStatus('draft', 'draft', 'publish')).toBe('published');
    expect(mergeStatus('published', 'draft', 'save')).toBe('draft');
    expect(mergeStatus(null, null, 'draft')).toBe('draft');
  });
});
