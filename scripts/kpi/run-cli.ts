// The command line as a user runs it, for the CLI tests: `npx tsx scripts/kpi.ts …` from the repository root,
// with the test's own environment (its database, above all). Vitest's BASE_URL is dropped: the CLI would take
// it for the app's address.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

export function runKpi(args: string[], env: Record<string, string>) {
  const { BASE_URL: _vite, ...inherited } = process.env;
  return run('npx', ['tsx', 'scripts/kpi.ts', ...args], { cwd: ROOT, env: { ...inherited, DEMO_DATA: '0', ...env }, timeout: 60_000 });
}
