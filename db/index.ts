// The one database connection. Pragmas are set on every open: SQLite does not keep
// synchronous, foreign_keys or busy_timeout across connections.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ConfigError, getEnv } from '@/lib/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Older SQLite has a WAL-reset bug that can corrupt a database under concurrent writers. */
export const MIN_SQLITE_VERSION = '3.51.3';

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Refuses to run on an SQLite older than MIN_SQLITE_VERSION; separate from openDatabase so it can be tested. */
export function assertSqliteVersion(version: string): void {
  if (!/^\d+(\.\d+)*$/.test(version) || compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    throw new ConfigError(`SQLite ${version} is too old; Weekline needs ${MIN_SQLITE_VERSION} or newer.`);
  }
}

export function applyPragmas(sqlite: Database.Database): void {
  if (sqlite.name !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

// Statements a hot path runs on every request, compiled once per connection (a one-shot drizzle query
// builds its SQL and compiles a statement each time).
const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** `sql` compiled once for this connection and reused. */
export function preparedOnce(db: Db, sql: string): Database.Statement {
  let statements = prepared.get(db.$client);
  if (!statements) prepared.set(db.$client, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.$client.prepare(sql)));
  return statement;
}

export function openDatabase(file: string): Db {
  let sqlite: Database.Database;
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    sqlite = new Database(file);
    applyPragmas(sqlite);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`Cannot open the database at DATABASE_PATH=${file} (${reason}); point it to a writable file.`);
  }
  try {
    assertSqliteVersion((sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return drizzle({ client: sqlite, schema });
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: path.join(process.cwd(), 'db', 'migrations') });
}

const globalForDb = globalThis as unknown as { weeklineDb?: Db };

export function getDb(): Db {
  globalForDb.weeklineDb ??= openDatabase(getEnv().DATABASE_PATH);
  return globalForDb.weeklineDb;
}
