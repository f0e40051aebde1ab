// The server Playwright drives: the real production build on a throwaway database with demo data
// and one user per role.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/index';
import { writeDemoData } from '@/db/queries/demo';
import { insertUser } from '@/db/queries/users';
import { prepareDatabase } from '@/db/setup';
import { generateDemoData } from '@/lib/demo-data';
import { currentWeekStart, addWeeks } from '@/lib/weeks';
import { E2E_USERS, E2E_PORT, E2E_DB } from '../e2e/fixtures/config';
import { runCli } from './lib/cli';
import { serve } from './serve';

void runCli(async () => {
  fs.rmSync(path.dirname(E2E_DB), { recursive: true, force: true });
  // WEBHOOK_ALLOW_HOSTS: the digest journey's fake WeCom robot listens on 127.0.0.1.
  Object.assign(process.env, { DATABASE_PATH: E2E_DB, BASE_URL: `http://localhost:${E2E_PORT}`, DEMO_DATA: '0', WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  const db = prepareDatabase(openDatabase(E2E_DB));
  // Demo weeks end last week, so this week is still open for the entry journey.
  writeDemoData(generateDemoData({ weeks: 60, endWeek: addWeeks(currentWeekStart(), -1), seed: 7 }), { reset: false }, db);
  for (const u of Object.values(E2E_USERS)) await insertUser(u, db);
  db.$client.close();

  await serve({ port: E2E_PORT });
});
