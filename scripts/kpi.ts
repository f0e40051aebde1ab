// npm run kpi -- <command>: scripting access to Weekline. Each command validates its arguments with zod.
import { runCli, UsageError } from './lib/cli';
import { COMMANDS, USAGE } from './kpi/commands';

void runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(command ? `unknown command "${command}".\n${USAGE}` : USAGE);
  await run(rest);
});
