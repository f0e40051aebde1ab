// A paste or CSV import that updates a stored week changes only what the report or the file mentions: other
// metrics, the notes and events it does not name stay, and a save made since the preview is kept.
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { user } from '../schema';
import { importCsv } from './import-csv';
import { importReport, previewReport } from './import-report';
import { listIncidents } from './incidents';
import { saveWeek } from './save-week';
import { getWeekValues } from './values';
import { getWeekRecord } from './weeks';

vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');

const WEEK = '2023-07-10';
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const bob = { userId: 'u-bob', email: 'bob@example.com' };
const schema = weekEntrySchema(DEFAULT_METRICS);

/** Our own short report in the team's format: week 29, the health score and one event. */
const REPORT = ['# 第29周 2023-07-15', '', '# 上周进展', '', '2. 健康分治理：本周健康分589分。', '', '3. 生产稳定性事件：', '- 7/12 10:00 对账延迟，持续5分钟', '    原因：银行限流', '    处置：重试。定级D级', ''].join('\n');

const EVENT = { title: '对账延迟', startedAt: '2023-07-12T10:00', endedAt: '', durationMinutes: '5', grade: '', gradeStatus: '', cause: '', handling: '' };
const OTHER = { title: '网关证书告警', startedAt: '2023-07-13T08:00', endedAt: '', durationMinutes: '10', grade: 'D', gradeStatus: 'final', cause: '证书未续期', handling: '手工续期' };

function storedWeek() {
  const db = openTestDatabase();
  for (const a of [alice, bob]) db.insert(user).values({ id: a.userId, email: a.email, name: a.email, role: 'editor' }).run();
  const values = { health_score: { value: '488' }, inbound_success_rate: { value: '99.99' }, data_classification_progress: { value: '', done: '27', total: '179' } };
  saveWeek(schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', values, notes: '本周备注', internalNotes: '内部', incidents: [EVENT, OTHER] }), alice, db);
  return db;
}

describe('paste import into a stored week', () => {
  it('changes the value it states and the event it names; keeps other metrics, the notes and the event it does not mention', () => {
    const db = storedWeek();
    expect(importReport(REPORT, { intent: 'draft' }, bob, db)).toMatchObject({ ok: true, version: 2 });
    const values = getWeekValues(WEEK, db);
    expect(values.health_score.value).toBe(589);
    expect(values.inbound_success_rate.value).toBe(99.99);
    expect(values.data_classification_progress).toMatchObject({ value: 15.08, done: 27, total: 179 });
    expect(getWeekRecord(WEEK, db)).toMatchObject({ notes: '本周备注', internalNotes: '内部' });
    const log = listIncidents(WEEK, db);
    expect(log.map((e) => e.title).sort()).toEqual(['对账延迟', '网关证书告警']);
    expect(log.find((e) => e.title === '对账延迟')).toMatchObject({ cause: '银行限流', grade: 'D' });
    expect(log.find((e) => e.title === '网关证书告警')).toMatchObject({ cause: '证书未续期', handling: '手工续期' });
  });

  it('keeps a change saved between the preview and the import when it touches another field', () => {
    const db = storedWeek();
    const previewed = previewReport(REPORT, db).stored.version;
    saveWeek(schema.parse({ weekStart: WEEK, baseVersion: 1, intent: 'draft', values: { health_score: { value: '488' }, inbound_success_rate: { value: '99.95' }, data_classification_progress: { value: '', done: '27', total: '179' } }, notes: '本周备注', internalNotes: '内部', incidents: listIncidents(WEEK, db).map((e) => ({ ...EVENT, ...e, endedAt: '', durationMinutes: String(e.durationMinutes), grade: e.grade ?? '', gradeStatus: e.gradeStatus ?? '' })) }), alice, db);
    expect(importReport(REPORT, { intent: 'draft', baseVersion: previewed }, bob, db)).toMatchObject({ ok: true, version: 3 });
    expect(getWeekValues(WEEK, db).inbound_success_rate.value).toBe(99.95);
    expect(getWeekValues(WEEK, db).health_score.value).toBe(589);
  });
});

describe('CSV import into a stored week', () => {
  it('changes the cells the file fills; keeps the metrics it leaves empty, the notes and every event', () => {
    const db = storedWeek();
    const csv = 'week,health_score,inbound_success_rate\n2023-W29,601,\n';
    const result = importCsv(csv, { actor: bob, dryRun: false, reason: 'file' }, db);
    expect(result).toMatchObject({ ok: true, applied: true, revisions: 1 });
    const values = getWeekValues(WEEK, db);
    expect(values.health_score.value).toBe(601);
    expect(values.inbound_success_rate.value).toBe(99.99);
    expect(values.data_classification_progress).toMatchObject({ done: 27, total: 179 });
    expect(getWeekRecord(WEEK, db)).toMatchObject({ notes: '本周备注', internalNotes: '内部' });
    expect(listIncidents(WEEK, db)).toHaveLength(2);
  });
});
