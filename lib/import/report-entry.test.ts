import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { parseReport } from '../report/parse-report';
import { weekEntrySchema } from '../validation/week-entry';
import { reportJson } from './report-shape';
import { mergeIncidents, reportToEntryInput, type StoredIncident, type StoredWeek } from './report-entry';

const SAMPLES = path.resolve(__dirname, '../../fixtures/reports');
const W30 = readFileSync(path.join(SAMPLES, '2023-W30.md'), 'utf8');
const report = parseReport(W30, { numbering: 'jan1' });
const schema = weekEntrySchema(DEFAULT_METRICS);
const KEYS = DEFAULT_METRICS.map((m) => m.key);

const empty: StoredWeek = { weekStart: '2023-07-17', version: 0, status: null, notes: '', internalNotes: '', values: {}, incidents: [] };
const storedEvent: StoredIncident = {
  id: 7,
  startedAt: '2023-07-20T21:15',
  endedAt: '2023-07-20T21:40',
  durationMinutes: 25,
  title: '银行对账文件延迟到达，日终对账推迟',
  grade: 'D',
  gradeStatus: 'final',
  cause: '',
  handling: '',
};

const convert = (stored: StoredWeek, replaceIncidents = true) =>
  schema.parse(reportToEntryInput(report, stored, { intent: 'publish', replaceIncidents, metricKeys: KEYS }));

describe('reportToEntryInput', () => {
  it('turns a sample report into a valid entry for a new week: every value, counts, both events', () => {
    const entry = convert(empty);
    expect(entry).toMatchObject({ weekStart: '2023-07-17', baseVersion: 0, intent: 'publish' });
    expect(Object.fromEntries(Object.entries(entry.values).map(([k, v]) => [k, v.value]))).toEqual(report.values);
    expect(entry.values.data_classification_progress).toEqual({ value: 42.94, done: 73, total: 170 });
    expect(entry.values.hive_migration_progress).toEqual({ value: 96, done: null, total: 150 });
    expect(entry.incidents.map((e) => [e.startedAt, e.durationMinutes, e.grade, e.gradeStatus])).toEqual([
      ['2023-07-18T09:40', 12, 'D', 'final'],
      ['2023-07-20T21:15', 25, 'D', 'estimated'],
    ]);
    expect(entry.incidents[0]).toMatchObject({ title: '风控规则引擎响应变慢，部分代收交易超时', cause: '规则缓存预热失败，回源数据库', endedAt: null });
  });

  it('keeps stored values the report does not mention, notes, and replaces stale counts of the ones it does', () => {
    const stored: StoredWeek = {
      ...empty,
      version: 4,
      status: 'published',
      notes: 'kept',
      values: {
        data_classification_progress: { value: 40, done: 70, total: 175 },
        health_score: { value: 500, done: null, total: null },
      },
    };
    const trimmed = { ...report, values: { health_score: 566 }, counts: {} };
    const entry = schema.parse(reportToEntryInput(trimmed, stored, { intent: 'save', reason: 'r', replaceIncidents: false, metricKeys: KEYS }));
    expect(entry).toMatchObject({ baseVersion: 4, notes: 'kept', reason: 'r' });
    expect(entry.values).toEqual({
      data_classification_progress: { value: 40, done: 70, total: 175 },
      health_score: { value: 566, done: null, total: null },
    });
  });

  it('leaves out metrics that are not active', () => {
    const entry = schema.parse(reportToEntryInput(report, empty, { intent: 'draft', replaceIncidents: true, metricKeys: ['health_score'] }));
    expect(Object.keys(entry.values)).toEqual(['health_score']);
  });

  it('merges the log only when the report has an event section, never deleting a stored event; otherwise keeps them in place', () => {
    const stored = { ...empty, version: 1, incidents: [storedEvent, { ...storedEvent, id: 8, startedAt: '2023-07-21T08:00', endedAt: null, durationMinutes: 10, title: 'other' }] };
    expect(convert(stored, false).incidents.map((e) => e.id)).toEqual([7, 8]);
    const replaced = convert(stored, true).incidents;
    // Event 8 is not in the report: it stays.
    expect(replaced.map((e) => e.id)).toEqual([undefined, 7, 8]);
    // Matched by start: the stored end agrees with the report's 25 minutes and stays; the report's grade wins.
    expect(replaced[1]).toMatchObject({ endedAt: '2023-07-20T21:40', durationMinutes: 25, gradeStatus: 'estimated', cause: '银行侧批处理晚于约定时间' });
  });
});

describe('mergeIncidents', () => {
  const reported = report.incidents[1];

  it('drops a stored end that disagrees with the reported duration', () => {
    const [merged] = mergeIncidents([reported], [{ ...storedEvent, endedAt: '2023-07-20T22:30', durationMinutes: 75 }]);
    expect(merged).toMatchObject({ id: 7, endedAt: '', durationMinutes: '25' });
  });

  it('keeps what was entered by hand where the report is silent', () => {
    const [merged] = mergeIncidents([{ ...reported, grade: null, gradeStatus: null, cause: '' }], [{ ...storedEvent, cause: 'hand-written' }]);
    expect(merged).toMatchObject({ grade: 'D', gradeStatus: 'final', cause: 'hand-written' });
  });

  it('matches by title when several events share a start', () => {
    const twin = { ...storedEvent, id: 9, title: 'twin' };
    expect(mergeIncidents([{ ...reported, title: 'twin' }], [storedEvent, twin])[0].id).toBe(9);
    expect(mergeIncidents([{ ...reported, title: 'neither' }], [storedEvent, twin])[0].id).toBeUndefined();
  });
});

describe('report shape helpers', () => {
  it('tells a report with an event section (even "无") from one without', () => {
    const hasLog = (text: string) => parseReport(text, { numbering: 'jan1' }).hasEventLog;
    expect(hasLog(W30)).toBe(true);
    expect(hasLog('# 第29周 2023-07-15\n\n3. 生产稳定性事件：无\n')).toBe(true);
    expect(hasLog('# 第29周 2023-07-15\n\n- 健康分：600分\n')).toBe(false);
  });

  it('gives the keys of an expected.json entry, then the whole report', () => {
    const json = reportJson(report);
    expect(Object.keys(json)).toEqual(['week', 'values', 'counts', 'previous', 'incidents', 'warnings', 'report']);
    expect(Object.keys(json.report)).toEqual(['focus', 'objectives', 'findings', 'other', 'reflection', 'nextWeek']);
    expect(Object.keys(json.incidents[0])).toEqual(['startedAt', 'durationMinutes', 'grade', 'gradeStatus', 'title', 'cause', 'handling']);
  });
});
