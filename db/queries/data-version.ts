// The data version: a counter in `settings` that SQLite triggers bump on every write to the KPI tables
// (db/migrations/0003_data_version.sql), whichever process writes (the form, the CLI import, a restore).
// Readers that keep shared results key them by it, so no process has to be told about another's writes.
import { getDb, type Db } from '../index';
import { getSetting } from './settings';

export function getDataVersion(db: Db = getDb()): string {
  return getSetting('data_version', db) ?? '0';
}

/** After a restore the triggers did not fire: move the version past both the old and the restored one. */
export function bumpDataVersionPast(previous: string, db: Db): void {
  const next = Math.max(Number(previous) || 0, Number(getDataVersion(db)) || 0) + 1;
  // Raw SQL: only the counter moves, not the row's updated_at, so the restored data stay as backed up.
  db.$client.prepare(`UPDATE settings SET value = ? WHERE key = 'data_version'`).run(String(next));
}
