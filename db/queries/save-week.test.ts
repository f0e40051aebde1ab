import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { revisions, user } from '../schema';
import { saveWeek } from './save-week';
import { getWeekValues } from './values';
import { getWeekRecord } from './weeks';
import { listIncidents } from './incidents';

const schema = weekEntrySchema(DEFAULT_METRICS);
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const bob = { userId: 'u-bob', email: 'bob@example.com' };
const WEEK = '2023-07-10';

function openDb() {
  const db = openTestDatabase();
  for (const a of [alice, bob]) db.insert(user).values({ id: a.userId, email: a.email, name: a.email, role: 'editor' }).run();
  return db;
}

function entry(overrides: Record<string, unknown> = {}) {
  return schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', ...overrides });
}

const FULL = Object.fromEntries(
  DEFAULT_METRICS.filter((m) => m.required).map((m) => [m.key, { value: m.kind === 'count' ? '0' : m.kind === 'score' ? '500' : '99.99' }]),
);

function snapshot(db: ReturnType<typeof openDb>) {
  return {
    week: getWeekRecord(WEEK, db),
    values: getWeekValues(WEEK, db),
    incidents: listIncidents(WEEK, db),
    revisions: db.select().from(revisions).all().length,
  };
}

describe('saveWeek', () => {
  it('creates a draft week with its values and audits each change', () => {
    const db = openDb();
    const result = saveWeek(entry({ values: { inbound_success_rate: { value: '99.98' } } }), alice, db);
    expect(result).toMatchObject({ ok: true, version: 1, status: 'draft' });
    expect(getWeekValues(WEEK, db).inbound_success_rate.value).toBe(99.98);
    const audit = db.select().from(revisions).all();
    expect(audit.map((r) => [r.entity, r.action, r.userEmail])).toEqual([
      ['week', 'create', 'alice@example.com'],
      ['value', 'create', 'alice@example.com'],
    ]);
  });

  it('refuses a save based on an old version and shows what the other person changed', () => {
    const db = openDb();
    saveWeek(entry({ values: { health_score: { value: '488' } } }), alice, db);
    // Alice and Bob both opened version 1.
    saveWeek(entry({ baseVersion: 1, values: { health_score: { value: '512' } } }), alice, db);
    const before = snapshot(db);
    const bobs = saveWeek(entry({ baseVersion: 1, values: { health_score: { value: '499' } } }), bob, db);
    expect(bobs).toMatchObject({ ok: false, kind: 'conflict', currentVersion: 2 });
    if (bobs.ok || bobs.kind !== 'conflict') throw new Error('expected a conflict');
    expect(bobs.changes).toEqual([
      expect.objectContaining({ metricKey: 'health_score', before: { value: 488, done: null, total: null }, after: { value: 512, done: null, total: null }, userEmail: 'alice@example.com' }),
    ]);
    expect(snapshot(db)).toEqual(before);
    // Bob resolves it: he saves again against the version he has now seen.
    expect(saveWeek(entry({ baseVersion: 2, values: { health_score: { value: '499' } } }), bob, db)).toMatchObject({ ok: true, version: 3 });
    expect(getWeekValues(WEEK, db).health_score.value).toBe(499);
  });

  it('asks for confirmation to publish with required metrics missing', () => {
    const db = openDb();
    const result = saveWeek(entry({ intent: 'publish', values: { health_score: { value: '488' } } }), alice, db);
    expect(result).toMatchObject({ ok: false, kind: 'needs_confirmation' });
    if (result.ok || result.kind !== 'needs_confirmation') throw new Error('expected confirmation');
    expect(result.missing).toContain('inbound_success_rate');
    expect(getWeekRecord(WEEK, db)).toBeNull();
    expect(saveWeek(entry({ intent: 'publish', confirmMissing: true }), alice, db)).toMatchObject({ ok: true, status: 'published' });
  });

  it('asks for the confirmation once: saving a published week again does not ask again', () => {
    const db = openDb();
    expect(saveWeek(entry({ intent: 'publish', confirmMissing: true, values: { health_score: { value: '488' } } }), alice, db)).toMatchObject({ ok: true });
    expect(saveWeek(entry({ baseVersion: 1, intent: 'save', values: { health_score: { value: '490' } }, reason: 'typo' }), alice, db)).toMatchObject({ ok: true, version: 2 });
  });

  it('needs a reason to change a published value, and records it', () => {
    const db = openDb();
    saveWeek(entry({ intent: 'publish', values: FULL }), alice, db);
    const changed = { ...FULL, inbound_success_rate: { value: '99.95' } };
    expect(saveWeek(entry({ baseVersion: 1, intent: 'save', values: changed }), bob, db)).toEqual({ ok: false, kind: 'needs_reason' });
    expect(saveWeek(entry({ baseVersion: 1, intent: 'save', values: changed, reason: 'Channel data restated' }), bob, db)).toMatchObject({
      ok: true,
      status: 'published',
    });
    const last = db.select().from(revisions).all().at(-1)!;
    expect(last).toMatchObject({ metricKey: 'inbound_success_rate', reason: 'Channel data restated', userEmail: 'bob@example.com' });
  });

  it('adds, edits and removes incidents in place', () => {
    const db = openDb();
    const event = { title: '对账延迟', startedAt: '2023-07-12T21:15', endedAt: '', durationMinutes: '35', grade: 'D', gradeStatus: 'estimated', cause: '', handling: '' };
    saveWeek(entry({ incidents: [event, { ...event, title: 'second' }] }), alice, db);
    const [first, second] = listIncidents(WEEK, db);
    saveWeek(entry({ baseVersion: 1, incidents: [{ ...event, id: first.id, gradeStatus: 'final' }] }), alice, db);
    const after = listIncidents(WEEK, db);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: first.id, gradeStatus: 'final' });
    expect(after.find((i) => i.id === second.id)).toBeUndefined();
  });

  it('writes nothing when the save fails part-way', () => {
    const db = openDb();
    saveWeek(entry({ values: { health_score: { value: '488' } } }), alice, db);
    const before = snapshot(db);
    // A trigger that fails the audit insert, the last statement of the save.
    db.$client.exec(`CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON revisions BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    expect(() =>
      saveWeek(entry({ baseVersion: 1, values: { health_score: { value: '512' }, inbound_success_rate: { value: '99.9' } }, incidents: [] }), alice, db),
    ).toThrow(/disk full/);
    expect(snapshot(db)).toEqual(before);
  });
});
