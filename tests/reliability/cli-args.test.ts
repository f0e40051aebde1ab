// Promise: any argv given to `npm run kpi` ends in a clear one-sentence error (what runCli prints for
// UsageError, ConfigError and parseArgs errors) or in the command's result — never a stack trace — and a
// refused command leaves the database unchanged. The commands run in-process against a temp database file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '@/db/index';
import { prepareDatabase } from '@/db/setup';
import { ConfigError } from '@/lib/env';
import { COMMANDS } from '@/scripts/kpi/commands';
import { UsageError } from '@/scripts/lib/cli';
import { fingerprint } from './fingerprint';

const RUNS = Number(process.env.CLI_RUNS ?? 400);

const root = process.cwd();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-rel-cli-'));
const file = path.join(dir, 'weekline.db');
let db: Db;

vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');
vi.stubEnv('DATABASE_PATH', file);
// No channel URL passes the allow-list here, so nothing is ever sent anywhere.
vi.stubEnv('WEBHOOK_ALLOW_HOSTS', '');

beforeAll(() => {
  // The commands find the migrations under the working directory; every file they write lands in `dir`.
  fs.mkdirSync(path.join(dir, 'db'));
  fs.symlinkSync(path.join(root, 'db', 'migrations'), path.join(dir, 'db', 'migrations'));
  fs.writeFileSync(path.join(dir, 'good.csv'), 'week,health_score\n2024-01-01,500\n');
  fs.writeFileSync(path.join(dir, 'bad.csv'), 'week,health_score\n2024-13-01,abc\n');
  fs.writeFileSync(path.join(dir, 'report.md'), '# 周报 2024-W02\n- 健康分：512\n');
  fs.writeFileSync(path.join(dir, 'garbage.db'), 'not a database');
  fs.mkdirSync(path.join(dir, 'a-folder'));
  process.chdir(dir);
  db = prepareDatabase(openDatabase(file));
  (globalThis as unknown as { weeklineDb?: Db }).weeklineDb = db;
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  checkActorDefect();
});

afterAll(() => {
  process.chdir(root);
  vi.restoreAllMocks();
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What runCli turns into "weekline: <sentence>" rather than a crash. */
function isClearError(error: unknown): boolean {
  if (error instanceof UsageError || error instanceof ConfigError) return true;
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  return code.startsWith('ERR_PARSE_ARGS') && error instanceof Error;
}

const fileArg = fc.constantFrom('good.csv', 'bad.csv', 'report.md', 'garbage.db', 'a-folder', 'missing.csv', 'out/new.db', 'backup.db', '');
const token = fc.oneof(
  { arbitrary: fc.constantFrom('create', 'list', 'disable', 'enable', 'delete', 'add', 'test', 'remove', 'run', '1'), weight: 2 },
  // notify: kinds, URLs the allow-list refuses (nothing may be sent from this test) and secrets.
  { arbitrary: fc.constantFrom('--kind', 'wecom', 'feishu', '--url', 'https://hooks.example.com/x', 'http://127.0.0.1/x', '--label', '--secret'), weight: 2 },
  { arbitrary: fc.constantFrom('--email', '--role', '--password', '--name', '--json', '--dry-run', '--publish', '--allow-missing', '--reason', '--out', '--from', '--to', '--published-only', '--week', '--lang', '--', '-x', '--email='), weight: 4 },
  { arbitrary: fc.constantFrom('a@b.co', 'admin@weekline.local', 'not-an-email', 'admin', 'editor', 'viewer', 'root', 'long-enough-password', 'short', '2024-W02', '2024-01-08', '2024-W99', '2025-01-01', 'zh', 'en', 'x'.repeat(300)), weight: 3 },
  { arbitrary: fileArg, weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }).filter((s) => !s.includes('/') && !s.includes('\\') && !s.startsWith('.')), weight: 1 },
);
const argv = fc.tuple(fc.constantFrom(...Object.keys(COMMANDS)), fc.array(token, { maxLength: 6 }));

let actorDefect: { csv: boolean; report: boolean } = { csv: false, report: false };

/** Runs before the actor exists: does a refused import create it? */
function checkActorDefect() {
  const users = () => db.$client.prepare('SELECT count(*) FROM user').pluck().get();
  const before = users();
  try {
    COMMANDS['import-csv'](['garbage.db']);
  } catch {
    // refused, as it should be
  }
  actorDefect = { ...actorDefect, csv: users() !== before };
  db.$client.prepare('DELETE FROM user').run();
  process.exitCode = undefined;
  COMMANDS['import-report'](['garbage.db']);
  actorDefect = { ...actorDefect, report: users() !== before };
  db.$client.prepare('DELETE FROM user').run();
  process.exitCode = undefined;
}

describe('bad input: the kpi CLI', () => {
  // Found by this test: the imports used to create their CLI user before checking the file.
  it('a refused import-csv / import-report creates no user row', () => {
    expect(actorDefect).toEqual({ csv: false, report: false });
  });

  it(`${RUNS} generated argv: a clear error or a result, never a crash; refusals write nothing`, async () => {
    const tally = { ok: 0, clearError: 0, failed: 0 };
    const crashes: string[] = [];
    await fc.assert(
      fc.asyncProperty(argv, async ([command, args]) => {
        const before = fingerprint(db.$client);
        process.exitCode = undefined;
        try {
          await COMMANDS[command](args);
          if (process.exitCode) {
            tally.failed++;
            expect(fingerprint(db.$client)).toBe(before);
          } else tally.ok++;
        } catch (error) {
          if (!isClearError(error)) {
            crashes.push(`${command} ${JSON.stringify(args)}: ${String(error)}`);
            throw error;
          }
          tally.clearError++;
          expect((error as Error).message.length).toBeGreaterThan(0);
          expect(fingerprint(db.$client)).toBe(before);
        }
      }),
      {
        numRuns: RUNS,
        // The cases people hit: a folder where a file belongs, a non-database, a backup then its restore.
        examples: [
          [['export-json', ['--out', 'a-folder']]],
          [['export-csv', ['--out', 'a-folder']]],
          [['import-csv', ['a-folder']]],
          [['import-report', ['a-folder']]],
          [['backup', ['a-folder']]],
          [['restore', ['garbage.db']]],
          [['restore', ['a-folder']]],
          [['backup', ['backup.db']]],
          [['restore', ['backup.db']]],
          [['export-csv', ['--from', '2024-W99']]],
          [['user', ['create', '--email', 'a@b.co', '--role', 'root']]],
        ],
      },
    );
    process.exitCode = undefined;
    expect(crashes).toEqual([]);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    process.stderr.write(`[reliability] kpi CLI: ${JSON.stringify(tally)}\n`);
  }, 120_000);
});
