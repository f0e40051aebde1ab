// kpi backup FILE: a consistent copy of the database, safe while the server runs.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/index';
import { BackupError, backupDatabase } from '@/db/queries/backup';
import { getEnv } from '@/lib/env';
import { UsageError } from '../lib/cli';
import { fail } from './io';

export function backupCommand(args: string[]): void {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('backup takes one FILE.');
  const source = getEnv().DATABASE_PATH;
  // Opening a missing file would create an empty database and back that up.
  if (!fs.existsSync(source)) return fail(`there is no database at DATABASE_PATH=${source}.`);
  const db = openDatabase(source);
  try {
    const { bytes } = backupDatabase(db, positionals[0]);
    console.log(`backed up ${source} to ${positionals[0]} (${bytes} bytes, integrity checked).`);
  } catch (error) {
    if (error instanceof BackupError) return fail(error.message);
    throw error;
  } finally {
    db.$client.close();
  }
}
