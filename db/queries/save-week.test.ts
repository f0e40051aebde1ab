import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { and, eq } from 'drizzle-orm';
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

  it('refuses a save when both changed the same field, naming the field with both values and who saved theirs', () => {
    const db = openDb();
    saveWeek(entry({ values: { health_score: { value: '488' } } }), alice, db);
    // Alice and Bob both opened version 1.
    saveWeek(entry({ baseVersion: 1, values: { health_score: { value: '512' } } }), alice, db);
    const before = snapshot(db);
    const bobs = saveWeek(entry({ baseVersion: 1, values: { health_score: { value: '499' } } }), bob, db);
    expect(bobs).toMatchObject({ ok: false, kind: 'conflict', currentVersion: 2 });
    if (bobs.ok || bobs.kind !== 'conflict') throw new Error('expected a conflict');
    expect(bobs.conflicts).toEqual([
      expect.objectContaining({ field: 'values.health_score', theirs: { value: 512, done: null, total: null }, mine: { value: 499, done: null, total: null }, by: 'alice@example.com', at: expect.any(Date) }),
    ]);
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

  it('asks before clearing a required value of a published week, and changes nothing until confirmed', () => {
    const db = openDb();
    saveWeek(entry({ intent: 'publish', values: FULL }), alice, db);
    const { outbound_success_rate: _cleared, ...rest } = FULL;
    const before = snapshot(db);
    const asked = saveWeek(entry({ baseVersion: 1, intent: 'save', values: rest, reason: 'channel figure withdrawn' }), alice, db);
    expect(asked).toEqual({ ok: false, kind: 'needs_confirmation', missing: ['outbound_success_rate'] });
    expect(snapshot(db)).toEqual(before);
    expect(saveWeek(entry({ baseVersion: 1, intent: 'save', values: rest, reason: 'channel figure withdrawn', confirmMissing: true }), alice, db)).toMatchObject({ ok: true, status: 'published' });
    expect(getWeekValues(WEEK, db).outbound_success_rate).toBeUndefined();
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

  describe('three-way merge with the version the editor started from', () => {
    const EVENT = { title: '对账延迟', startedAt: '2023-07-12T21:15', endedAt: '', durationMinutes: '35', grade: 'D', gradeStatus: 'estimated', cause: '', handling: '' };
    const OPENED = { health_score: { value: '488' }, first_attempt_success_rate: { value: '99.1' } };

    /** Version 1, as both editors opened it; then Alice changes the health score and adds an event (version 2). */
    function aliceSavedFirst() {
      const db = openDb();
      saveWeek(entry({ values: OPENED, notes: 'opened' }), alice, db);
      expect(saveWeek(entry({ baseVersion: 1, values: { ...OPENED, health_score: { value: '512' } }, notes: 'opened', incidents: [EVENT] }), alice, db)).toMatchObject({ ok: true, version: 2 });
      return db;
    }

    it('two editors changing different fields both keep their changes: values and the event survive, the audit names only Bob’s', () => {
      const db = aliceSavedFirst();
      // Bob's form still holds everything as he opened it (version 1): the old health score, no event.
      const bobs = saveWeek(entry({ baseVersion: 1, values: { ...OPENED, first_attempt_success_rate: { value: '99.3' } }, notes: 'opened' }), bob, db);
      expect(bobs).toMatchObject({ ok: true, version: 3, changes: 1 });
      const values = getWeekValues(WEEK, db);
      expect(values.health_score.value).toBe(512);
      expect(values.first_attempt_success_rate.value).toBe(99.3);
      expect(listIncidents(WEEK, db).map((i) => i.title)).toEqual(['对账延迟']);
      const bobsRows = db.select().from(revisions).where(and(eq(revisions.weekVersion, 3), eq(revisions.weekStart, WEEK))).all();
      expect(bobsRows.map((r) => [r.entity, r.metricKey, r.userEmail])).toEqual([['value', 'first_attempt_success_rate', 'bob@example.com']]);
    });

    it('the same field changed differently is a conflict: nothing is written; the resolution then applies and keeps Alice’s other changes', () => {
      const db = aliceSavedFirst();
      const before = snapshot(db);
      const stale = { ...OPENED, health_score: { value: '499' }, first_attempt_success_rate: { value: '99.3' } };
      const bobs = saveWeek(entry({ baseVersion: 1, values: stale, notes: 'opened' }), bob, db);
      if (bobs.ok || bobs.kind !== 'conflict') throw new Error('expected a conflict');
      expect(bobs.conflicts.map((c) => [c.field, c.theirs, c.mine, c.by])).toEqual([
        ['values.health_score', { value: 512, done: null, total: null }, { value: 499, done: null, total: null }, 'alice@example.com'],
      ]);
      expect(bobs.takeTheirs).toEqual([expect.stringMatching(/^incidents\.\d+$/)]);
      expect(snapshot(db)).toEqual(before);
      // Bob picks "use mine" for the health score: his form, rebased onto version 2, now holds Alice's event too.
      const incident = listIncidents(WEEK, db)[0];
      const rebased = entry({ baseVersion: 2, values: stale, notes: 'opened', incidents: [{ ...EVENT, id: incident.id }] });
      expect(saveWeek(rebased, bob, db)).toMatchObject({ ok: true, version: 3, changes: 2 });
      expect(getWeekValues(WEEK, db).health_score.value).toBe(499);
      expect(getWeekValues(WEEK, db).first_attempt_success_rate.value).toBe(99.3);
      expect(listIncidents(WEEK, db)).toHaveLength(1);
      const bobsRows = db.select().from(revisions).where(eq(revisions.weekVersion, 3)).all();
      expect(bobsRows.every((r) => r.entity === 'value' && r.userEmail === 'bob@example.com')).toBe(true);
    });

    it('an event deleted by one and edited by the other is a conflict, and a stale copy never deletes an event', () => {
      const db = aliceSavedFirst();
      const incident = listIncidents(WEEK, db)[0];
      // Carol (as Bob) opened version 2 and deletes the event; Alice, also at version 2, edits it.
      expect(saveWeek(entry({ baseVersion: 2, values: { ...OPENED, health_score: { value: '512' } }, notes: 'opened' }), bob, db)).toMatchObject({ ok: true, version: 3 });
      const alices = saveWeek(entry({ baseVersion: 2, values: { ...OPENED, health_score: { value: '512' } }, notes: 'opened', incidents: [{ ...EVENT, id: incident.id, gradeStatus: 'final' }] }), alice, db);
      if (alices.ok || alices.kind !== 'conflict') throw new Error('expected a conflict');
      expect(alices.conflicts).toEqual([expect.objectContaining({ field: `incidents.${incident.id}`, theirs: null, mine: expect.objectContaining({ gradeStatus: 'final' }), by: 'bob@example.com' })]);
    });

    it('rebuilds the base across several versions (notes, values and an event edited on the way)', () => {
      const db = aliceSavedFirst();
      const incident = listIncidents(WEEK, db)[0];
      // Alice keeps going: notes at version 3, the event's grade at version 4.
      saveWeek(entry({ baseVersion: 2, values: { ...OPENED, health_score: { value: '512' } }, notes: 'alice notes', incidents: [{ ...EVENT, id: incident.id }] }), alice, db);
      saveWeek(entry({ baseVersion: 3, values: { ...OPENED, health_score: { value: '512' } }, notes: 'alice notes', incidents: [{ ...EVENT, id: incident.id, grade: 'C' }] }), alice, db);
      // Bob, still at version 1, only writes internal notes.
      expect(saveWeek(entry({ baseVersion: 1, values: OPENED, notes: 'opened', internalNotes: 'bob internal' }), bob, db)).toMatchObject({ ok: true, version: 5 });
      const week = getWeekRecord(WEEK, db)!;
      expect([week.notes, week.internalNotes]).toEqual(['alice notes', 'bob internal']);
      expect(getWeekValues(WEEK, db).health_score.value).toBe(512);
      expect(listIncidents(WEEK, db)).toEqual([expect.objectContaining({ id: incident.id, grade: 'C' })]);
    });

    it('a stale "save draft" does not unpublish a week someone published meanwhile', () => {
      const db = openDb();
      saveWeek(entry({ values: FULL }), alice, db);
      expect(saveWeek(entry({ baseVersion: 1, intent: 'publish', values: FULL }), alice, db)).toMatchObject({ ok: true, status: 'published' });
      const bobs = saveWeek(entry({ baseVersion: 1, intent: 'draft', values: FULL, notes: 'bob', reason: 'note' }), bob, db);
      expect(bobs).toMatchObject({ ok: true, status: 'published' });
      expect(getWeekRecord(WEEK, db)).toMatchObject({ status: 'published', notes: 'bob' });
    });

    it('when the trail cannot rebuild the base, every difference is a conflict rather than an overwrite', () => {
      const db = aliceSavedFirst();
      // A change written around saveWeek: the trail no longer explains what is stored.
      db.$client.prepare(`UPDATE metric_values SET value = 600 WHERE week_start = ? AND metric_id = (SELECT id FROM metrics WHERE key = 'health_score')`).run(WEEK);
      const bobs = saveWeek(entry({ baseVersion: 1, values: { ...OPENED, first_attempt_success_rate: { value: '99.3' } }, notes: 'opened' }), bob, db);
      if (bobs.ok || bobs.kind !== 'conflict') throw new Error('expected a conflict');
      expect(bobs.conflicts.map((c) => c.field)).toEqual(expect.arrayContaining(['values.first_attempt_success_rate', 'values.health_score']));
      expect(getWeekValues(WEEK, db).health_score.value).toBe(600);
    });
  });
});
