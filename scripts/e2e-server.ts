// The server Playwright drives: the real production build on a throwaway database with demo data
// and one user per role.
import { spawn } from 'node:child_process';
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

void runCli(async () => {
  fs.rmSync(path.dirname(E2E_DB), { recursive: true, force: true });
  process.env.DATABASE_PATH = E2E_DB;
  const db = prepareDatabase(openDatabase(E2E_DB));
  // Demo weeks end last week, so this week is still open for the entry journey.
  writeDemoData(generateDemoData({ weeks: 60, endWeek: addWeeks(currentWeekStart(), -1), seed: 7 }), { reset: false }, db);
  for (const u of Object.values(E2E_USERS)) await insertUser(u, db);
  db.$client.close();

  const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const server = spawn(process.execPath, [nextBin, 'start', '-p', String(E2E_PORT)], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_PATH: E2E_DB, BASE_URL: `http://localhost:${E2E_PORT}`, DEMO_DATA: '0' },
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
});
