// npm run db:seed -- --weeks N [--seed S] [--reset]: N published demo weeks ending at this week.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { openDatabase } from '@/db/index';
import { writeDemoData } from '@/db/queries/demo';
import { countWeeks } from '@/db/queries/weeks';
import { prepareDatabase } from '@/db/setup';
import { generateDemoData } from '@/lib/demo-data';
import { getEnv } from '@/lib/env';
import { currentWeekStart } from '@/lib/weeks';
import { runCli, UsageError } from './lib/cli';

const argsSchema = z.object({
  weeks: z.coerce.number().int().min(1).max(2000).default(52),
  seed: z.coerce.number().int().default(42),
  reset: z.boolean().default(false),
});

void runCli(() => {
  const { values } = parseArgs({
    options: { weeks: { type: 'string' }, seed: { type: 'string' }, reset: { type: 'boolean' } },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`--weeks takes 1 to 2000 and --seed a whole number (${parsed.error.issues[0].message}).`);
  const { weeks, seed, reset } = parsed.data;
  const env = getEnv();
  const db = prepareDatabase(openDatabase(env.DATABASE_PATH));
  const existing = countWeeks(db);
  if (existing > 0 && !reset) {
    throw new UsageError(`${env.DATABASE_PATH} already holds ${existing} weeks; add --reset to replace them with demo data.`);
  }
  const started = performance.now();
  writeDemoData(generateDemoData({ weeks, endWeek: currentWeekStart(), seed }), { reset }, db);
  db.$client.close();
  console.log(`weekline: wrote ${weeks} demo weeks (seed ${seed}) to ${env.DATABASE_PATH} in ${Math.round(performance.now() - started)} ms.`);
});
