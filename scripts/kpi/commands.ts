// Every `npm run kpi` command, by name: the CLI dispatches through this table and the fuzz tests walk it.
import { apiKeyCommand } from './api-key';
import { userCommand } from './user';
import { backupCommand } from './backup';
import { exportCsvCommand } from './export-csv';
import { exportJsonCommand } from './export-json';
import { exportReportCommand } from './export-report';
import { importCsvCommand } from './import-csv';
import { importReportCommand } from './import-report';
import { restoreCommand } from './restore';
import { shareCommand } from './share';
import { notifyCommand } from './notify';

export const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  user: userCommand,
  'import-report': importReportCommand,
  'import-csv': importCsvCommand,
  'export-csv': exportCsvCommand,
  'export-json': exportJsonCommand,
  'export-report': exportReportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  share: shareCommand,
  'api-key': apiKeyCommand,
  notify: notifyCommand,
};

export const USAGE = `usage: npm run kpi -- <command>
  user create --email E --role admin|editor|viewer [--password P] [--name N]
  user list [--json]
  user disable --email E | user enable --email E
  import-report FILE [--dry-run] [--json] [--publish] [--allow-missing] [--reason R]
  import-csv FILE [--dry-run]
  export-csv [--out FILE] [--from W] [--to W] [--published-only]
  export-json --out FILE
  export-report --week W [--lang zh|en] [--out FILE]
  backup FILE
  restore FILE
  share create --label L [--expires 1d|7d|30d|90d|never] [--from W --to W]
  share list [--json]
  share revoke ID | share rotate ID
  api-key create --label L --scopes kpi:write[,kpi:read][,report:publish] [--expires 90d|never]
  api-key list [--json]
  api-key revoke ID
  notify add --kind wecom|dingtalk|feishu|webhook --url URL [--secret S] --label L
  notify list [--json] | notify test ID | notify remove ID | notify run`;
