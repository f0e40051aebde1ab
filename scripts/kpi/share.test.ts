// The real command line, as a script runs it, on a throwaway database file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKpi } from './run-cli';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-share-cli-'));
const DATABASE_PATH = path.join(dir, 'cli.db');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const kpi = (args: string[], extra: Record<string, string> = {}) => runKpi(['share', ...args], { DATABASE_PATH, WEEK_NUMBERING: 'jan1', PORT: '3999', ...extra });

async function failing(args: string[]) {
  return kpi(args).then(
    () => { throw new Error(`share ${args.join(' ')} should have failed`); },
    (error: { code: number; stderr: string }) => error,
  );
}

const URL_RE = /^http:\/\/localhost:3999\/s\/([A-Za-z0-9_-]{43})$/;

describe('kpi share', () => {
  it('creates, lists, rotates and revokes links, printing each URL once', async () => {
    const created = (await kpi(['create', '--label', 'Audit 2026', '--expires', '7d', '--from', '2026-W01', '--to', '2026-W10'])).stdout.trim();
    const token = URL_RE.exec(created)?.[1];
    expect(token).toBeDefined();
    expect((await kpi(['create', '--label', 'Elsewhere', '--expires', 'never', '--as', 'reported'], { BASE_URL: 'https://kpi.example.com' })).stdout.trim()).toMatch(/^https:\/\/kpi\.example\.com\/s\/[A-Za-z0-9_-]{43}$/);

    const listed = JSON.parse((await kpi(['list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(listed).toHaveLength(2);
    const audit = listed.find((l) => l.label === 'Audit 2026')!;
    expect(Object.keys(audit)).toEqual(['id', 'label', 'createdAt', 'expiresAt', 'lastUsedAt', 'views', 'revoked']);
    expect(audit).toMatchObject({ lastUsedAt: null, views: 0, revoked: false });
    expect(Date.parse(audit.expiresAt as string) - Date.parse(audit.createdAt as string)).toBe(7 * 86_400_000);
    expect(listed.find((l) => l.label === 'Elsewhere')?.expiresAt).toBeNull();

    const rotated = (await kpi(['rotate', String(audit.id)])).stdout.trim();
    expect(URL_RE.exec(rotated)?.[1]).not.toBe(token);
    expect((await kpi(['revoke', String(audit.id)])).stdout).toMatch(/revoked share link/);
    const after = JSON.parse((await kpi(['list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(after.find((l) => l.id === audit.id)?.revoked).toBe(true);
    expect((await failing(['rotate', String(audit.id)])).stderr).toMatch(/revoked/);

    const db = new Database(DATABASE_PATH, { readonly: true });
    // What each link shows by default (issue 14): --as reported, or current when not given.
    expect(db.prepare('select label, as_of from share_links order by id').all()).toEqual([{ label: 'Audit 2026', as_of: 'current' }, { label: 'Elsewhere', as_of: 'reported' }]);
    const dump = JSON.stringify(db.prepare('select * from share_links').all()) + JSON.stringify(db.prepare('select * from revisions').all());
    db.close();
    for (const url of [created, rotated]) expect(dump).not.toContain(URL_RE.exec(url)![1]);
  }, 120_000);

  it('refuses bad arguments with a usage error', async () => {
    const bad = await failing(['create', '--label', 'X', '--expires', '2d', '--from', 'someday', '--as', 'sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as/);
    expect(bad.stderr).toMatch(/--expires/);
    expect(bad.stderr).toMatch(/--from/);
    expect((await failing(['create', '--expires', '7d'])).stderr).toMatch(/--label/);
    expect((await failing(['revoke', 'abc'])).code).toBe(2);
    expect((await failing(['revoke', '4242'])).stderr).toMatch(/no share link/);
    expect((await failing(['frobnicate'])).stderr).toMatch(/share takes create/);
  }, 120_000);
});
