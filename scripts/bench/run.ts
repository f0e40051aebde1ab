// `npm run bench`: builds when needed, prepares throwaway databases (10 years and 1 year of demo data),
// starts the real server on each in turn, measures it with autocannon, measures the write path, the CSV
// import and the report parser in-process, reads first-load JS from what the pages load, prints a table
// (and the same table as markdown for docs/BENCHMARKS.md) and writes bench/results.json.
//
// Environment (all optional): NEXT_DIST_DIR (build folder, default .next), BENCH_DURATION (s per load
// test, default 10), BENCH_WARMUP (s, default 6), BENCH_COLD_ROUNDS (default 20), BENCH_PORT (first of
// three ports, default 3300), BENCH_SKIP_BUILD=1 (measure the existing build even when sources are newer),
// BENCH_STRICT=1 (exit 1 when the run had problems; otherwise they are printed loudly and recorded).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase, type Db } from '@/db/index';
import { buildIsStale } from '../lib/build-state';
import { findActionId, postAction } from './action';
import { editedWeekInput, measureCsvImport, measureParseReport, measureSaves } from './inprocess';
import { runLoad } from './load';
import { startAppServer, startFloorServer, type RunningServer } from './server';
import { PREPARED_PREFIX, type PreparedDatabase } from './shared';
import { cpuPerRequest, formatMarkdownTable, formatTextTable, kB, loadIsClean, mergeSegments, round, scriptUrlsOf, shortfall, summarize, verdictOf, type LoadResult, type Row, type Segment, type Target } from './stats';

const ROOT = process.cwd();
const DIST = process.env.NEXT_DIST_DIR || '.next';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 6);
const COLD_ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CONNECTIONS = 50;
const COLD_CONNECTIONS = 10;
const AUTH_SECRET = 'weekline-benchmark-secret-not-for-production-0123';
const DASHBOARD = '/?range=52w';
const MARKER = 'data-testid="tiles"';
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const problems: string[] = [];
/** Things not measured that are not faults of the run (a feature not in this checkout yet). */
const notes: string[] = [];
const log = (message: string) => console.log(`bench: ${message}`);

function build(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(ROOT, DIST, 'BUILD_ID'))) {
    log(`using the existing build in ${DIST} (BENCH_SKIP_BUILD=1)`);
    return;
  }
  if (!buildIsStale(ROOT)) {
    log(`the build in ${DIST} is up to date`);
    return;
  }
  log(`building into ${DIST} (next build) ...`);
  // next build adds its dist folder's types to tsconfig.json's include; the benchmark takes out exactly the
  // entries it added (others may be editing the file meanwhile, so it is not restored wholesale).
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const beforeText = fs.readFileSync(tsconfig, 'utf8');
  const includedBefore = new Set<string>((JSON.parse(beforeText) as { include?: string[] }).include ?? []);
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const after = JSON.parse(fs.readFileSync(tsconfig, 'utf8')) as { include?: string[] };
  const added = (after.include ?? []).filter((entry) => !includedBefore.has(entry) && entry.startsWith(`${DIST.replace(/\/$/, '')}/`));
  if (added.length && DIST !== '.next') {
    after.include = after.include!.filter((entry) => !added.includes(entry));
    // Nothing else changed meanwhile: put the file back byte for byte (next build also reformats it).
    const same = JSON.stringify(after) === JSON.stringify(JSON.parse(beforeText));
    fs.writeFileSync(tsconfig, same ? beforeText : JSON.stringify(after, null, 2) + '\n');
    log(`took ${added.join(', ')} back out of tsconfig.json's include`);
  }
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

