// `npm run kpi -- notify …` as a script runs it, on a throwaway database, against a fake WeCom robot.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runKpi } from './run-cli';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../tests/digest/fake-providers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-notify-cli-'));
const DATABASE_PATH = path.join(dir, 'cli.db');
let wecom: FakeProvider;
beforeAll(async () => {
  wecom = await startFakeProvider('wecom');
});
afterAll(async () => {
  await wecom.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const kpi = (args: string[], extra: Record<string, string> = {}) => runKpi(args, { DATABASE_PATH, PORT: '3999', WEBHOOK_ALLOW_HOSTS: '127.0.0.1', ...extra });
const failing = (args: string[], extra: Record<string, string> = {}) =>
  kpi(args, extra).then(
    () => { throw new Error(`${args.join(' ')} should have failed`); },
    (error: { code: number; stderr: string; stdout: string }) => error,
  );

describe('kpi notify', () => {
  it('adds, lists (key masked), tests, delivers a published week and removes a channel', async () => {
    const key = new URL(wecom.url).searchParams.get('key')!;
    const added = await kpi(['notify', 'add', '--kind', 'wecom', '--url', wecom.url, '--label', 'Ops group']);
    expect(added.stdout).toMatch(/added channel 1/);
    expect(added.stdout + added.stderr).not.toContain(key);

    const listed = await kpi(['notify', 'list', '--json']);
    expect(listed.stdout).not.toContain(key);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id: 1, kind: 'wecom', label: 'Ops group', url: `http://${new URL(wecom.url).host}/…****${key.slice(-4)}` })]);

    expect((await kpi(['notify', 'test', '1'])).stdout).toMatch(/sent a test message/);
    expect(wecom.accepted.at(-1)?.text).toMatch(/Weekline 测试消息/);

    // Publish a week behind the CLI's back (any process): the trigger enqueues, `notify run` delivers.
    const db = new Database(DATABASE_PATH);
    db.prepare(`INSERT INTO weeks (week_start, status, version, published_at) VALUES ('2026-11-16', 'published', 1, 0)`).run();
    db.close();
    const ran = await kpi(['notify', 'run']);
    expect(ran.stdout).toMatch(/sent 1, will retry 0, failed 0/);
    expect(wecom.accepted.at(-1)?.text).toMatch(/\/s\/[A-Za-z0-9_-]{43}\/weeks\/2026-W47/);
    expect((await kpi(['notify', 'run'])).stdout).toMatch(/sent 0/);

    expect((await kpi(['notify', 'remove', '1'])).stdout).toMatch(/removed channel 1/);
    expect(JSON.parse((await kpi(['notify', 'list', '--json'])).stdout)).toEqual([]);
  }, 180_000);

  it('refuses a host outside the allow-list, http to a provider, a bad kind and an unknown id', async () => {
    const refused = await failing(['notify', 'add', '--kind', 'wecom', '--url', wecom.url, '--label', 'X'], { WEBHOOK_ALLOW_HOSTS: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--url: This host is not allowed/);
    expect(refused.stderr).not.toContain(new URL(wecom.url).searchParams.get('key')!);
    expect((await failing(['notify', 'add', '--kind', 'wecom', '--url', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', '--label', 'X'])).stderr).toMatch(/https/);
    const bad = await failing(['notify', 'add', '--kind', 'slack', '--url', 'x', '--label', '']);
    expect(bad.stderr).toMatch(/--kind/);
    expect(bad.stderr).toMatch(/--label/);
    expect((await failing(['notify', 'test', '99'])).stderr).toMatch(/no channel with id 99/);
    expect((await failing(['notify', 'add', '--kind', 'wecom', '--url', wecom.url, '--label', 'X'], { WEBHOOK_ALLOW_HOSTS: 'http://bad/' })).stderr).toMatch(/WEBHOOK_ALLOW_HOSTS must be comma-separated host names/);
  }, 180_000);
});
