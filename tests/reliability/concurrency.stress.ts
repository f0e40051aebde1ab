// Promise: 50 saves of the same week at the same version from several processes at once. When they all
// change the same field, exactly one wins and every other one is told "conflict" (the three-way merge finds
// a real conflict); when each changes a different field, every one merges and wins with a version of its
// own. Nobody ever sees "database is locked" (SQLITE_BUSY).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFileDatabase, integrityCheck, openFile, recordFigure, spawnTs, WRITER } from './helpers';

const PROCESSES = 10;
const SAVES_EACH = 5;
const REPEATS = Number(process.env.RACE_REPEATS ?? 3);
const WEEK = '2024-03-04';

describe('concurrent saves of one week', () => {
  it(`${PROCESSES * SAVES_EACH} saves at one version: one winner, ${PROCESSES * SAVES_EACH - 1} conflicts, no SQLITE_BUSY (x${REPEATS})`, async () => {
    const started = Date.now();
    const { dir, file } = createFileDatabase('race');
    const db = openFile(file);
    // The first repeat races the insert of a new week, the later ones the update of an existing one.
    let version = 0;
    const figures: { winners: number; conflicts: number; errors: number }[] = [];
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const procs = Array.from({ length: PROCESSES }, (_, i) => spawnTs(WRITER, ['race', file, String(i + 1), WEEK, String(version), String(SAVES_EACH)]));
      await Promise.all(procs.map((p) => p.ready));
      for (const p of procs) p.child.stdin!.write('go\n');
      const results = await Promise.all(procs.map(async (p) => ({ exit: await p.exited, lines: p.lines, stderr: p.stderr.join('') })));
      const lines = results.flatMap((r) => r.lines);
      const winners = lines.filter((l) => l.startsWith('won '));
      const conflicts = lines.filter((l) => l === 'refused conflict');
      const errors = lines.filter((l) => !l.startsWith('won ') && l !== 'refused conflict');
      expect(results.map((r) => r.stderr)).toEqual(results.map(() => ''));
      expect(errors).toEqual([]);
      expect(lines.join('\n')).not.toMatch(/locked|BUSY/i);
      expect(winners).toEqual([`won ${version + 1}`]);
      expect(conflicts).toHaveLength(PROCESSES * SAVES_EACH - 1);
      figures.push({ winners: winners.length, conflicts: conflicts.length, errors: errors.length });
      version++;
    }
    const stored = db.$client.prepare('SELECT version FROM weeks WHERE week_start = ?').pluck().get(WEEK);
    expect(stored).toBe(REPEATS);
    // One audit row per version: the losers wrote nothing.
    const audited = db.$client.prepare(`SELECT count(*) FROM revisions WHERE week_start = ? AND metric_key = 'health_score'`).pluck().get(WEEK);
    expect(audited).toBe(REPEATS);
    db.$client.close();
    expect(integrityCheck(file)).toBe('ok');
    fs.rmSync(dir, { recursive: true, force: true });
    recordFigure('concurrency', { processes: PROCESSES, savesPerRepeat: PROCESSES * SAVES_EACH, repeats: REPEATS, figures, seconds: Math.round((Date.now() - started) / 1000) });
  }, 300_000);

  it(`${PROCESSES * SAVES_EACH} saves at one version, each adding its own event: all ${PROCESSES * SAVES_EACH} merge and win, nothing lost`, async () => {
    const { dir, file } = createFileDatabase('race-add');
    const week = '2024-03-11';
    const procs = Array.from({ length: PROCESSES }, (_, i) => spawnTs(WRITER, ['race-add', file, String(i + 1), week, '0', String(SAVES_EACH)]));
    await Promise.all(procs.map((p) => p.ready));
    for (const p of procs) p.child.stdin!.write('go\n');
    const results = await Promise.all(procs.map(async (p) => ({ exit: await p.exited, lines: p.lines, stderr: p.stderr.join('') })));
    const lines = results.flatMap((r) => r.lines);
    expect(results.map((r) => r.stderr)).toEqual(results.map(() => ''));
    expect(lines.join('\n')).not.toMatch(/locked|BUSY/i);
    const total = PROCESSES * SAVES_EACH;
    // Every save won, each with its own version 1..50: no two were applied on the same version.
    expect(lines.filter((l) => !l.startsWith('won '))).toEqual([]);
    expect(new Set(lines).size).toBe(total);
    expect(lines.map((l) => Number(l.slice(4))).sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const db = openFile(file);
    const sqlite = db.$client;
    expect(sqlite.prepare('SELECT version FROM weeks WHERE week_start = ?').pluck().get(week)).toBe(total);
    expect(sqlite.prepare('SELECT count(DISTINCT title) FROM incidents WHERE week_start = ?').pluck().get(week)).toBe(total);
    expect(sqlite.prepare(`SELECT count(*) FROM revisions WHERE week_start = ? AND entity = 'incident' AND action = 'create'`).pluck().get(week)).toBe(total);
    sqlite.close();
    expect(integrityCheck(file)).toBe('ok');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
