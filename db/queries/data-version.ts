// The data version: a counter in `settings` that SQLite triggers bump on every write to the KPI tables
// (db/migrations/0003_data_version.sql), whichever process writes (the form, the CLI import, a restore).
// Readers that keep shared results key them by it, so no process has to be told about another's writes.
import type { Statement } from 'better-sqlite3';
import { getDb, type Db } from '../index';

// Read several times by every request that shows shared data: one statement per connection, prepared once.
const statements = new WeakMap<object, Statement>();

export function getDataVersion(db: Db = getDb()): string {
  let statement = statements.get(db.$client);
  if (!statement) statements.set(db.$client, (statement = db.$client.prepare(`SELECT value FROM settings WHERE key = 'data_version'`).pluck()));
  return (statement.get() as string | undefined) ?? '0';
}

/** After a restore the triggers did not fire: move the version past both the old and the restored one. */
export function bumpDataVersionPast(previous: string, db: Db): void {
  const next = Math.max(Number(previous) || 0, Number(getDataVersion(db)) || 0) + 1;
  // Raw SQL: only the counter moves, not the row's updated_at, so the restored data stay as backed up.
  db.$client.prepare(`UPDATE settings SET value = ? WHERE key = 'data_version'`).run(String(next));
}
