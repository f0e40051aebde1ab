import { describe, expect, it } from 'vitest';
import type { ConflictDetail } from '@/db/queries/save-week';
import type { IncidentFields, WeekState } from '@/lib/kpi/week-merge';
import { applyChoice, rebaseDraft } from './rebase';
import type { WeekDraft } from './types';

const event = (title: string, patch: Partial<IncidentFields> = {}): IncidentFields => ({
  title,
  startedAt: '2023-07-12T21:15',
  endedAt: null,
  durationMinutes: 35,
  grade: null,
  gradeStatus: null,
  cause: '',
  handling: '',
  ...patch,
});
const draftEvent = (id: number | undefined, title: string, clientKey: string) => ({
  clientKey,
  ...(id === undefined ? {} : { id }),
  title,
  startedAt: '2023-07-12T21:15',
  endedAt: '',
  durationMinutes: '35',
  grade: '',
  gradeStatus: '',
  cause: '',
  handling: '',
});

const DRAFT: WeekDraft = {
  values: { health_score: { value: '488', done: '', total: '' }, first_attempt_success_rate: { value: '99.3', done: '', total: '' } },
  notes: 'mine',
  internalNotes: '',
  reason: '',
  incidents: [draftEvent(1, 'stored', 'id-1'), draftEvent(undefined, 'my new', 'new-1')],
};
const THEIRS: WeekState = {
  status: 'published',
  values: { health_score: { value: 512, done: null, total: null } },
  notes: 'theirs',
  internalNotes: 'their internal',
  incidents: { 1: event('stored'), 5: event('their new') },
};

describe('rebaseDraft', () => {
  it('takes theirs only for the fields named, keeps everything else of mine (new events included)', () => {
    const d = rebaseDraft(DRAFT, ['values.health_score', 'internalNotes', 'incidents.5'], THEIRS);
    expect(d.values.health_score.value).toBe('512');
    expect(d.values.first_attempt_success_rate.value).toBe('99.3');
    expect([d.notes, d.internalNotes]).toEqual(['mine', 'their internal']);
    expect(d.incidents.map((e) => [e.id, e.title])).toEqual([[1, 'stored'], [undefined, 'my new'], [5, 'their new']]);
  });

  it('removes an event they deleted that I had not touched', () => {
    const d = rebaseDraft(DRAFT, ['incidents.1'], { ...THEIRS, incidents: {} });
    expect(d.incidents.map((e) => e.title)).toEqual(['my new']);
  });
});

describe('applyChoice', () => {
  const valueConflict: ConflictDetail = { field: 'values.health_score', kind: 'value', key: 'health_score', theirs: { value: 512, done: null, total: null }, mine: { value: 499, done: null, total: null }, by: 'a@x', at: null };

  it('switches a value between theirs and mine, as often as the user changes their mind', () => {
    const t = applyChoice(DRAFT, valueConflict, 'theirs');
    expect(t.values.health_score.value).toBe('512');
    expect(applyChoice(t, valueConflict, 'mine').values.health_score.value).toBe('499');
  });

  it('mine over their deletion re-creates the event (its row is gone); theirs leaves it deleted', () => {
    const c: ConflictDetail = { field: 'incidents.1', kind: 'incident', key: '1', id: 1, fields: ['cause'], theirs: null, mine: event('stored', { cause: 'x' }), by: null, at: null };
    const gone = applyChoice(DRAFT, c, 'theirs');
    expect(gone.incidents.map((e) => e.title)).toEqual(['my new']);
    const back = applyChoice(gone, c, 'mine');
    const again = back.incidents.find((e) => e.title === 'stored')!;
    expect(again.id).toBeUndefined();
    expect(again.cause).toBe('x');
  });
});