function prepare(file: string, weeks: number, port: number): PreparedDatabase {
  const result = spawnSync(process.execPath, [TSX, path.join('scripts', 'bench', 'prepare.ts')], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_PATH: file, BENCH_WEEKS: String(weeks), BASE_URL: `http://localhost:${port}`, AUTH_SECRET, DEMO_DATA: '0' },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith(PREPARED_PREFIX));
  if (result.status !== 0 || !line) throw new Error(`preparing ${file} failed:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(line.slice(PREPARED_PREFIX.length)) as PreparedDatabase;
}

async function fetchPage(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

/** Fetches the page once and insists it is the real page before any load is put on it. */
async function checkedPage(url: string, headers: Record<string, string>, what: string): Promise<Buffer> {
  const page = await fetchPage(url, headers);
  if (page.status !== 200 || !page.body.includes(MARKER)) {
    throw new Error(`${what}: ${url} answered ${page.status} without ${MARKER} (${page.body.length} bytes); refusing to measure an error page`);
  }
  return page.body;
}

function clean(result: LoadResult, what: string): LoadResult {
  // autocannon counts a timeout as an error too.
  const bad = result.non2xx + result.errors + result.mismatches;
  if (result.requests === 0) problems.push(`${what}: no answer at all within ${result.durationS} s (errors ${result.errors}, of them timeouts ${result.timeouts})`);
  else if (!loadIsClean(result)) {
    problems.push(`${what}: ${bad} of ${result.requests + result.errors} requests failed (non-2xx ${result.non2xx}, wrong body ${result.mismatches}, errors ${result.errors} of them timeouts ${result.timeouts}); rps counts good answers only`);
  }
  return result;
}

interface Page {
  server: RunningServer;
  what: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
  distinctClients?: boolean;
}

async function warm(page: Page): Promise<void> {
  if (WARMUP <= 0) return;
  const url = page.server.url + page.path;
  const w = await runLoad({ url, connections: CONNECTIONS, durationS: WARMUP, headers: page.headers, marker: MARKER, distinctClients: page.distinctClients });
  // autocannon stops at the deadline and drops what is in flight; the server still renders it. One
  // request queued behind that backlog returns when it is drained, so the measured run starts clean.
  const t0 = performance.now();
  await fetchPage(url, page.distinctClients ? { ...page.headers, 'x-forwarded-for': '10.255.0.2' } : page.headers);
  log(`${page.what}: warm-up ${w.requests} answers in ${w.durationS} s, drained in ${Math.round(performance.now() - t0)} ms`);
}

async function segment(page: Page, durationS: number): Promise<Segment> {
  const url = page.server.url + page.path;
  const cpuBefore = page.server.cpuMs();
  const run = await runLoad({ url, connections: CONNECTIONS, durationS, headers: page.headers, marker: MARKER, distinctClients: page.distinctClients, bodyBytes: page.body.length });
  const cpuAfter = page.server.cpuMs();
  return { ...run, serverCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

function report(page: Page, result: LoadResult): LoadResult {
  log(`${page.what}: ${result.rps} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, server ${result.serverCpuMsPerRequest ?? '?'} ms CPU per answer, load generator ${result.generatorCpuPct}% of a core, ${result.requests} answers in ${result.durationS} s (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, wrong body ${result.mismatches})`);
  if (result.requests === 0) console.log(`bench: ${page.what}: the server's last output:\n${page.server.log.join('').slice(-3000)}`);
  return clean(result, page.what);
}

/** Warm-up, then one load test of DURATION seconds. */
async function load(page: Page): Promise<LoadResult> {
  await warm(page);
  log(`${page.what}: ${CONNECTIONS} connections, ${DURATION} s on ${page.server.url + page.path}`);
  return report(page, mergeSegments([await segment(page, DURATION)]));
}

/**
 * Two pages measured in alternation, A B B A, DURATION/2 seconds a segment, so a drift in what else the
 * machine is doing falls on both alike: their ratio is what this run can say about them.
 */
async function loadInterleaved(a: Page, b: Page): Promise<[LoadResult, LoadResult]> {
  await warm(a);
  await warm(b);
  log(`${a.what} and ${b.what}: ${CONNECTIONS} connections, ${DURATION} s each, interleaved A B B A`);
  const half = DURATION / 2;
  const sa = [await segment(a, half)];
  const sb = [await segment(b, half), await segment(b, half)];
  sa.push(await segment(a, half));
  return [report(a, mergeSegments(sa)), report(b, mergeSegments(sb))];
}

