// The prepare step of `npm start` (`tsx scripts/prepare.ts && next start`): migrate, seed a demo year into
// an empty database, create the first admin, build when needed, then exit so that Next's own server
// (`next start`) serves. Configuration errors stop here with one sentence; the server never needs tsx.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureFirstAdmin, seedDemoIfEmpty } from '@/db/bootstrap';
import { openDatabase } from '@/db/index';
import { prepareDatabase } from '@/db/setup';
import { getEnv } from '@/lib/env';
import { buildIsStale } from './lib/build-state';
import { runCli } from './lib/cli';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

void runCli(async () => {
  const env = getEnv();
  const db = prepareDatabase(openDatabase(env.DATABASE_PATH));
  const seeded = seedDemoIfEmpty(env, db);
  if (seeded) console.log(`weekline: seeded ${seeded} demo weeks into ${env.DATABASE_PATH} (DEMO_DATA=0 turns this off).`);
  const admin = await ensureFirstAdmin(env, db);
  db.$client.close();

  if (buildIsStale(root)) {
    console.log('weekline: building (first start or changed sources)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
    if (build.status !== 0) {
      console.error('weekline: the build failed; see the output above.');
      process.exit(build.status ?? 1);
    }
  }

  const url = env.BASE_URL ?? `http://localhost:${env.PORT}`;
  console.log(`\nweekline: starting the server (next start) on ${url}`);
  if (admin?.password) {
    console.log(`weekline: log in as ${admin.email} with password ${admin.password} (shown only this once).`);
  } else if (admin) {
    console.log(`weekline: log in as ${admin.email} with ADMIN_PASSWORD.`);
  } else {
    console.log('weekline: log in with your account (add users with `npm run kpi -- user create`).');
  }
});
