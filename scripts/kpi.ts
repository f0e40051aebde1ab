// npm run kpi -- <command>: scripting access to Weekline. Each command validates its arguments with zod.
import { runCli, UsageError } from './lib/cli';
import { userCommand } from './kpi/user';
import { backupCommand } from './kpi/backup';
import { exportCsvCommand } from './kpi/export-csv';
import { exportJsonCommand } from './kpi/export-json';
import { importCsvCommand } from './kpi/import-csv';
import { importReportCommand } from './kpi/import-report';
import { restoreCommand } from './kpi/restore';
import { shareCommand } from './kpi/share';

const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  user: userCommand,
  'import-report': importReportCommand,
  'import-csv': importCsvCommand,
  'export-csv': exportCsvCommand,
  'export-json': exportJsonCommand,
  backup: backupCommand,
  restore: restoreCommand,
  share: shareCommand,
};

const USAGE = `usage: npm run kpi -- <command>
  user create --email E --role admin|editor|viewer [--password P] [--name N]
  user list [--json]
  user disable --email E | user enable --email E
  import-report FILE [--dry-run] [--json] [--publish] [--allow-missing] [--reason R]
  import-csv FILE [--dry-run]
  export-csv [--out FILE] [--from W] [--to W] [--published-only]
  export-json --out FILE
  backup FILE
  restore FILE
  share create --label L [--expires 1d|7d|30d|90d|never] [--from W --to W]
  share list [--json]
  share revoke ID | share rotate ID`;

void runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(command ? `unknown command "${command}".\n${USAGE}` : USAGE);
  await run(rest);
});
