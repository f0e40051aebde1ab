import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { revisions, user } from '../schema';
import { ensureCliActor } from './import-actor';
import { importReport, previewReport } from './import-report';
import { listIncidents } from './incidents';
import { saveWeek } from './save-week';
import { getWeekValues } from './values';
import { getWeekRecord } from './weeks';

// Vite sets BASE_URL to "/", which the app's environment check rejects; the numbering is pinned to the team's.
vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');

const SAMPLES = path.resolve(__dirname, '../../fixtures/reports');
const W30 = readFileSync(path.join(SAMPLES, '2023-W30.md'), 'utf8');
const WEEK = '2023-07-17';
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const schema = weekEntrySchema(DEFAULT_METRICS);

function openDb() {
  const db = openTestDatabase();
  db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
  return db;
}

describe('previewReport', () => {
  it('shows the week, each value beside the stored one, the events and what happens to the stored log', () => {
    const db = openDb();
    saveWeek(schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', values: { health_score: { value: '580' }, inbound_success_rate: { value: '99.98' } } }), alice, db);
    const p = previewReport(W30, db);
    expect(p.week).toMatchObject({ label: '2023-W30', weekStart: WEEK, reportDate: '2023-07-22' });
    expect(p.stored).toEqual({ exists: true, status: 'draft', version: 1, incidentCount: 0 });
    const row = (key: string) => p.rows.find((r) => r.key === key)!;
    expect(row('health_score')).toMatchObject({ reported: 566, previous: 540, stored: { value: 580 }, outcome: 'changed' });
    expect(row('inbound_success_rate')).toMatchObject({ reported: 99.98, outcome: 'unchanged' });
    expect(row('data_classification_progress')).toMatchObject({ counts: { done: 73, total: 170 }, stored: null, next: { value: 42.94, done: 73, total: 170 }, outcome: 'new' });
    expect(p.incidents).toHaveLength(2);
    expect(p.replacesIncidents).toBe(true);
    expect(p.warnings).toEqual([]);
    expect(p.fieldErrors).toEqual({});
  });

  it('says when the text has no week, without throwing', () => {
    const p = previewReport('hello', openDb());
    expect(p.week).toBeNull();
    expect(p.warnings.map((w) => w.code)).toContain('no_week');
  });
});

describe('importReport', () => {
  it('publishes through the audited save path, and a second import of the same report changes nothing', () => {
    const db = openDb();
    const first = importReport(W30, { intent: 'publish' }, alice, db);
    expect(first).toMatchObject({ ok: true, weekStart: WEEK, status: 'published', version: 1 });
    expect(getWeekValues(WEEK, db).data_classification_progress).toMatchObject({ value: 42.94, done: 73, total: 170 });
    expect(listIncidents(WEEK, db).map((e) => e.startedAt)).toEqual(['2023-07-18T09:40', '2023-07-20T21:15']);
    const audit = db.select().from(revisions).all();
    expect(audit.length).toBeGreaterThan(10);
    expect(audit.every((r) => r.userEmail === alice.email)).toBe(true);

    expect(importReport(W30, { intent: 'publish' }, alice, db)).toMatchObject({ ok: true, changes: 0, version: 1 });
    expect(db.select().from(revisions).all()).toHaveLength(audit.length);
  });

  it('writes nothing on a refusal or a no-op, not even the command-line user', () => {
    const db = openDb();
    const users = () => db.select().from(user).all().length;
    expect(importReport('no week here', { intent: 'save' }, ensureCliActor, db)).toMatchObject({ ok: false, kind: 'no_week' });
    expect(importReport(W30, { intent: 'publish', baseVersion: 3 }, ensureCliActor, db)).toMatchObject({ ok: false, kind: 'conflict' });
    expect(users()).toBe(1);
    expect(importReport(W30, { intent: 'save' }, ensureCliActor, db)).toMatchObject({ ok: true, status: 'draft' });
    expect(users()).toBe(2);
    expect(importReport(W30, { intent: 'save' }, ensureCliActor, db)).toMatchObject({ ok: true, changes: 0 });
    expect(users()).toBe(2);
  });

  it('refuses a save based on the version previewed when someone saved since', () => {
    const db = openDb();
    const previewed = previewReport(W30, db).stored.version;
    saveWeek(schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', values: { health_score: { value: '1' } } }), alice, db);
    expect(importReport(W30, { intent: 'draft', baseVersion: previewed }, alice, db)).toMatchObject({ ok: false, kind: 'conflict', currentVersion: 1 });
    expect(getWeekValues(WEEK, db).health_score.value).toBe(1);
  });

  it('needs a reason to change a published week, and keeps the stored log when the report has no event section', () => {
    const db = openDb();
    importReport(W30, { intent: 'publish' }, alice, db);
    const noLog = W30.slice(0, W30.indexOf('3. 生产稳定性事件')).replace('566分', '600分');
    expect(importReport(noLog, { intent: 'save' }, alice, db)).toEqual({ ok: false, kind: 'needs_reason' });
    expect(importReport(noLog, { intent: 'save', reason: 'restated' }, alice, db)).toMatchObject({ ok: true, status: 'published', version: 2 });
    expect(getWeekValues(WEEK, db).health_score.value).toBe(600);
    expect(listIncidents(WEEK, db)).toHaveLength(2);
    expect(getWeekRecord(WEEK, db)?.status).toBe('published');
  });
});
