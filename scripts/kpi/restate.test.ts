// The real command line: a published week corrected from a report file is a restatement (needs --reason),
// republishing freezes v2, and export-json carries both versions and the restatement under their agreed names.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKpi } from './run-cli';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-restate-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kpi = (args: string[]) => runKpi(args, { DATABASE_PATH: path.join(dir, 'cli.db'), WEEK_NUMBERING: 'jan1' });

describe('kpi import-report on a published week', () => {
  it('refuses a correction without --reason, restates with one, and export-json shows both versions', async () => {
    const original = fs.readFileSync(path.join(ROOT, 'fixtures/reports/2023-W28.md'), 'utf8');
    const first = path.join(dir, 'w28.md');
    const corrected = path.join(dir, 'w28-fixed.md');
    fs.writeFileSync(first, original);
    fs.writeFileSync(corrected, original.replace('入金有效成功率：99.97%', '入金有效成功率：99.93%'));

    await kpi(['import-report', first, '--publish', '--allow-missing']);
    const refused = await kpi(['import-report', corrected, '--publish']).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused?.code).not.toBe(0);
    expect(refused?.stderr).toMatch(/restatement; give --reason/);

    await kpi(['import-report', corrected, '--publish', '--reason', 'recomputed after late refunds']);
    const out = path.join(dir, 'export.json');
    await kpi(['export-json', '--out', out]);
    const week = JSON.parse(fs.readFileSync(out, 'utf8')).weeks.find((w: { weekStart: string }) => w.weekStart === '2023-07-03');
    expect(week.values.inbound_success_rate.value).toBe(99.93);
    expect(week.snapshots.map((s: Record<string, unknown>) => Object.keys(s))).toEqual([
      ['version', 'publishedAt', 'publishedBy', 'values', 'incidents'],
      ['version', 'publishedAt', 'publishedBy', 'values', 'incidents'],
    ]);
    expect(week.snapshots.map((s: { version: number; values: Record<string, number> }) => [s.version, s.values.inbound_success_rate])).toEqual([
      [1, 99.97],
      [2, 99.93],
    ]);
    expect(week.snapshots[0].incidents).toHaveLength(1);
    expect(week.restatements).toEqual([
      { metric: 'inbound_success_rate', from: 99.97, to: 99.93, at: expect.any(String), by: expect.any(String), reason: 'recomputed after late refunds', fromVersion: 1 },
    ]);
  }, 120_000);
});
