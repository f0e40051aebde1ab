// The container build (README "Running in a container"): `NEXT_OUTPUT=standalone` writes Next's standalone
// server, which must serve Weekline with nothing but its own folder — the traced node_modules (better-sqlite3
// included) and the migrations it applies when it starts. Built into its own folder, started from a copy of
// that folder elsewhere, with a database of its own.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openDatabase } from '@/db/index';
import { freePort } from './fixtures/helpers';

const DIST = '.next-standalone';

/** `next build` with the standalone output into DIST; tsconfig.json is put back as it was (next build adds its types). */
function buildStandalone(): void {
  const tsconfig = path.join(process.cwd(), 'tsconfig.json');
  const before = fs.readFileSync(tsconfig, 'utf8');
  try {
    const result = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
      env: { ...process.env, NEXT_OUTPUT: 'standalone', NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`.slice(-3000)).toBe(0);
  } finally {
    if (fs.readFileSync(tsconfig, 'utf8') !== before) fs.writeFileSync(tsconfig, before);
  }
}

test('the standalone output serves on its own: migrates an empty database, serves the login page, its scripts and the CSP', async () => {
  test.setTimeout(600_000);
  buildStandalone();
  // What a container image holds: the standalone folder with the static files copied in, nowhere near the sources.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-standalone-'));
  const app = path.join(dir, 'app');
  fs.cpSync(path.join(DIST, 'standalone'), app, { recursive: true });
  fs.cpSync(path.join(DIST, 'static'), path.join(app, DIST, 'static'), { recursive: true });
  const port = await freePort('127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const db = path.join(dir, 'data', 'weekline.db');
  const child = spawn(process.execPath, ['server.js'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_PATH: db, BASE_URL: url, AUTH_SECRET: 'standalone-e2e-secret-0123456789abcdef', NEXT_TELEMETRY_DISABLED: '1' },
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  try {
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 60_000 })
      .toBe(200)
      .catch((error: unknown) => {
        throw new Error(`the standalone server did not answer /api/health:\n${out.slice(-3000)}`, { cause: error });
      });
    const login = await fetch(`${url}/login`);
    expect(login.status).toBe(200);
    expect(login.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    const html = await login.text();
    const scripts = [...html.matchAll(/<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await fetch(url + src)).status, src).toBe(200);
    // A protected page sends a visitor without a session to the login page.
    const overview = await fetch(`${url}/`, { redirect: 'manual' });
    expect(overview.status).toBe(307);
    expect(overview.headers.get('location')).toContain('/login');
    // The server brought the empty database to the latest migration when it started.
    const migrations = fs.readdirSync(path.join('db', 'migrations')).filter((f) => f.endsWith('.sql')).length;
    const opened = openDatabase(db);
    try {
      expect(opened.$client.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(migrations);
    } finally {
      opened.$client.close();
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
