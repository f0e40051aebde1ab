// kpi restore FILE: replace the database with a checked backup; the replaced one is kept beside it.
import { parseArgs } from 'node:util';
import { BackupError, restoreDatabase } from '@/db/queries/backup';
import { getEnv } from '@/lib/env';
import { UsageError } from '../lib/cli';
import { fail } from './io';

export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('restore takes one FILE.');
  const target = getEnv().DATABASE_PATH;
  try {
    const result = await restoreDatabase(positionals[0], target);
    const rows = Object.entries(result.tables).filter(([t]) => !t.startsWith('__')).map(([t, n]) => `${t} ${n}`).join(', ');
    console.log(`restored ${positionals[0]} into ${target}: ${rows}.`);
    const { endedSessions, revokedLinks, disabledUsers } = result.withdrawn;
    console.log(`access not brought back: ${endedSessions} sessions ended (everyone logs in again), ${revokedLinks} share links revoked or rotated since the backup, ${disabledUsers} users disabled since.`);
    if (result.previousCopy) console.log(`the database it replaced is kept at ${result.previousCopy}.`);
  } catch (error) {
    if (error instanceof BackupError) return fail(error.message);
    throw error;
  }
}
