// Backup and restore of the whole database file. A backup is `VACUUM INTO`: one read transaction, so it
// is a consistent copy while the server keeps writing. A restore is SQLite's online backup API run from the
// checked backup into the live file: one write transaction on the target, so a running server sees the old
// database or the new one, never half of each.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrateDatabase, openDatabase, type Db } from '../index';
import { readLiveAccess, withdrawRevivedAccess, type LiveAccess, type WithdrawnAccess } from './restore-access';
import { bumpDataVersionPast, getDataVersion } from './data-version';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
/** Tables every Weekline database has had since the first migration. */
const REQUIRED_TABLES = ['__drizzle_migrations', 'user', 'metrics', 'targets', 'weeks', 'metric_values', 'incidents', 'revisions', 'settings'];

export class BackupError extends Error {
  override name = 'BackupError';
}

/** A verified copy of the database at `file`; refuses to overwrite anything. */
export function backupDatabase(db: Db, file: string): { bytes: number } {
  const target = path.resolve(file);
  if (fs.existsSync(target)) throw new BackupError(`${file} already exists; choose a new file name.`);
  // Written beside the target and renamed: a crash never leaves a half-written file under the real name.
  const partial = `${target}.partial-${process.pid}`;
  const removePartial = () => {
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Nothing was written under a name the file system refuses.
    }
  };
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    removePartial();
    db.$client.prepare('VACUUM INTO ?').run(partial);
    const check = inspectDatabaseFile(partial);
    if (!check.ok) throw new BackupError(`the copy failed its check: ${check.reason}`);
    fs.renameSync(partial, target);
    return { bytes: fs.statSync(target).size };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot write a backup to ${file} (${error instanceof Error ? error.message : String(error)}).`);
  } finally {
    removePartial();
  }
}

export type DatabaseCheck =
  | { ok: true; migrations: number; latestMigration: number; pageSize: number; tables: Record<string, number> }
  | { ok: false; reason: string };

/** Rows per table (SQLite's own tables aside), for comparing a restore with its source. */
export function countRows(sqlite: Database.Database): Record<string, number> {
  const names = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, sqlite.prepare(`SELECT count(*) FROM "${n.replaceAll('"', '""')}"`).pluck().get() as number]));
}

/**
 * Whether `file` is a sound Weekline database this code can run: SQLite, integrity_check ok, no foreign-key
 * violations, the Weekline tables, and a migration history that is a prefix of the migrations shipped here
 * (an older backup is migrated forward on restore; a newer or foreign one is refused).
 */
export function inspectDatabaseFile(file: string): DatabaseCheck {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { ok: false, reason: `${file} is not a file` };
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0].integrity_check !== 'ok') {
      return { ok: false, reason: `integrity_check failed: ${integrity.slice(0, 3).map((r) => r.integrity_check).join('; ')}` };
    }
    if ((sqlite.pragma('foreign_key_check') as unknown[]).length) return { ok: false, reason: 'it has rows that break foreign keys' };
    const tables = countRows(sqlite);
    const missing = REQUIRED_TABLES.filter((t) => !(t in tables));
    if (missing.length) return { ok: false, reason: `not a Weekline database (no ${missing.join(', ')} table)` };
    const applied = sqlite.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY id').all() as { hash: string; createdAt: number }[];
    const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    if (!applied.length) return { ok: false, reason: 'it records no migration' };
    if (applied.length > known.length) return { ok: false, reason: `it is at migration ${applied.length}, newer than this version of Weekline (${known.length}); upgrade Weekline first` };
    const unknown = applied.findIndex((m, i) => m.hash !== known[i].hash || Number(m.createdAt) !== known[i].folderMillis);
    if (unknown >= 0) return { ok: false, reason: `its migration ${unknown + 1} is not one this version of Weekline shipped` };
    return { ok: true, migrations: applied.length, latestMigration: known.length, pageSize: sqlite.pragma('page_size', { simple: true }) as number, tables };
  } catch (error) {
    return { ok: false, reason: `not a readable SQLite database (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    sqlite?.close();
  }
}

export interface RestoreResult {
  /** Where the database that was replaced is kept, or null when there was none. */
  previousCopy: string | null;
  tables: Record<string, number>;
  migratedFrom: number;
  /** Access the restore did not bring back: every session, links revoked or rotated since, users disabled since. */
  withdrawn: WithdrawnAccess;
}

/**
 * Replaces the database at `target` with the backup at `source`, after checking both. The replaced database
 * is first backed up beside the target. No access comes back with old data: the copy that is restored has
 * every session ended and carries the live database's revocations, rotations and disabled users (see
 * restore-access.ts), applied before it replaces the live file, so a running server never sees it otherwise. Any doubt (a live database given as the source, a target that is not
 * Weekline's, a page-size mismatch the online copy cannot bridge) refuses before anything is written.
 */
export async function restoreDatabase(source: string, target: string): Promise<RestoreResult> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (from === to) throw new BackupError('the backup and the database are the same file.');
  const walSize = fs.existsSync(`${from}-wal`) ? fs.statSync(`${from}-wal`).size : 0;
  if (walSize > 0) throw new BackupError(`${source} has a write-ahead log beside it: it is a live database, not a backup. Make one with "kpi backup".`);
  const check = inspectDatabaseFile(from);
  if (!check.ok) throw new BackupError(`refusing to restore ${source}: ${check.reason}.`);

  let previousCopy: string | null = null;
  let live: LiveAccess | null = null;
  let previousVersion = '0';
  if (fs.existsSync(to)) {
    const current = openDatabase(to);
    try {
      const names = countRows(current.$client);
      if (Object.keys(names).length && !('__drizzle_migrations' in names && 'weeks' in names)) {
        throw new BackupError(`refusing to overwrite ${target}: it is not a Weekline database.`);
      }
      const pageSize = current.$client.pragma('page_size', { simple: true }) as number;
      if (pageSize !== check.pageSize) throw new BackupError(`refusing to restore: page size ${check.pageSize} of the backup differs from ${pageSize} of the database.`);
      if (['share_links', 'user', 'session'].every((t) => t in names)) live = readLiveAccess(current.$client);
      if ('settings' in names) previousVersion = getDataVersion(current);
      previousCopy = `${to}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      backupDatabase(current, previousCopy);
    } finally {
      current.$client.close();
    }
  }

  // The backup itself is never written to: a private copy is amended, then copied into the live file.
  const staged = `${to}.restoring-${process.pid}`;
  let withdrawn: WithdrawnAccess;
  try {
    fs.copyFileSync(from, staged);
    const copy = new Database(staged, { fileMustExist: true });
    try {
      withdrawn = withdrawRevivedAccess(copy, live);
    } finally {
      copy.close();
    }
    const backup = new Database(staged, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(to);
    } finally {
      backup.close();
    }
  } finally {
    for (const f of [staged, `${staged}-journal`]) fs.rmSync(f, { force: true });
  }

  const restored = openDatabase(to);
  try {
    const integrity = restored.$client.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`the restored database failed integrity_check (${String(integrity)}); the previous one is at ${previousCopy}.`);
    // An older backup is brought to this version's schema now, so a running server finds what it expects.
    migrateDatabase(restored);
    // Running servers key what they share by the data version: the restored data must carry a new one.
    bumpDataVersionPast(previousVersion, restored);
    return { previousCopy, tables: countRows(restored.$client), migratedFrom: check.migrations, withdrawn };
  } finally {
    restored.$client.close();
  }
}
