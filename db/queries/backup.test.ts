import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '@/lib/demo-data';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openDatabase } from '../index';
import { openTestDatabase, prepareDatabase } from '../setup';
import { user } from '../schema';
import { backupDatabase, BackupError, countRows, inspectDatabaseFile, restoreDatabase } from './backup';
import { writeDemoData } from './demo';
import { saveWeek } from './save-week';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-backup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const alice = { userId: 'u-alice', email: 'alice@example.com' };

function populated() {
  const db = openTestDatabase();
  db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
  writeDemoData(generateDemoData({ weeks: 20, endWeek: '2023-07-03', seed: 5 }), { reset: false }, db);
  const entry = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: '2023-07-10', baseVersion: 0, intent: 'draft', values: { health_score: { value: '512' } }, notes: '备注' });
  saveWeek(entry, alice, db);
  // A published week has a write-once snapshot (issue 14): a restore must carry it too.
  const published = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: '2023-07-17', baseVersion: 0, intent: 'publish', confirmMissing: true, values: { health_score: { value: '520' } } });
  saveWeek(published, alice, db);
  return db;
}

/** Every row of every table, SQLite's own bookkeeping (sqlite_sequence) included. */
function dump(sqlite: Database.Database) {
  const names = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, sqlite.prepare(`SELECT * FROM "${n}" ORDER BY rowid`).all()]));
}

describe('backup and restore', () => {
  it('restoring a backup gives an identical database, every table row for row', async () => {
    const dir = tempDir();
    const source = populated();
    const backup = path.join(dir, 'backup.db');
    expect(backupDatabase(source, backup).bytes).toBeGreaterThan(0);

    // The target has other data, and is open (as a running server's would be) during the restore.
    const target = path.join(dir, 'live.db');
    const live = prepareDatabase(openDatabase(target));
    live.insert(user).values({ id: 'u-other', email: 'other@example.com', name: 'Other', role: 'viewer' }).run();
    const result = await restoreDatabase(backup, target);

    // Row for row, except the data-version counter, which a restore moves past both databases' so that
    // running servers drop what they computed from the replaced data (db/queries/data-version.ts).
    const version = (sqlite: Database.Database) => Number(sqlite.prepare(`SELECT value FROM settings WHERE key = 'data_version'`).pluck().get());
    expect(version(live.$client)).toBeGreaterThan(version(source.$client));
    const sameCounter = (d: Record<string, unknown[]>) => ({ ...d, settings: d.settings.map((r) => ((r as { key: string }).key === 'data_version' ? { ...(r as object), value: 'n' } : r)) });
    expect(sameCounter(dump(live.$client))).toEqual(sameCounter(dump(source.$client)));
    expect(result.tables).toEqual(countRows(source.$client));
    expect(result.tables.week_snapshots).toBeGreaterThan(0);
    expect(result.previousCopy && fs.existsSync(result.previousCopy)).toBeTruthy();
    const previous = new Database(result.previousCopy!, { readonly: true });
    expect(previous.prepare(`SELECT email FROM user`).pluck().all()).toEqual(['other@example.com']);
    previous.close();
    live.$client.close();
  });

  it('never overwrites an existing file with a backup', () => {
    const dir = tempDir();
    const file = path.join(dir, 'b.db');
    fs.writeFileSync(file, 'keep me');
    expect(() => backupDatabase(populated(), file)).toThrow(BackupError);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses what is not a sound Weekline database, and leaves the target alone', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'live.db');
    const live = prepareDatabase(openDatabase(target));
    const before = dump(live.$client);

    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all, just some text that is long enough to have a header'.repeat(20));
    const foreign = path.join(dir, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE t (x)').close();
    const newer = path.join(dir, 'newer.db');
    backupDatabase(populated(), newer);
    new Database(newer).exec(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 9999999999999)`).close();

    expect(inspectDatabaseFile(text)).toMatchObject({ ok: false, reason: expect.stringContaining('not a readable SQLite database') });
    expect(inspectDatabaseFile(foreign)).toMatchObject({ ok: false, reason: expect.stringContaining('not a Weekline database') });
    expect(inspectDatabaseFile(newer)).toMatchObject({ ok: false, reason: expect.stringContaining('newer than this version') });
    for (const file of [text, foreign, newer, path.join(dir, 'missing.db')]) {
      await expect(restoreDatabase(file, target)).rejects.toThrow(BackupError);
    }
    await expect(restoreDatabase(target, target)).rejects.toThrow(/same file/);
    expect(dump(live.$client)).toEqual(before);
    live.$client.close();
  });
});
