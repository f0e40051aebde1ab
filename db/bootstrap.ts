// First-start chores shared by `npm start` and the scripts: demo data and the first admin.
import { randomBytes } from 'node:crypto';
import { generateDemoData } from '@/lib/demo-data';
import type { Env } from '@/lib/env';
import { currentWeekStart } from '@/lib/weeks';
import type { Db } from './index';
import { writeDemoData } from './queries/demo';
import { countUsers, insertUser } from './queries/users';
import { countWeeks } from './queries/weeks';

export function seedDemoIfEmpty(env: Env, db: Db): number {
  if (env.DEMO_DATA === '0' || countWeeks(db) > 0) return 0;
  writeDemoData(generateDemoData({ weeks: 52, endWeek: currentWeekStart() }), { reset: false }, db);
  return 52;
}

/** The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD or with a generated password shown once. */
export async function ensureFirstAdmin(env: Env, db: Db): Promise<{ email: string; password: string | null } | null> {
  if (countUsers(db) > 0) return null;
  const email = env.ADMIN_EMAIL ?? 'admin@weekline.local';
  const password = env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
  await insertUser({ email, role: 'admin', password, name: 'Admin' }, db);
  return { email, password: env.ADMIN_PASSWORD ? null : password };
}
