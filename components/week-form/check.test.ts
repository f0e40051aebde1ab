import { describe, expect, it } from 'vitest';
import { blockingErrors, checkWeek, draftDirty, type CheckMetric } from './check';
import type { WeekDraft } from './types';

const METRICS: CheckMetric[] = [
  { key: 'inbound', kind: 'rate', decimals: 2, required: true },
  { key: 'outbound', kind: 'rate', decimals: 2, required: true },
  { key: 'health', kind: 'score', decimals: 0, required: false },
];
const cell = (value: string) => ({ value, done: '', total: '' });
const STORED: WeekDraft = { values: { inbound: cell('99.95'), outbound: cell('99.90'), health: cell('600') }, notes: '', internalNotes: '', reason: '', incidents: [] };

function check(draft: WeekDraft, status: 'draft' | 'published', intent: 'draft' | 'publish' | 'save', confirmMissing = false) {
  const payload = { ...draft, weekStart: '2026-11-23', baseVersion: 1, intent, confirmMissing, incidents: [] };
  return checkWeek({ payload, metrics: METRICS, status, intent, saved: STORED, draft, confirmMissing });
}

describe('checkWeek: every problem of a save at once', () => {
  it('a published week: a cleared required value, a rate of 199.9 and no reason are all named together', () => {
    const draft = { ...STORED, values: { ...STORED.values, outbound: cell(''), inbound: cell('199.9') } };
    const p = check(draft, 'published', 'save');
    expect(Object.keys(p.fieldErrors).sort()).toEqual(['reason', 'values.inbound.value', 'values.outbound.value']);
    expect(p.fieldErrors['values.outbound.value']).toEqual(['flow.clearsPublished']);
    expect(p).toMatchObject({ missing: ['outbound'], clearing: true, reasonNeeded: true });
    // The cleared value is a question, not a refusal: the rate and the reason block.
    expect(Object.keys(blockingErrors(p)).sort()).toEqual(['reason', 'values.inbound.value']);
  });

  it('publishing a draft asks about blank required metrics; saving a draft does not', () => {
    const draft = { ...STORED, values: { inbound: cell('99.9') } };
    expect(check(draft, 'draft', 'publish')).toMatchObject({ missing: ['outbound'], clearing: false });
    expect(check(draft, 'draft', 'publish').fieldErrors['values.outbound.value']).toEqual(['flow.requiredToPublish']);
    expect(check(draft, 'draft', 'draft')).toMatchObject({ missing: [], fieldErrors: {} });
    expect(check(draft, 'draft', 'publish', true)).toMatchObject({ missing: [], fieldErrors: {} });
  });

  it('a published week needs a reason only when values or events change, and never to withdraw it', () => {
    expect(check({ ...STORED, notes: 'more context' }, 'published', 'save').reasonNeeded).toBe(false);
    expect(check({ ...STORED, values: { ...STORED.values, health: cell('610') } }, 'published', 'save').reasonNeeded).toBe(true);
    expect(check({ ...STORED, values: { ...STORED.values, health: cell('610') }, reason: 'recomputed' }, 'published', 'save').reasonNeeded).toBe(false);
    expect(check({ ...STORED, values: { ...STORED.values, health: cell('610') } }, 'published', 'draft').fieldErrors).toEqual({});
  });

  it('a published week does not ask again about a gap confirmed when it was published', () => {
    const saved = { ...STORED, values: { inbound: cell('99.9') } };
    const p = checkWeek({ payload: { ...saved, weekStart: '2026-11-23', baseVersion: 1, intent: 'save' }, metrics: METRICS, status: 'published', intent: 'save', saved, draft: saved, confirmMissing: false });
    expect(p).toMatchObject({ missing: [], fieldErrors: {} });
  });

  it('dirty: anything typed differs from what is stored, whitespace in values aside', () => {
    expect(draftDirty(STORED, { ...STORED, values: { ...STORED.values, inbound: cell(' 99.95 ') } })).toBe(false);
    expect(draftDirty(STORED, { ...STORED, notes: 'x' })).toBe(true);
    expect(draftDirty(STORED, { ...STORED, incidents: [{ clientKey: 'n1', title: '', startedAt: '', endedAt: '', durationMinutes: '', grade: '', gradeStatus: '', cause: '', handling: '' }] })).toBe(true);
  });
});
