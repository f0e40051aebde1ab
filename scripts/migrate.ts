import { openDatabase } from '@/db/index';
import { prepareDatabase } from '@/db/setup';
import { getEnv } from '@/lib/env';
import { runCli } from './lib/cli';

void runCli(() => {
  const env = getEnv();
  prepareDatabase(openDatabase(env.DATABASE_PATH)).$client.close();
  console.log(`weekline: ${env.DATABASE_PATH} is at the latest migration.`);
});