interface FirstLoadJs {
  kb: number;
  bytes: number;
  gzipBytes: number;
  files: { url: string; bytes: number; gzipBytes: number }[];
  /** `<script nomodule>` polyfills: loaded only by browsers without ES modules, so not counted. */
  notCounted: { url: string; gzipBytes: number }[];
}

/**
 * Every /_next/static/*.js the served HTML makes a modern browser load (script src, preload as=script, and
 * the chunks its RSC payload names), fetched from the server and gzipped at level 6; nomodule polyfills apart.
 */
async function firstLoadJs(origin: string, html: Buffer): Promise<FirstLoadJs> {
  const gz = async (url: string) => {
    const res = await fetchPage(origin + url);
    if (res.status !== 200) throw new Error(`first-load JS: ${url} answered ${res.status}`);
    return { url, bytes: res.body.length, gzipBytes: gzipSync(res.body, { level: 6 }).length };
  };
  const { urls, noModule } = scriptUrlsOf(html.toString('utf8'));
  const files = [];
  for (const url of urls) files.push(await gz(url));
  const notCounted = [];
  for (const url of noModule) notCounted.push({ url, gzipBytes: (await gz(url)).gzipBytes });
  const gzipBytes = files.reduce((s, f) => s + f.gzipBytes, 0);
  return { kb: kB(gzipBytes), bytes: files.reduce((s, f) => s + f.bytes, 0), gzipBytes, files, notCounted };
}

interface ColdFigures {
  p95Ms: number | null;
  rounds: number;
  connections: number;
  invalidatedBy: string;
  /** Answers after an invalidation that did not show the value just saved. */
  stale: number;
  freshnessChecked: boolean;
  latency: ReturnType<typeof summarize>;
  /** p95 over rounds of each round's fastest answer: one render with the nine others running beside it. */
  fastestPerRoundP95Ms: number | null;
  /** Server CPU over the 10 requests after each save, per answer (misses render; any hit among them is cheap). */
  serverCpuMsPerAnswer: number | null;
  badAnswers: number;
  saveHttp: (ReturnType<typeof summarize> & { saves: number; failed: number }) | null;
}

/**
 * The first render after a publish. Each round changes the latest week's health score (a published week,
 * with a reason) through the real save action over HTTP (the same request the entry form's router sends,
 * so whatever invalidation the action does happens), then at once sends one request on each of 10 fresh
 * connections for the dashboard. Every one of those is a first request after the invalidation; the figure
 * is the p95 of all of them over all rounds. Each answer is also checked to show the value just saved.
 */
