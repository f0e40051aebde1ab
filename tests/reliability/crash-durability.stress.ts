// Promise: a save the product acknowledged survives the writer being killed at any moment (SIGKILL),
// and the database file stays sound. Several writers share a few weeks, so saves also race each other.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileDatabase, integrityCheck, openFile, recordFigure, sleep, spawnTs, WRITER, type Proc } from './helpers';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 60);
const WRITERS = 3;
const MIN_ACKS = 1000;
const WEEKS = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22'];

interface Ack {
  week: string;
  version: number;
  token: number;
}

describe('crash durability', () => {
  it(`keeps every acknowledged save across ${ROUNDS} rounds of SIGKILLed writers`, async () => {
    const started = Date.now();
    const { dir, file } = createFileDatabase('crash');
    const acks: Ack[] = [];
    const errors: string[] = [];
    let refusals = 0;
    let kills = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const procs: Proc[] = Array.from({ length: WRITERS }, (_, i) => spawnTs(WRITER, ['crash', file, String(round * WRITERS + i + 1), WEEKS.join(',')]));
      await Promise.all(procs.map((p) => p.ready));
      // Each writer dies at its own random moment, mid-save or between saves.
      await Promise.all(
        procs.map(async (p) => {
          await sleep(40 + Math.random() * 500);
          if (p.child.exitCode === null) {
            p.child.kill('SIGKILL');
            kills++;
          }
          await p.exited;
        }),
      );
      for (const p of procs) {
        for (const line of p.lines) {
          const [kind, ...parts] = line.split(' ');
          if (kind === 'ack') acks.push({ week: parts[0], version: Number(parts[1]), token: Number(parts[2]) });
          else if (kind === 'refused') refusals++;
          else errors.push(line);
        }
        errors.push(...p.stderr.filter((s) => s.trim()));
      }
    }

    expect(errors).toEqual([]);
    expect(integrityCheck(file)).toBe('ok');
    const db = openFile(file);
    const sqlite = db.$client;
    const stored = sqlite.prepare(`SELECT "after" FROM revisions WHERE week_start = ? AND week_version = ? AND metric_key = 'health_score'`);
    const missing = acks.filter((a) => {
      const row = stored.get(a.week, a.version) as { after: string } | undefined;
      return !row || JSON.parse(row.after).value !== a.token;
    });
    expect(missing).toEqual([]);
    // Two acknowledgements for one week version would mean a lost update.
    expect(new Set(acks.map((a) => `${a.week}@${a.version}`)).size).toBe(acks.length);
    for (const week of WEEKS) {
      const newest = Math.max(0, ...acks.filter((a) => a.week === week).map((a) => a.version));
      const current = sqlite.prepare('SELECT version FROM weeks WHERE week_start = ?').pluck().get(week) as number | undefined;
      expect(current ?? 0).toBeGreaterThanOrEqual(newest);
    }
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });

    expect(acks.length).toBeGreaterThanOrEqual(MIN_ACKS);
    recordFigure('crash-durability', { rounds: ROUNDS, writers: WRITERS, kills, acknowledgedSaves: acks.length, conflictsRetried: refusals, lost: missing.length, seconds: Math.round((Date.now() - started) / 1000) });
  }, 600_000);
});
