// `npm start` itself, as a newcomer runs it: on an empty database in a temp folder, with its own port. It must
// print a first-admin password that works, honour ADMIN_EMAIL / ADMIN_PASSWORD, seed the demo year, and
// leave the database empty with DEMO_DATA=0. Runs after the build (`npm test` builds before the browser
// tests), so start reuses it; each server is bounded in time and killed, with its whole process group.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, request as newRequest, test } from '@playwright/test';
import { openDatabase } from '@/db/index';
import { actionIds, encodeAction, SESSION_COOKIE } from '@/tests/reliability/e2e/http';
import { freePort } from './fixtures/helpers';

const START_TIMEOUT_MS = 90_000;

interface Started {
  url: string;
  dir: string;
  db: string;
  output: () => string;
  stop: () => Promise<void>;
  pid: number;
}

/** Runs the real `npm start` until it prints that it serves (or fails, or the time runs out). */
async function npmStart(env: Record<string, string>): Promise<Started> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-npm-start-'));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const db = path.join(dir, 'weekline.db');
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: process.cwd(),
    // Its own process group, so the server under npm → tsx → node is stopped with it.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), BASE_URL: url, DATABASE_PATH: db, ADMIN_EMAIL: '', ADMIN_PASSWORD: '', DEMO_DATA: '', WEEK_NUMBERING: '', ...env },
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (out += c));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
    const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    if (!killed) {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  let ended = false;
  void exited.then(() => (ended = true));
  // The prepare step announces the server (`scripts/prepare.ts`); then Next must answer.
  while (!/weekline: starting the server /.test(out) || !(await healthy(url))) {
    if (ended || Date.now() > deadline) {
      await stop();
      throw new Error(`npm start did not serve within ${START_TIMEOUT_MS / 1000}s${ended ? ' (it exited)' : ''}:\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, dir, db, output: () => out, stop, pid: child.pid! };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}

/** Logs in through the real login action, from the server's own origin; the session cookie or null. */
async function login(url: string, email: string, password: string): Promise<string | null> {
  const ctx = await newRequest.newContext({ baseURL: url });
  try {
    const { contentType, body } = encodeAction({ form: { email, password, next: '/' } });
    const res = await ctx.post('/login', {
      headers: { 'next-action': actionIds().get('app/login/actions.ts#loginAction')!, accept: 'text/x-component', 'content-type': contentType, origin: url },
      data: body,
      maxRedirects: 0,
    });
    const cookie = res.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${SESSION_COOKIE}=`));
    const token = cookie ? decodeURIComponent(cookie.value.slice(SESSION_COOKIE.length + 1).split(';')[0]) : '';
    return token || null;
  } finally {
    await ctx.dispose();
  }
}

async function overview(url: string, token: string): Promise<{ status: number; html: string }> {
  const res = await fetch(`${url}/`, { headers: { cookie: `${SESSION_COOKIE}=${token}; weekline.lang=en` }, redirect: 'manual' });
  return { status: res.status, html: await res.text() };
}

/** The overview's status over a fresh connection each time, so the cluster hands every request to the next process. */
function overviewOnNewConnection(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}/`, { agent: false, headers: { cookie: `${SESSION_COOKIE}=${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

/** The `next start` processes of the server's process group (Next names its process `next-server`), from /proc. */
function serverProcesses(group: number): number {
  let count = 0;
  for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp === group && fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('next-server')) count++;
    } catch {
      // the process ended meanwhile
    }
  }
  return count;
}

function weekCount(file: string): number {
  const db = openDatabase(file);
  try {
    return db.$client.prepare('SELECT count(*) FROM weeks').pluck().get() as number;
  } finally {
    db.$client.close();
  }
}

test.describe('npm start', () => {
  test.describe.configure({ timeout: 3 * START_TIMEOUT_MS });

  test('on an empty database: seeds the demo year and prints a first-admin password that logs in', async () => {
    const server = await npmStart({});
    try {
      const printed = /log in as (\S+) with password (\S+) \(shown only this once\)/.exec(server.output());
      expect(printed, server.output()).not.toBeNull();
      const [, email, password] = printed!;
      expect(email).toBe('admin@weekline.local');
      expect(server.output()).toMatch(/seeded 52 demo weeks/);
      expect(weekCount(server.db)).toBe(52);

      expect(await login(server.url, email, 'not-the-password')).toBeNull();
      const token = await login(server.url, email, password);
      expect(token).not.toBeNull();
      const page = await overview(server.url, token!);
      expect(page.status).toBe(200);
      expect(page.html).toContain('Latest week');
      expect(page.html).not.toContain('No published week yet');
    } finally {
      await server.stop();
    }
  });

  test('honours ADMIN_EMAIL and ADMIN_PASSWORD, and DEMO_DATA=0 leaves the database empty', async () => {
    const server = await npmStart({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'a-long-admin-password-1', DEMO_DATA: '0' });
    try {
      expect(server.output()).toContain('log in as boss@example.com with ADMIN_PASSWORD.');
      expect(server.output()).not.toMatch(/with password \S+/);
      expect(server.output()).not.toContain('seeded');
      expect(weekCount(server.db)).toBe(0);
      expect(await login(server.url, 'admin@weekline.local', 'a-long-admin-password-1')).toBeNull();
      const token = await login(server.url, 'boss@example.com', 'a-long-admin-password-1');
      expect(token).not.toBeNull();
      const page = await overview(server.url, token!);
      expect(page.status).toBe(200);
      expect(page.html).toContain('No published week yet');
    } finally {
      await server.stop();
    }
  });

  test('WEB_CONCURRENCY=3 serves from three processes; a session is honoured by each, and ended in each at once', async () => {
    const server = await npmStart({ ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'a-long-admin-password-1', WEB_CONCURRENCY: '3' });
    try {
      expect(server.output()).toContain('weekline: 3 server processes');
      await expect.poll(() => serverProcesses(server.pid)).toBe(3);
      const token = await login(server.url, 'boss@example.com', 'a-long-admin-password-1');
      expect(token).not.toBeNull();
      // Nine new connections: the cluster hands them out in turn, so every process answers some.
      const signedIn = [];
      for (let i = 0; i < 9; i++) signedIn.push(await overviewOnNewConnection(server.url, token!));
      expect(signedIn).toEqual(new Array(9).fill(200));
      // A sign-out anywhere deletes the session row: no process remembers it.
      const db = openDatabase(server.db);
      db.$client.prepare('DELETE FROM session').run();
      db.$client.close();
      const signedOut = [];
      for (let i = 0; i < 9; i++) signedOut.push(await overviewOnNewConnection(server.url, token!));
      expect(signedOut.every((status) => status === 307 || status === 303)).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
