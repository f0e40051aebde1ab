// Prepares the database Playwright's server runs on: a throwaway file with demo data and one user per
// role. The server itself is Next's own (`next start`, see playwright.config.ts), as in production.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/index';
import { writeDemoData } from '@/db/queries/demo';
import { insertUser } from '@/db/queries/users';
import { prepareDatabase } from '@/db/setup';
import { generateDemoData } from '@/lib/demo-data';
import { currentWeekStart, addWeeks } from '@/lib/weeks';
import { E2E_USERS, E2E_DB } from '../e2e/fixtures/config';
import { runCli } from './lib/cli';

void runCli(async () => {
  fs.rmSync(path.dirname(E2E_DB), { recursive: true, force: true });
  Object.assign(process.env, { DATABASE_PATH: E2E_DB, DEMO_DATA: '0' });
  const db = prepareDatabase(openDatabase(E2E_DB));
  // Demo weeks end last week, so this week is still open for the entry journey.
  writeDemoData(generateDemoData({ weeks: 60, endWeek: addWeeks(currentWeekStart(), -1), seed: 7 }), { reset: false }, db);
  for (const u of Object.values(E2E_USERS)) await insertUser(u, db);
  db.$client.close();
});
