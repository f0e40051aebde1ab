import { randomBytes } from 'node:crypto';
import { isWeekNumbering, type WeekNumbering } from '@/lib/weeks';
import { getEnv } from '@/lib/env';
import { getDb, preparedOnce, type Db } from '../index';
import { settings } from '../schema';

/** Read on every request (the week numbering, the data version), so through a statement prepared once. */
export function getSetting(key: string, db: Db = getDb()): string | null {
  return (preparedOnce(db, `SELECT value FROM settings WHERE key = ?`).pluck().get(key) as string | undefined) ?? null;
}

export function putSetting(key: string, value: string, db: Db = getDb()): void {
  db.insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } })
    .run();
}

/** WEEK_NUMBERING in the environment wins over the stored setting; jan1 (the team's) by default. */
export function getWeekNumbering(db: Db = getDb()): WeekNumbering {
  const fromEnv = getEnv().WEEK_NUMBERING;
  if (fromEnv) return fromEnv;
  const stored = getSetting('week_numbering', db);
  return isWeekNumbering(stored) ? stored : 'jan1';
}

/** AUTH_SECRET when given, else one generated on first start and kept in the database. */
export function getAuthSecret(db: Db = getDb()): string {
  const fromEnv = getEnv().AUTH_SECRET;
  if (fromEnv) return fromEnv;
  const stored = getSetting('auth_secret', db);
  if (stored) return stored;
  const generated = randomBytes(32).toString('base64url');
  db.insert(settings).values({ key: 'auth_secret', value: generated }).onConflictDoNothing().run();
  return getSetting('auth_secret', db) ?? generated;
}