async function measureCold(server: RunningServer, prepared: PreparedDatabase, databasePath: string): Promise<ColdFigures> {
  const actionId = findActionId(path.join(ROOT, DIST), 'saveWeekAction', 'app/(app)/entry/actions.ts');
  const db: Db = openDatabase(databasePath);
  const { weekLabel } = await import('@/lib/weeks');
  const { getWeekNumbering } = await import('@/db/queries/settings');
  const label = weekLabel(prepared.latestWeek, getWeekNumbering(db));
  const headers = { cookie: prepared.viewerCookie };
  const url = server.url + DASHBOARD;
  const patterns = (value: number) => [`\\"weekStart\\":\\"${prepared.latestWeek}\\",\\"health_score\\":${value}`, `>${value}分<`, `>${value} pts<`];
  const shows = (body: string, value: number) => patterns(value).some((p) => body.includes(p));
  const storedHealth = (await import('@/db/queries/import-week')).getStoredWeek(prepared.latestWeek, db).values.health_score?.value;
  const calibration = (await fetchPage(url, headers)).body.toString('utf8');
  const freshnessChecked = storedHealth !== undefined && shows(calibration, storedHealth);
  if (!freshnessChecked) problems.push('cold: could not find the health score in the dashboard HTML, so freshness after a save was not checked');

  const invalidatedBy = actionId
    ? `saveWeekAction over HTTP (POST /entry/${label}, Next-Action ${actionId.slice(0, 10)}…)`
    : 'saveWeek from the benchmark process on the server database (saveWeekAction not found in the build: an in-process cache would not see this write)';
  const latencies: number[] = [];
  const fastest: number[] = [];
  let cpuMs: number | null = 0;
  let answers = 0;
  const saveMs: number[] = [];
  let saveFailed = 0;
  let stale = 0;
  let bad = 0;
  for (let round = 0; round < COLD_ROUNDS; round++) {
    const value = 301 + round; // below every demo value, so a page showing it is showing this save
    const input = editedWeekInput(db, prepared.latestWeek, { health_score: String(value) }, `benchmark invalidation ${round}`);
    if (actionId) {
      const call = await postAction(server.url, `/entry/${label}`, actionId, [input], prepared.editorCookie);
      saveMs.push(call.ms);
      if (call.status !== 200 || !call.body.includes('"ok":true')) {
        saveFailed += 1;
        problems.push(`cold: round ${round}: the save action answered ${call.status}: ${call.body.slice(-200)}`);
        continue;
      }
    } else {
      const { listMetrics } = await import('@/db/queries/catalogue');
      const { weekEntrySchema } = await import('@/lib/validation/week-entry');
      const { saveWeek } = await import('@/db/queries/save-week');
      const editor = db.$client.prepare('select id, email from user where email = ?').get(prepared.editor.email) as { id: string; email: string };
      const outcome = saveWeek(weekEntrySchema(listMetrics({}, db)).parse(input), { userId: editor.id, email: editor.email }, db);
      if (!outcome.ok) {
        saveFailed += 1;
        continue;
      }
    }
    const cpuBefore = server.cpuMs();
    const run = await runLoad({ url, connections: COLD_CONNECTIONS, amount: COLD_CONNECTIONS, headers, marker: MARKER, fresh: freshnessChecked ? (body) => shows(body, value) : undefined });
    const cpuAfter = server.cpuMs();
    cpuMs = cpuMs === null || cpuBefore === null || cpuAfter === null ? null : cpuMs + (cpuAfter - cpuBefore);
    answers += run.requests;
    latencies.push(...run.latencies);
    if (run.latencies.length) fastest.push(Math.min(...run.latencies));
    stale += run.stale;
    bad += run.non2xx + run.errors + run.mismatches;
  }
  db.$client.close();
  if (stale > 0) problems.push(`cold: ${stale} answers after a save did not show the saved value (stale cache)`);
  if (bad > 0) problems.push(`cold: ${bad} bad answers after saves`);
  const latency = summarize(latencies);
  return {
    p95Ms: latencies.length ? latency.p95Ms : null,
    rounds: COLD_ROUNDS,
    connections: COLD_CONNECTIONS,
    invalidatedBy,
    stale,
    freshnessChecked,
    latency,
    fastestPerRoundP95Ms: fastest.length ? summarize(fastest).p95Ms : null,
    serverCpuMsPerAnswer: cpuPerRequest(cpuMs, answers),
    badAnswers: bad,
    saveHttp: actionId ? { saves: saveMs.length, failed: saveFailed, ...summarize(saveMs) } : null,
  };
}

