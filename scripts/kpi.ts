// npm run kpi -- <command>: scripting access to Weekline. Each command validates its arguments with zod.
import { runCli, UsageError } from './lib/cli';
import { userCommand } from './kpi/user';

const COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
  user: userCommand,
};

const USAGE = `usage: npm run kpi -- <command>
  user create --email E --role admin|editor|viewer [--password P] [--name N]
  user list [--json]
  user disable --email E | user enable --email E`;

void runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(command ? `unknown command "${command}".\n${USAGE}` : USAGE);
  await run(rest);
});
