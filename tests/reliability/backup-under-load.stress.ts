// Promise: a backup taken while writers are saving is a sound database (integrity_check ok, no foreign-key
// violations), holds every save acknowledged before it started, and restores into a database the app can
// read and write. Uses the product's own backup/restore (db/queries/backup.ts, `kpi backup` / `kpi restore`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/index';
import { backupDatabase, inspectDatabaseFile, restoreDatabase } from '@/db/queries/backup';
import { saveWeek } from '@/db/queries/save-week';
import { getWeekRecord } from '@/db/queries/weeks';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { createFileDatabase, integrityCheck, recordFigure, sleep, spawnTs, WRITER } from './helpers';

const BACKUPS = Number(process.env.BACKUP_COUNT ?? 12);
const WEEKS = ['2024-05-06', '2024-05-13', '2024-05-20'];

function acksOf(lines: string[]) {
  return lines.filter((l) => l.startsWith('ack ')).map((l) => {
    const [, week, version, token] = l.split(' ');
    return { week, version: Number(version), token: Number(token) };
  });
}

describe('backup while writing', () => {
  it(`${BACKUPS} backups under two busy writers: each sound, complete up to its start, and restorable`, async () => {
    const started = Date.now();
    const { dir, file } = createFileDatabase('backup');
    const writers = [1, 2].map((id) => spawnTs(WRITER, ['crash', file, String(id), WEEKS.join(',')]));
    await Promise.all(writers.map((w) => w.ready));
    const live = openDatabase(file);
    const results: { file: string; acksBefore: number; writesDuring: number; ok: boolean }[] = [];
    try {
      for (let i = 0; i < BACKUPS; i++) {
        await sleep(100 + Math.random() * 200);
        const acksBefore = acksOf(writers.flatMap((w) => w.lines));
        const out = path.join(dir, `backup-${i}.db`);
        const maxId = live.$client.prepare('SELECT coalesce(max(id), 0) FROM revisions').pluck();
        const idBefore = maxId.get() as number;
        backupDatabase(live, out);
        // Revisions the writers committed between the start and the end of the copy (VACUUM INTO + its check).
        const writesDuring = (maxId.get() as number) - idBefore;
        const check = inspectDatabaseFile(out);
        expect(check).toMatchObject({ ok: true });
        expect(integrityCheck(out)).toBe('ok');
        // Everything acknowledged before the backup began is in it.
        const copy = openDatabase(out);
        const stored = copy.$client.prepare(`SELECT "after" FROM revisions WHERE week_start = ? AND week_version = ? AND metric_key = 'health_score'`);
        const copyMaxId = copy.$client.prepare('SELECT coalesce(max(id), 0) FROM revisions').pluck().get() as number;
        const missing = acksBefore.filter((a) => (JSON.parse((stored.get(a.week, a.version) as { after: string } | undefined)?.after ?? 'null') as { value?: number } | null)?.value !== a.token);
        copy.$client.close();
        expect(missing).toEqual([]);
        // The copy is one consistent snapshot taken during the call: everything committed before it, nothing after it.
        expect(copyMaxId).toBeGreaterThanOrEqual(idBefore);
        expect(copyMaxId).toBeLessThanOrEqual(idBefore + writesDuring);
        results.push({ file: out, acksBefore: acksBefore.length, writesDuring, ok: check.ok });
      }
    } finally {
      for (const w of writers) w.child.kill('SIGKILL');
      await Promise.all(writers.map((w) => w.exited));
      live.$client.close();
    }
    const errors = writers.flatMap((w) => w.lines.filter((l) => l.startsWith('error')));
    expect(errors).toEqual([]);
    const totalAcks = acksOf(writers.flatMap((w) => w.lines)).length;
    expect(results.at(-1)!.acksBefore).toBeGreaterThan(0);
    // Writers are not blocked by a backup: across the run they committed while copies were in progress.
    const writesWhileCopying = results.reduce((n, r) => n + r.writesDuring, 0);
    console.log(`[reliability] backup under load: ${writesWhileCopying} revisions committed while copying, per backup ${results.map((r) => r.writesDuring).join(',')}`);
    expect(writesWhileCopying).toBeGreaterThan(0);

    // Restore the last backup over the live database, then use it the way the app does.
    const last = results.at(-1)!.file;
    const restored = await restoreDatabase(last, file);
    expect(restored.previousCopy && fs.existsSync(restored.previousCopy)).toBeTruthy();
    expect(integrityCheck(file)).toBe('ok');
    const db = openDatabase(file);
    const schema = weekEntrySchema(DEFAULT_METRICS);
    const week = WEEKS[0];
    const base = getWeekRecord(week, db)?.version ?? 0;
    expect(base).toBeGreaterThan(0);
    const outcome = saveWeek(schema.parse({ weekStart: week, baseVersion: base, intent: 'draft', values: { health_score: { value: '777' } } }), { userId: 'u-writer', email: 'writer@reliability.test' }, db);
    expect(outcome).toMatchObject({ ok: true, version: base + 1 });
    expect(getWeekRecord(week, db)?.version).toBe(base + 1);
    db.$client.close();
    // The database the restore replaced was kept, and is itself sound.
    expect(integrityCheck(restored.previousCopy!)).toBe('ok');
    fs.rmSync(dir, { recursive: true, force: true });
    recordFigure('backup-under-load', {
      backups: results.length,
      savesAcknowledgedDuringRun: totalAcks,
      revisionsWrittenWhileCopying: writesWhileCopying,
      seconds: Math.round((Date.now() - started) / 1000),
    });
  }, 300_000);
});