async function withServer<T>(start: () => Promise<RunningServer>, measure: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await start();
  try {
    return await measure(server);
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  build();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-bench-'));
  try {
    const machine = {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: round(os.totalmem() / 1e9, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
      loadAverageAtEnd: [] as number[],
    };
    log(`${machine.cores} cores (${machine.cpu}), Node ${machine.node}; load test ${DURATION} s after ${WARMUP} s warm-up`);

    // In-process figures first, while no server competes for the cores.
    log('saving weeks in-process (300 saves on a 10-year file database) ...');
    const save = await measureSaves(tmp, 300);
    if (save.failed) problems.push(`save: ${save.failed} of ${save.saves} saves were refused`);
    log(`save p95 ${save.p95Ms} ms`);
    log('importing 10 years of CSV (3 runs) ...');
    const csv = await measureCsvImport(tmp, 3);
    log(`CSV import ${csv.ms} ms (median of ${csv.runsMs.join(', ')})`);
    const parse = measureParseReport(500);
    if (!parse) problems.push('parse: no reports in fixtures/reports/*.md');
    log(`report parse ${parse?.ms ?? 'n/a'} ms`);

    const db10 = path.join(tmp, 'weeks-520.sqlite');
    const db1 = path.join(tmp, 'weeks-52.sqlite');
    log('preparing the 520-week and 52-week databases ...');
    const prep10 = prepare(db10, 520, PORT);
    const prep1 = prepare(db1, 52, PORT + 1);

    let dashboardHtml: Buffer = Buffer.alloc(0);
    const ten = await withServer(
      () => startAppServer({ port: PORT, databasePath: db10, distDir: DIST, authSecret: AUTH_SECRET }),
      async (server10) => {
        const headers = { cookie: prep10.viewerCookie };
        dashboardHtml = await checkedPage(server10.url + DASHBOARD, headers, 'dashboard');
        // Both databases' servers run side by side for figures 1 and 2 (only one is under load at a time).
        const [dashboard, one] = await withServer(
          () => startAppServer({ port: PORT + 1, databasePath: db1, distDir: DIST, authSecret: AUTH_SECRET }),
          async (server1) => {
            const headers1 = { cookie: prep1.viewerCookie };
            const html1 = await checkedPage(server1.url + DASHBOARD, headers1, 'dashboard (1 year)');
            return loadInterleaved(
              { server: server10, what: 'dashboard (10 years)', path: DASHBOARD, headers, body: dashboardHtml },
              { server: server1, what: 'dashboard (1 year)', path: DASHBOARD, headers: headers1, body: html1 },
            );
          },
        );
        let share: LoadResult | null = null;
        let shareJs: FirstLoadJs | null = null;
        if (prep10.sharePath) {
          const shareHtml = await checkedPage(server10.url + prep10.sharePath, { 'x-forwarded-for': '10.255.0.1' }, 'share page');
          share = await load({ server: server10, what: 'share page (10 years)', path: prep10.sharePath, headers: {}, body: shareHtml, distinctClients: true });
          shareJs = await firstLoadJs(server10.url, shareHtml);
        } else {
          notes.push(`share page: not available (${prep10.shareNote}); measured automatically once db/queries/share-links.ts exports createShareLink`);
        }
        const dashboardJs = await firstLoadJs(server10.url, dashboardHtml);
        log(`cold render after a publish: ${COLD_ROUNDS} rounds × ${COLD_CONNECTIONS} connections ...`);
        const cold = await measureCold(server10, prep10, db10);
        log(`cold p95 ${cold.p95Ms} ms (${cold.invalidatedBy})`);
        return { dashboard, one, share, dashboardJs, shareJs, cold };
      },
    );
    const one = ten.one;
    const floorFile = path.join(tmp, 'dashboard.html');
    fs.writeFileSync(floorFile, dashboardHtml);
    const floor = await withServer(
      () => startFloorServer({ port: PORT + 2, file: floorFile }),
      (server) => load({ server, what: 'floor (node:http, same bytes)', path: DASHBOARD, headers: {}, body: dashboardHtml }),
    );

    const dirty = (r: LoadResult) => (loadIsClean(r) ? '' : `NOT CLEAN: ${r.non2xx} non-2xx, ${r.mismatches} wrong bodies, ${r.errors} errors (${r.timeouts} timeouts); `);
    const cpu10 = ten.dashboard.serverCpuMsPerRequest ?? null;
    const cpu1 = one.serverCpuMsPerRequest ?? null;
    const costRatio = cpu10 !== null && cpu1 !== null && cpu1 > 0 ? round(cpu10 / cpu1, 2) : null;
    const rpsRatio = ten.dashboard.rps > 0 ? round(one.rps / ten.dashboard.rps, 2) : null;
    const floorShare = floor.rps > 0 ? round(ten.dashboard.rps / floor.rps, 3) : null;
    const t = (label: string, op: Target['op'], limit: number): Target => ({ label, op, limit });
    const rows: Row[] = [
      { id: 'dashboard.rps', label: '1. dashboard, 10 y stored, 50 conn: req/s', value: ten.dashboard.rps, unit: 'req/s', target: t('>= 1000', '>=', 1000), note: `${dirty(ten.dashboard)}${kB(ten.dashboard.bodyBytes)} kB pages; load generator at ${ten.dashboard.generatorCpuPct}% of a core` },
      { id: 'dashboard.p50Ms', label: '   dashboard p50', value: ten.dashboard.p50Ms, unit: 'ms' },
      { id: 'dashboard.p95Ms', label: '   dashboard p95', value: ten.dashboard.p95Ms, unit: 'ms' },
      { id: 'dashboard.p99Ms', label: '   dashboard p99', value: ten.dashboard.p99Ms, unit: 'ms', target: t('<= 60 ms', '<=', 60) },
      { id: 'dashboard1y.rps', label: '2. dashboard, 1 y stored: req/s', value: one.rps, unit: 'req/s', note: `${dirty(one)}load generator at ${one.generatorCpuPct}% of a core` },
      { id: 'dashboard1y.p99Ms', label: '   dashboard (1 y) p99', value: one.p99Ms, unit: 'ms' },
      { id: 'dashboard.cpuMsPerRequest', label: '   server CPU per dashboard answer, 10 y', value: cpu10, unit: 'ms' },
      { id: 'dashboard1y.cpuMsPerRequest', label: '   server CPU per dashboard answer, 1 y', value: cpu1, unit: 'ms' },
      { id: 'costRatio10yVs1y', label: '   cost 10 y ÷ 1 y (server CPU per answer)', value: costRatio, unit: '×', target: t('<= 1.2', '<=', 1.2), note: `req/s 1 y ÷ 10 y: ${rpsRatio ?? 'n/a'}` },
      { id: 'share.rps', label: '3. share page, 50 conn: req/s', value: ten.share?.rps ?? null, unit: 'req/s', note: ten.share ? `${dirty(ten.share)}p50 ${ten.share.p50Ms} ms, p99 ${ten.share.p99Ms} ms; server ${ten.share.serverCpuMsPerRequest ?? '?'} ms CPU per answer; a distinct X-Forwarded-For per request` : `not available: ${prep10.shareNote}` },
      { id: 'coldP95Ms', label: '4. first render after a publish, 10 conn: p95', value: ten.cold.p95Ms, unit: 'ms', target: t('<= 150 ms', '<=', 150), note: `${ten.cold.rounds} saves × ${ten.cold.connections}; p50 ${ten.cold.latency.p50Ms} ms; fastest of each 10: p95 ${ten.cold.fastestPerRoundP95Ms} ms; server ${ten.cold.serverCpuMsPerAnswer ?? '?'} ms CPU per answer; stale answers ${ten.cold.freshnessChecked ? ten.cold.stale : 'not checked'}` },
      { id: 'floor.rps', label: '5. floor: node:http, same bytes: req/s', value: floor.rps, unit: 'req/s', note: `${dirty(floor)}p99 ${floor.p99Ms} ms; server ${floor.serverCpuMsPerRequest ?? '?'} ms CPU per answer; load generator at ${floor.generatorCpuPct}% of a core` },
      { id: 'floorShare', label: '   dashboard ÷ floor', value: floorShare, unit: '×', target: t('>= 0.05', '>=', 0.05) },
      { id: 'saveP95Ms', label: '6. save a week (in-process): p95', value: save.p95Ms, unit: 'ms', target: t('<= 100 ms', '<=', 100), note: `p50 ${save.p50Ms} ms, ${save.saves} saves` },
      { id: 'saveHttpP95Ms', label: '   save over HTTP (server action): p95', value: ten.cold.saveHttp?.p95Ms ?? null, unit: 'ms', note: ten.cold.saveHttp ? `${ten.cold.saveHttp.saves} saves, with the action's re-render` : 'not measured' },
      { id: 'csvImport10yMs', label: '7. import 10 y CSV (520 × 12 metrics)', value: csv.ms, unit: 'ms', target: t('<= 1000 ms', '<=', 1000), note: `median of ${csv.runsMs.length}` },
      { id: 'parseReportMs', label: '   parse one weekly report: mean', value: parse?.ms ?? null, unit: 'ms', target: t('<= 5 ms', '<=', 5), note: parse ? `slowest sample ${parse.slowestMs} ms` : '' },
      { id: 'firstLoadJsKb.dashboard', label: '8. first-load JS, dashboard (gzip)', value: ten.dashboardJs.kb, unit: 'kB', target: t('<= 250 kB', '<=', 250), note: `${ten.dashboardJs.files.length} files` },
      { id: 'firstLoadJsKb.share', label: '   first-load JS, share page (gzip)', value: ten.shareJs?.kb ?? null, unit: 'kB', target: t('<= 250 kB', '<=', 250), note: ten.shareJs ? `${ten.shareJs.files.length} files` : 'share page not available' },
    ];

    machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
    const busy = Math.max(machine.loadAverageAtStart[0], machine.loadAverageAtEnd[0]) > machine.cores;
    if (busy) notes.push(`the machine was busy with other work (1-minute load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end, on ${machine.cores} cores): throughput and latency figures are noisy; CPU per answer much less so`);
    const results = {
      generatedAt: new Date().toISOString(),
      command: 'npm run bench',
      cores: machine.cores,
      machine,
      config: { distDir: DIST, durationS: DURATION, warmupS: WARMUP, connections: CONNECTIONS, coldRounds: COLD_ROUNDS, coldConnections: COLD_CONNECTIONS, dashboardPath: DASHBOARD, marker: MARKER },
      clean: problems.length === 0,
      problems,
      notes,
      dashboard: ten.dashboard,
      dashboard1y: one,
      share: ten.share ?? { available: false, rps: null, note: prep10.shareNote },
      floor,
      costRatio10yVs1y: costRatio,
      rpsRatio1yVs10y: rpsRatio,
      dashboardVsFloor: floorShare,
      coldP95Ms: ten.cold.p95Ms,
      cold: ten.cold,
      saveP95Ms: save.p95Ms,
      save,
      saveHttpP95Ms: ten.cold.saveHttp?.p95Ms ?? null,
      csvImport10yMs: csv.ms,
      csvImport: csv,
      parseReportMs: parse?.ms ?? null,
      parseReport: parse,
      firstLoadJsKb: { dashboard: ten.dashboardJs.kb, share: ten.shareJs?.kb ?? null },
      firstLoadJs: { method: 'every /_next/static/*.js the served HTML loads (script src, preload as=script), gzip level 6, 1 kB = 1000 bytes', dashboard: ten.dashboardJs, share: ten.shareJs },
      targets: rows.filter((r) => r.target).map((r) => ({ id: r.id, value: r.value, target: r.target!.label, result: verdictOf(r), shortfall: r.value !== null && verdictOf(r) === 'miss' ? shortfall(r.value, r.target!) : '' })),
      elapsedS: round((Date.now() - started) / 1000, 0),
    };
    fs.mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');

    console.log('');
    console.log(`Weekline benchmark: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, ${results.generatedAt}`);
    console.log(formatTextTable(rows));
    console.log('\nMarkdown (for docs/BENCHMARKS.md):\n');
    console.log(`Run ${results.generatedAt}: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${DURATION} s per load test; 1-minute load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end.\n`);
    console.log(formatMarkdownTable(rows));
    console.log('');
    for (const n of notes) log(`note: ${n}`);
    if (problems.length) {
      console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
      console.log(`!!! THIS RUN HAD ${problems.length} PROBLEM(S): its figures are not a clean measurement`);
      for (const p of problems) console.log(`!!! ${p}`);
      console.log('!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!');
    }
    log(`wrote bench/results.json in ${results.elapsedS} s`);
    if (problems.length && process.env.BENCH_STRICT === '1') process.exitCode = 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
