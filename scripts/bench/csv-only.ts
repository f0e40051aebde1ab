// The 10-year CSV import figure alone (the same measureCsvImport as `npm run bench`'s csvImport10yMs), without
// building or serving anything: `npx tsx scripts/bench/csv-only.ts [runs]` (default 5). Prints JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureCsvImport } from './inprocess';

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 5);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-csv-bench-'));
  try {
    const csv = await measureCsvImport(tmp, runs);
    const cpu = [...csv.runsCpuMs].sort((a, b) => a - b);
    console.log(JSON.stringify({ csvImport10yMs: csv.ms, medianCpuMs: cpu[Math.floor(cpu.length / 2)], ...csv, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), cpus: os.cpus().length }, null, 2));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
