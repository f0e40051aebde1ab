// The outbox under process faults: two worker processes deliver the same outbox to local fake providers
// (each answering some requests with HTTP 500), first side by side, then while one is SIGKILLed at random
// moments and replaced.
//
// What it proves: with two live processes no message is sent twice (the lease); every message is delivered
// despite kills (a killed worker's lease runs out and another takes the row). What it cannot promise: a kill
// after the provider accepted a message and before the worker committed "sent" makes the message go out
// again (at-least-once at the network boundary). The test counts such duplicates and checks each one was
// accepted in the window just before a kill (the provider's answer + the commit), never elsewhere.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { addChannel } from '@/db/queries/channels';
import { saveWeek } from '@/db/queries/save-week';
import { outbox } from '@/db/schema';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { addWeeks } from '@/lib/weeks';
import { startFakeProvider, type FakeProvider } from '../digest/fake-providers';
import { createFileDatabase, integrityCheck, openFile, recordFigure, sleep, spawnTs, type Proc } from './helpers';

const NOTIFIER = 'tests/reliability/workers/notifier.ts';
// Vitest sets BASE_URL to "/" for Vite; an empty value means "not set" to the app's env check.
const spawnNotifier = (file: string) => spawnTs(NOTIFIER, [file, String(LEASE_MS)], { BASE_URL: '' });
const schema = weekEntrySchema(DEFAULT_METRICS);
const FULL = Object.fromEntries(DEFAULT_METRICS.filter((m) => m.required).map((m) => [m.key, { value: m.kind === 'count' ? '0' : m.kind === 'score' ? '600' : '99.99' }]));
const actor = { userId: 'u-writer', email: 'writer@reliability.test' };
const RESPONSE_DELAY_MS = 40;
const LEASE_MS = 1500;
const KILL_ROUNDS = Number(process.env.DIGEST_KILL_ROUNDS ?? 12);

const dirs: string[] = [];
const servers: FakeProvider[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const weekOf = (text: string) => /\/weeks\/(\d{4}-W\d{2})/.exec(text)?.[1] ?? 'none';

function counts(fakes: FakeProvider[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (const f of fakes) for (const a of f.accepted) seen.set(`${f.kind} ${weekOf(a.text)}`, [...(seen.get(`${f.kind} ${weekOf(a.text)}`) ?? []), a.at]);
  return seen;
}

async function setup(name: string, weeks: number, firstWeek: string) {
  const { dir, file } = createFileDatabase(name);
  dirs.push(dir);
  const db = openFile(file);
  const fakes = [await startFakeProvider('wecom', { perMinute: 100_000, responseDelayMs: RESPONSE_DELAY_MS }), await startFakeProvider('webhook', { responseDelayMs: RESPONSE_DELAY_MS })];
  servers.push(...fakes);
  for (const f of fakes) addChannel({ kind: f.kind, url: f.url, secret: f.secret, label: f.kind }, null, db);
  for (let i = 0; i < weeks; i++) {
    const r = saveWeek(schema.parse({ weekStart: addWeeks(firstWeek, i), baseVersion: 0, intent: 'publish', values: FULL }), actor, db);
    if (!r.ok) throw new Error('publish failed');
  }
  // Some sends fail with a 5xx first, so retries interleave with the kills.
  for (const f of fakes) f.force(...Array.from({ length: 6 }, () => ({ http: 500 })));
  return { db, file, fakes, total: weeks * fakes.length };
}

const pending = (db: ReturnType<typeof openFile>) => db.select({ status: outbox.status }).from(outbox).all().filter((r) => r.status !== 'sent').length;

async function started(proc: Proc): Promise<Proc> {
  await proc.ready;
  if (proc.child.exitCode !== null) throw new Error(`the worker did not start: ${proc.stderr.join('')}`);
  return proc;
}

async function waitDrained(db: ReturnType<typeof openFile>, timeoutMs: number, workers: () => Proc[]) {
  const until = Date.now() + timeoutMs;
  while (pending(db) > 0 && Date.now() < until) {
    const dead = workers().find((w) => w.child.exitCode !== null);
    if (dead) throw new Error(`a worker died on its own: ${dead.stderr.join('')}`);
    await sleep(100);
  }
}

describe('outbox delivery across processes', () => {
  it('two live workers never send a message twice', async () => {
    const { db, file, fakes, total } = await setup('digest-two', 30, '2025-01-06');
    const workers = [spawnNotifier(file), spawnNotifier(file)];
    await Promise.all(workers.map(started));
    await waitDrained(db, 120_000, () => workers);
    for (const w of workers) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    const seen = counts(fakes);
    expect(pending(db)).toBe(0);
    expect(seen.size).toBe(total);
    expect([...seen.values()].filter((ats) => ats.length > 1)).toEqual([]);
    expect(workers.every((w) => w.lines.some((l) => l.startsWith('round sent=')))).toBe(true);
    expect(integrityCheck(file)).toBe('ok');
    recordFigure('digest-outbox-two-workers', { messages: total, duplicates: 0 });
  }, 300_000);

  it('SIGKILLs of a worker lose nothing; a duplicate only ever comes from a kill between send and mark-sent', async () => {
    const { db, file, fakes, total } = await setup('digest-kill', 40, '2024-01-01');
    const kills: number[] = [];
    let victim: Proc = spawnNotifier(file);
    const steady = spawnNotifier(file);
    await Promise.all([started(victim), started(steady)]);
    for (let round = 0; round < KILL_ROUNDS && pending(db) > 0; round++) {
      await sleep(60 + Math.floor(Math.random() * 250));
      if (steady.child.exitCode !== null || victim.child.exitCode !== null) throw new Error(`a worker died on its own: ${[...steady.stderr, ...victim.stderr].join('')}`);
      victim.child.kill('SIGKILL');
      kills.push(Date.now());
      await victim.exited;
      victim = await started(spawnNotifier(file));
    }
    await waitDrained(db, 180_000, () => [victim, steady]);
    victim.child.kill('SIGKILL');
    steady.child.kill('SIGKILL');
    await Promise.all([victim.exited, steady.exited]);

    const seen = counts(fakes);
    expect(pending(db)).toBe(0);
    expect(seen.size).toBe(total); // every message delivered
    const duplicates = [...seen.entries()].filter(([, ats]) => ats.length > 1);
    // Each duplicate: first accepted, then a kill within the answer-and-commit window, then sent again.
    const WINDOW_MS = RESPONSE_DELAY_MS + 1000;
    // A message can be caught in that window by more than one kill: every extra delivery needs a kill of its own.
    let extra = 0;
    for (const [key, ats] of duplicates) {
      for (let i = 1; i < ats.length; i++) {
        expect(kills.some((k) => k >= ats[i - 1] && k - ats[i - 1] <= WINDOW_MS && k <= ats[i]), `${key} delivery ${i + 1}`).toBe(true);
        extra++;
      }
    }
    expect(extra).toBeLessThanOrEqual(kills.length);
    expect(integrityCheck(file)).toBe('ok');
    recordFigure('digest-outbox-kill', { messages: total, kills: kills.length, duplicates: duplicates.length });
    console.log(`digest outbox: ${total} messages, ${kills.length} SIGKILLs, ${duplicates.length} duplicates (each in the send→mark-sent window)`);
  }, 600_000);
});
