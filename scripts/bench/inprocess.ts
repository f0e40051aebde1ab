// The benchmark's in-process figures, on throwaway file databases (WAL, synchronous=FULL, as served):
// saving a week through the real write path, importing ten years of CSV, parsing a weekly report.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '@/db/index';
import { listMetrics } from '@/db/queries/catalogue';
import { writeDemoData } from '@/db/queries/demo';
import { importCsv } from '@/db/queries/import-csv';
import { getStoredWeek } from '@/db/queries/import-week';
import { saveWeek, type Actor } from '@/db/queries/save-week';
import { getWeekNumbering } from '@/db/queries/settings';
import { insertUser } from '@/db/queries/users';
import { prepareDatabase } from '@/db/setup';
import { formatWideCsv, type WideCsvWeek } from '@/lib/csv/format';
import { createRandom, generateDemoData } from '@/lib/demo-data';
import { storedIncidentInput, storedValueCells, type WeekEntryInput } from '@/lib/import/report-entry';
import { parseReport } from '@/lib/report/parse-report';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { addWeeks, currentWeekStart, type WeekStart } from '@/lib/weeks';
import { mean, round, summarize, type LatencySummary } from './stats';

/** The weekly form's input for a stored week with some values changed, as the browser would send it. */
export function editedWeekInput(db: Db, weekStart: string, values: Record<string, string>, reason: string): WeekEntryInput {
  const stored = getStoredWeek(weekStart, db);
  const cells = storedValueCells(stored);
  for (const [key, value] of Object.entries(values)) cells[key] = { value, done: cells[key]?.done ?? '', total: cells[key]?.total ?? '' };
  return {
    weekStart,
    baseVersion: stored.version,
    intent: 'save',
    confirmMissing: true,
    reason,
    notes: stored.notes,
    internalNotes: stored.internalNotes,
    values: cells,
    incidents: stored.incidents.map(storedIncidentInput),
  };
}

async function freshDatabase(file: string, weeks: number): Promise<{ db: Db; actor: Actor; latest: WeekStart }> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = prepareDatabase(openDatabase(file));
  const latest = addWeeks(currentWeekStart(), -1);
  if (weeks > 0) writeDemoData(generateDemoData({ weeks, endWeek: latest, seed: 42 }), { reset: false }, db);
  const user = await insertUser({ email: 'bench-writer@weekline.local', role: 'editor', password: 'bench-password-0123456789' }, db);
  return { db, actor: { userId: user.id, email: user.email }, latest };
}

function closeAndRemove(db: Db, file: string): void {
  db.$client.close();
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export interface SaveFigures extends LatencySummary {
  saves: number;
  failed: number;
}

/**
 * `saves` edits of published weeks on a 10-year database, each timed from the untrusted input to the
 * committed transaction: the catalogue read, weekEntrySchema parsing, saveWeek (version check, diff,
 * updates, audit rows, IMMEDIATE transaction, fsync). Three values change per save, with a reason, cycling
 * over the latest 12 weeks. Building the input from the stored week (the browser's part) is not timed.
 */
export async function measureSaves(dir: string, saves = 300): Promise<SaveFigures> {
  const file = path.join(dir, 'save.sqlite');
  const { db, actor, latest } = await freshDatabase(file, 520);
  const r = createRandom(7);
  const latencies: number[] = [];
  let failed = 0;
  for (let i = 0; i < saves + 20; i++) {
    const weekStart = addWeeks(latest, -(i % 12));
    const input = editedWeekInput(
      db,
      weekStart,
      {
        inbound_success_rate: (99.9 + r() * 0.099).toFixed(3),
        outbound_success_rate: (99.85 + r() * 0.14).toFixed(2),
        health_score: String(450 + Math.floor(r() * 250)),
      },
      `benchmark save ${i}`,
    );
    const t0 = performance.now();
    const metrics = listMetrics({}, db);
    const entry = weekEntrySchema(metrics).parse(input);
    const outcome = saveWeek(entry, actor, db);
    const ms = performance.now() - t0;
    if (!outcome.ok) failed += 1;
    if (i >= 20) latencies.push(ms); // the first 20 warm the JIT and SQLite's page cache
  }
  closeAndRemove(db, file);
  return { saves, failed, ...summarize(latencies) };
}

export interface CsvFigures {
  ms: number;
  runsMs: number[];
  /** The process's CPU time (user + system) per run: steadier than wall time on a busy machine. */
  runsCpuMs: number[];
  weeks: number;
  columns: number;
  bytes: number;
  revisions: number;
  path: string;
}

/**
 * Ten years (520 weeks × every catalogue metric, progress with done/total) as the wide CSV the export
 * writes, imported by db/queries/import-csv.ts importCsv into an empty database: validation, planning and
 * every week through saveWeekInTransaction in one transaction. Median of `runs` fresh databases.
 */
export async function measureCsvImport(dir: string, runs = 3): Promise<CsvFigures> {
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let columns = 0;
  let bytes = 0;
  let revisions = 0;
  for (let run = 0; run < runs; run++) {
    const file = path.join(dir, `csv-${run}.sqlite`);
    const { db, actor, latest } = await freshDatabase(file, 0);
    const metrics = listMetrics({}, db);
    const numbering = getWeekNumbering(db);
    const demo = generateDemoData({ weeks: 520, endWeek: latest, seed: 42 });
    const weeks: WideCsvWeek[] = demo.weeks.map((w) => ({ weekStart: w.weekStart, values: Object.fromEntries(w.values.map((v) => [v.key, v])) }));
    const text = formatWideCsv(weeks, { metrics, numbering });
    columns = text.slice(1, text.indexOf('\r\n')).split(',').length;
    bytes = Buffer.byteLength(text);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = importCsv(text, { actor, dryRun: false, reason: 'benchmark import' }, db);
    times.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    closeAndRemove(db, file);
    if (!result.ok) throw new Error(`the 10-year CSV did not import: ${JSON.stringify(result.errors.slice(0, 3))}`);
    if (!result.applied) throw new Error('the 10-year CSV import applied nothing');
    revisions = result.revisions;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    ms: round(sorted[Math.floor(sorted.length / 2)], 1),
    runsMs: times.map((t) => round(t, 1)),
    runsCpuMs: cpuTimes.map((t) => round(t, 1)),
    weeks: 520,
    columns,
    bytes,
    revisions,
    path: 'db/queries/import-csv.ts importCsv',
  };
}

export interface ParseFigures {
  /** Mean ms of one parse, over every sample and iteration. */
  ms: number;
  /** The slowest sample's mean. */
  slowestMs: number;
  samples: { file: string; bytes: number; meanMs: number }[];
  iterations: number;
}

/** lib/report/parse-report.ts parseReport on every fixtures/reports/*.md (the repo's own), `iterations` times each after a warm-up. */
export function measureParseReport(iterations = 500): ParseFigures | null {
  const dir = path.resolve(process.cwd(), 'fixtures/reports');
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  if (!files.length) return null;
  const samples = files.map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (let i = 0; i < 50; i++) parseReport(text, { numbering: 'jan1' });
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) parseReport(text, { numbering: 'jan1' });
    return { file, bytes: Buffer.byteLength(text), meanMs: round((performance.now() - t0) / iterations, 4) };
  });
  return {
    ms: round(mean(samples.map((s) => s.meanMs)), 4),
    slowestMs: Math.max(...samples.map((s) => s.meanMs)),
    samples,
    iterations,
  };
}
