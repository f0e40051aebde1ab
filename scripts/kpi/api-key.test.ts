// The real command line, as a script runs it, on a throwaway database file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKpi } from './run-cli';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '@/lib/api/key';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-api-key-cli-'));
const DATABASE_PATH = path.join(dir, 'cli.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kpi = (args: string[]) => runKpi(['api-key', ...args], { DATABASE_PATH, WEEK_NUMBERING: 'jan1', PORT: '3999' });

async function failing(args: string[]) {
  return kpi(args).then(
    () => { throw new Error(`api-key ${args.join(' ')} should have failed`); },
    (error: { code: number; stderr: string }) => error,
  );
}

const KEY_RE = /^wl_[A-Za-z0-9_-]{43}$/;

describe('kpi api-key', () => {
  it('creates (printing the key once), lists and revokes keys; only the hash is stored', async () => {
    const created = await kpi(['create', '--label', 'Grafana', '--scopes', 'kpi:write,kpi:read', '--expires', '30d']);
    const key = created.stdout.trim();
    expect(key).toMatch(KEY_RE);
    expect(created.stderr).toMatch(/shown once; expires \d{4}-/);
    expect((await kpi(['create', '--label', 'Publisher', '--scopes', 'report:publish', '--expires', 'never'])).stdout.trim()).toMatch(KEY_RE);

    const listed = JSON.parse((await kpi(['list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(listed).toHaveLength(2);
    const grafana = listed.find((k) => k.label === 'Grafana')!;
    expect(Object.keys(grafana)).toEqual(['id', 'label', 'prefix', 'scopes', 'createdAt', 'expiresAt', 'lastUsedAt', 'state']);
    expect(grafana).toMatchObject({ prefix: key.slice(0, 11), scopes: ['kpi:write', 'kpi:read'], lastUsedAt: null, state: 'active' });
    expect(Date.parse(grafana.expiresAt as string) - Date.parse(grafana.createdAt as string)).toBe(30 * 86_400_000);
    expect(listed.find((k) => k.label === 'Publisher')?.expiresAt).toBeNull();
    expect((await kpi(['list'])).stdout).toContain(`${key.slice(0, 11)}…`);
    expect((await kpi(['list'])).stdout).not.toContain(key);

    expect((await kpi(['revoke', String(grafana.id)])).stdout).toMatch(/revoked API key/);
    expect((await kpi(['revoke', String(grafana.id)])).stdout).toMatch(/already revoked/);
    const after = JSON.parse((await kpi(['list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(after.find((k) => k.id === grafana.id)?.state).toBe('revoked');

    const db = new Database(DATABASE_PATH, { readonly: true });
    const dump = JSON.stringify(db.prepare('select * from api_keys').all()) + JSON.stringify(db.prepare('select * from revisions').all());
    const audit = db.prepare(`select action, reason, user_email from revisions where entity = 'api_key' order by id`).all();
    db.close();
    expect(dump).not.toContain(key);
    expect(dump).toContain(hashApiKey(key));
    expect(audit).toEqual([
      { action: 'create', reason: null, user_email: 'cli' },
      { action: 'create', reason: null, user_email: 'cli' },
      { action: 'update', reason: 'revoke', user_email: 'cli' },
    ]);
  }, 120_000);

  it('refuses bad arguments with a usage error naming each flag', async () => {
    const bad = await failing(['create', '--label', '', '--scopes', 'kpi:delete', '--expires', '2w']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--label/);
    expect(bad.stderr).toMatch(/--scopes/);
    expect((await failing(['create', '--label', 'X'])).stderr).toMatch(/--scopes/);
    expect((await failing(['create', '--label', 'X', '--scopes', 'kpi:read', '--expires', '0d'])).stderr).toMatch(/--expires/);
    expect((await failing(['revoke', 'abc'])).code).toBe(2);
    expect((await failing(['revoke', '4242'])).stderr).toMatch(/no API key/);
    expect((await failing(['frobnicate'])).stderr).toMatch(/api-key takes create/);
  }, 120_000);
});
