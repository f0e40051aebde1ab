// Promise: a restore killed at any moment (SIGKILL) leaves the live database as it was or as the backup,
// never half of each, and always sound — what db/queries/backup.ts says a running server will see.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase } from '@/db/queries/backup';
import { createFileDatabase, integrityCheck, openFile, recordFigure, sleep, spawnTs } from './helpers';

const ROUNDS = Number(process.env.RESTORE_ROUNDS ?? 20);
const RESTORER = path.join(process.cwd(), 'tests', 'reliability', 'workers', 'restorer.ts');

/** Fills the audit table so a copy takes long enough to be killed half-way. */
function fill(file: string, rows: number, marker: string) {
  const db = openFile(file);
  const insert = db.$client.prepare(`INSERT INTO revisions (entity, entity_id, action, "after", user_email) VALUES ('week', ?, 'update', ?, 'filler@reliability.test')`);
  db.$client.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`${marker}-${i}`, JSON.stringify({ pad: 'x'.repeat(200) }));
  })();
  db.$client.close();
}

function state(file: string): string {
  const db = openFile(file);
  const row = db.$client.prepare(`SELECT count(*) AS n, min(entity_id) AS first FROM revisions WHERE user_email = 'filler@reliability.test'`).get() as { n: number; first: string };
  db.$client.close();
  return `${row.n}:${String(row.first).split('-')[0]}`;
}

describe('restore killed part-way', () => {
  it(`leaves the old database or the backup, never a mix (${ROUNDS} SIGKILLs)`, async () => {
    const started = Date.now();
    const { dir, file: live } = createFileDatabase('restore');
    // The backup: 30,000 "new" rows; the live database: 20,000 "old" rows.
    const { file: source } = createFileDatabase('restore-src');
    fill(source, 30_000, 'new');
    const backup = path.join(dir, 'backup.db');
    const src = openFile(source);
    backupDatabase(src, backup);
    src.$client.close();
    fill(live, 20_000, 'old');
    const OLD = state(live);
    const pristine = path.join(dir, 'pristine.db');
    const liveDb = openFile(live);
    backupDatabase(liveDb, pristine);
    liveDb.$client.close();
    const NEW = '30000:new';

    // A first, uninterrupted restore measures how long one takes; the kills then land anywhere within it
    // (checking both files, copying the replaced one aside, the page copy itself, migrating).
    const calibration = spawnTs(RESTORER, [backup, live]);
    await calibration.ready;
    const t0 = Date.now();
    await calibration.exited;
    const fullMs = Date.now() - t0;
    expect(calibration.lines).toEqual(['done']);
    expect(state(live)).toBe(NEW);
    fs.copyFileSync(pristine, live);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });

    const outcomes: Record<string, number> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const before = state(live);
      const p = spawnTs(RESTORER, [backup, live]);
      await p.ready;
      // Spread evenly over the measured run, with jitter, so every phase gets its kills.
      await sleep(fullMs * ((round + Math.random()) / ROUNDS));
      p.child.kill('SIGKILL');
      await p.exited;
      expect(p.lines.filter((l) => l.startsWith('error'))).toEqual([]);
      expect(integrityCheck(live)).toBe('ok');
      const after = state(live);
      expect([before, NEW]).toContain(after);
      const finished = p.lines.includes('done');
      // What the restore had written when it died: the copy of the replaced database (".before-restore-", its
      // ".partial-" first) is made after both files passed their checks, just before the page copy.
      const artefacts = fs.readdirSync(dir).filter((f) => f.includes('.before-restore-') || f.includes('.partial-'));
      const outcome = finished
        ? 'finished'
        : after === NEW
          ? 'killed after the copy committed'
          : artefacts.length
            ? 'killed while writing, still old'
            : 'killed during the checks';
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      // Put the old database back for the next round, so kills keep landing in a real replacement.
      if (after === NEW) {
        fs.rmSync(live, { force: true });
        for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
        fs.copyFileSync(pristine, live);
      }
      for (const f of fs.readdirSync(dir).filter((f) => f.includes('.before-restore-') || f.includes('.partial-') || f.includes('.restoring-'))) fs.rmSync(path.join(dir, f), { force: true });
    }
    expect(state(live) === OLD || state(live) === NEW).toBe(true);
    console.log(`[reliability] restore kills: ${JSON.stringify(outcomes)}`);
    // The kills really landed inside restores that had started writing (not only before or after them).
    const midRestore = (outcomes['killed while writing, still old'] ?? 0) + (outcomes['killed after the copy committed'] ?? 0);
    expect(midRestore).toBeGreaterThanOrEqual(Math.ceil(ROUNDS / 4));
    expect(outcomes['killed while writing, still old'] ?? 0).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.dirname(source), { recursive: true, force: true });
    recordFigure('restore-crash', { rounds: ROUNDS, restoreMs: fullMs, outcomes, seconds: Math.round((Date.now() - started) / 1000) });
  }, 300_000);
});
