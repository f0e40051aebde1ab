// Shared by the command-line scripts: configuration errors become one sentence and exit code 1.
import { ConfigError } from '@/lib/env';

export async function runCli(main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      console.error(`weekline: ${error.message}`);
      process.exit(error instanceof UsageError ? 2 : 1);
    }
    const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
    if (code.startsWith('ERR_PARSE_ARGS') && error instanceof Error) {
      console.error(`weekline: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}
