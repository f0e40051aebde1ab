// The real command line, as a user runs it: `--dry-run --json` prints one JSON object matching expected.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKpi } from './run-cli';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = path.resolve(ROOT, 'fixtures/reports');
const expected = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Record<string, ExpectedSample>;
const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.md')).sort();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface ExpectedSample {
  week: unknown;
  values: unknown;
  counts: unknown;
  previous: unknown;
  incidents: Record<string, unknown>[];
  warnings: number;
  report: { focus: number; nextWeek: number; objectives: { code: string }[] };
}

const kpi = (args: string[]) => runKpi(args, { DATABASE_PATH: path.join(dir, 'cli.db'), WEEK_NUMBERING: 'jan1' });

describe('kpi import-report --dry-run --json', () => {
  it.each(samples)('%s prints exactly the expected import', async (file) => {
    const want = expected[file];
    const { stdout } = await kpi(['import-report', path.join(SAMPLES, file), '--dry-run', '--json']);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const got = JSON.parse(stdout);
    expect(Object.keys(got)).toEqual(['week', 'values', 'counts', 'previous', 'incidents', 'warnings', 'report']);
    expect(Object.keys(got.report)).toEqual(['focus', 'objectives', 'findings', 'other', 'reflection', 'nextWeek']);
    expect(got.report.focus).toHaveLength(want.report.focus);
    expect(got.report.nextWeek).toHaveLength(want.report.nextWeek);
    expect(got.report.objectives.map((o: { code: string }) => o.code)).toEqual(want.report.objectives.map((o) => o.code));
    expect(got.week).toEqual(want.week);
    expect(got.values).toEqual(want.values);
    expect(got.counts).toEqual(want.counts);
    expect(got.previous).toEqual(want.previous);
    // expected.json lists each event's start, duration and grade; the text fields are checked to be there.
    expect(got.incidents).toHaveLength(want.incidents.length);
    got.incidents.forEach((e: Record<string, unknown>, i: number) => {
      expect(e).toMatchObject(want.incidents[i]);
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['title', 'cause', 'handling']));
    });
    expect(got.warnings.length).toBeGreaterThanOrEqual(want.warnings);
    for (const w of got.warnings) expect(Object.keys(w)).toEqual(['code', 'message']);
  }, 60_000);

  it('saves nothing in a dry run', async () => {
    await kpi(['import-report', path.join(SAMPLES, samples[0]), '--dry-run', '--json']);
    const { stdout } = await kpi(['export-csv']);
    expect(stdout.trim().split('\r\n')).toHaveLength(1); // the header only
  }, 60_000);
});
