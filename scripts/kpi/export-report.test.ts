// The real command line: a week imported from a report and exported again reads back as the same week.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKpi } from './run-cli';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReport } from '@/lib/report/parse-report';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = path.join(ROOT, 'fixtures/reports/2024-W10.md');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-export-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kpi = (args: string[], db = 'cli.db') => runKpi(args, { DATABASE_PATH: path.join(dir, db), WEEK_NUMBERING: 'jan1' });

describe('kpi export-report', () => {
  it('prints the stored week as the team report; importing it again gives the same values, counts and events', async () => {
    await kpi(['import-report', FIXTURE, '--publish']);
    const { stdout } = await kpi(['export-report', '--week', '2024-W10']);
    const original = parseReport(fs.readFileSync(FIXTURE, 'utf8'), { numbering: 'jan1' });
    const back = parseReport(stdout, { numbering: 'jan1' });
    expect(stdout).toMatch(/^# 第10周 2024-03-09\n/);
    expect(back.week).toEqual(original.week);
    expect(back.values).toEqual(original.values);
    expect(back.counts).toEqual(original.counts);
    expect(back.incidents.map(({ startedAt, durationMinutes, grade, gradeStatus, title }) => ({ startedAt, durationMinutes, grade, gradeStatus, title }))).toEqual(
      original.incidents.map(({ startedAt, durationMinutes, grade, gradeStatus, title }) => ({ startedAt, durationMinutes, grade, gradeStatus, title })),
    );
    expect(back.warnings).toEqual([]);

    const en = await kpi(['export-report', '--week', '2024-W10', '--lang', 'en']);
    expect(en.stdout).toContain('# Week 10 2024-03-09');
    expect(en.stdout).toContain('- Payment system availability (year to date): 99.9991%');
  }, 120_000);

  it('import-report --publish saves the whole report, and export-report prints it back: sections, objectives, findings, plan', async () => {
    const whole = path.join(ROOT, 'fixtures/reports/2024-W20.md');
    await kpi(['import-report', whole, '--publish'], 'whole.db');
    const { stdout } = await kpi(['export-report', '--week', '2024-W20'], 'whole.db');
    const original = parseReport(fs.readFileSync(whole, 'utf8'), { numbering: 'jan1' }).report;
    const back = parseReport(stdout, { numbering: 'jan1' }).report;
    expect(back.focus).toEqual(original.focus);
    expect(back.other).toEqual(original.other);
    expect(back.reflection).toEqual(original.reflection);
    expect(back.nextWeek).toEqual(original.nextWeek);
    expect(back.findings.map((f) => [f.title, f.status])).toEqual(original.findings.map((f) => [f.title, f.status]));
    const titles = (r: typeof original) => r.objectives.map((o) => [o.code, o.items.map((i) => [i.title, (i.children ?? []).map((c) => c.title)])]);
    expect(titles(back)).toEqual(titles(original));
    expect(stdout).toContain('先享后付：开发进度 55%');
  }, 120_000);

  it('says so when the week is not stored, and refuses a bad --week', async () => {
    await expect(kpi(['export-report', '--week', '2024-W30'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('no week stored') });
    await expect(kpi(['export-report', '--week', '2024-W99'])).rejects.toMatchObject({ stderr: expect.stringContaining('--week') });
  }, 120_000);
});
