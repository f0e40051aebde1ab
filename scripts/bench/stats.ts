// Pure helpers of the benchmark: percentiles, targets, the results file's shape and the printed tables.
// Nothing here touches the clock, the network or the database, so it is unit-tested (stats.test.ts).

/** Nearest-rank percentile (p in 0..100) of samples; NaN for no samples. Does not mutate its input. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  let sum = 0;
  for (const s of samples) sum += s;
  return sum / samples.length;
}

export interface LatencySummary {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return {
    samples: samples.length,
    meanMs: round(mean(samples), 2),
    p50Ms: round(percentile(samples, 50), 2),
    p95Ms: round(percentile(samples, 95), 2),
    p99Ms: round(percentile(samples, 99), 2),
    maxMs: round(samples.length ? Math.max(...samples) : Number.NaN, 2),
  };
}

export function round(n: number, digits = 1): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** One load test, as recorded in results.json. */
export interface LoadResult extends LatencySummary {
  url: string;
  connections: number;
  durationS: number;
  requests: number;
  /** Successful responses (2xx with the expected body) per second. */
  rps: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx responses whose body lacked the page's marker (an error page, a login page, an empty page). */
  mismatches: number;
  /** Size of the response body checked before the run. */
  bodyBytes: number;
  /** CPU the load generator (this process: autocannon and the body checks) used, % of one core. */
  generatorCpuPct?: number;
  /** CPU time the server's processes used during the run, ms; null where it cannot be read. */
  serverCpuMs?: number | null;
  /**
   * Server CPU ms per good answer: the cost of one request, nearly independent of what else the machine is
   * doing (unlike requests/s, which falls when other work takes the cores).
   */
  serverCpuMsPerRequest?: number | null;
}

export function cpuPerRequest(serverCpuMs: number | null | undefined, goodAnswers: number): number | null {
  if (serverCpuMs === null || serverCpuMs === undefined || goodAnswers <= 0) return null;
  return round(serverCpuMs / goodAnswers, 3);
}

/** True when every request of the run was answered with the expected page. */
export function loadIsClean(r: Pick<LoadResult, 'requests' | 'non2xx' | 'errors' | 'timeouts' | 'mismatches'>): boolean {
  return r.requests > 0 && r.non2xx === 0 && r.errors === 0 && r.timeouts === 0 && r.mismatches === 0;
}

/**
 * Requests/s that count: only good answers. A run with bad answers still reports how many, but its rps is
 * what the good ones alone reached, so an error page served fast can never look like a fast dashboard.
 */
export function goodRps(r: { requests: number; non2xx: number; mismatches: number; durationS: number }): number {
  if (r.durationS <= 0) return 0;
  return round(Math.max(0, r.requests - r.non2xx - r.mismatches) / r.durationS, 1);
}

export type Comparison = '>=' | '<=';

export interface Target {
  /** What the figure is checked against, as the issue states it. */
  label: string;
  op: Comparison;
  limit: number;
}

export type Verdict = 'pass' | 'miss' | 'n/a';

export function judge(value: number | null | undefined, target: Target | undefined): Verdict {
  if (!target || value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return (target.op === '>=' ? value >= target.limit : value <= target.limit) ? 'pass' : 'miss';
}

/** How far a missed figure is from its target, in words: "needs 2.5× (…)" style is left to the caller. */
export function shortfall(value: number, target: Target): string {
  if (judge(value, target) !== 'miss') return '';
  if (target.op === '>=') {
    const factor = target.limit / Math.max(value, Number.EPSILON);
    const diff = target.limit - value;
    return `${round(diff, diff < 10 ? 2 : 1)} short (${round(factor, 2)}× needed)`;
  }
  const factor = value / target.limit;
  const diff = value - target.limit;
  return `${round(diff, diff < 10 ? 2 : 1)} over (${round(factor, 2)}× the limit)`;
}

export interface Row {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  target?: Target;
  note?: string;
}

export function verdictOf(row: Row): Verdict {
  return judge(row.value, row.target);
}

/** The row's note, led by how far a missed target is missed. */
export function noteOf(row: Row): string {
  const miss = row.value !== null && row.target && verdictOf(row) === 'miss' ? shortfall(row.value, row.target) : '';
  return [miss, row.note ?? ''].filter(Boolean).join('; ');
}

function show(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return 'not measured';
  const text = Math.abs(value) >= 100 ? String(Math.round(value)) : String(round(value, 2));
  return unit ? `${text} ${unit}` : text;
}

/** The table printed to the terminal: fixed-width columns. */
export function formatTextTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.label, show(r.value, r.unit), r.target?.label ?? '', verdictOf(r).toUpperCase(), noteOf(r)]);
  const header = ['figure', 'value', 'target', 'result', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** The same table as markdown, to paste into docs/BENCHMARKS.md. */
export function formatMarkdownTable(rows: readonly Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const out = ['| figure | value | target | result | note |', '|---|---:|---|---|---|'];
  for (const r of rows) {
    const verdict = verdictOf(r);
    const mark = verdict === 'pass' ? 'pass' : verdict === 'miss' ? '**miss**' : 'n/a';
    out.push(`| ${esc(r.label)} | ${esc(show(r.value, r.unit))} | ${esc(r.target?.label ?? '')} | ${mark} | ${esc(noteOf(r))} |`);
  }
  return out.join('\n');
}

/** Gzip size in kB (1 kB = 1000 bytes, as Next.js prints sizes), one decimal. */
export function kB(bytes: number): number {
  return round(bytes / 1000, 1);
}

/**
 * The JavaScript a page's HTML makes a modern browser load at first: `<script src>` and
 * `<link rel="preload"|"modulepreload" as="script">` pointing at /_next/static/…/*.js, plus the chunks the
 * embedded RSC payload names (client components' chunks, loaded while hydrating). `<script nomodule>`
 * (the legacy-browser polyfills) is listed apart: browsers with ES modules never load it.
 */
export function scriptUrlsOf(html: string): { urls: string[]; noModule: string[] } {
  const tagged: string[] = [];
  const noModule = new Set<string>();
  const local = (src: string) => {
    const pathOnly = src.replace(/&amp;/g, '&').replace(/^https?:\/\/[^/]+/, '');
    return /^\/_next\/static\/.+\.js(\?.*)?$/.test(pathOnly) ? pathOnly : null;
  };
  for (const match of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const t = match[0];
    const isScript = match[1].toLowerCase() === 'script';
    if (!isScript && !/\bas="script"/i.test(t) && !/\brel="modulepreload"/i.test(t)) continue;
    const src = /\b(?:src|href)="([^"]+)"/i.exec(t)?.[1];
    const url = src ? local(src) : null;
    if (!url) continue;
    if (isScript && /\bnomodule\b/i.test(t)) noModule.add(url);
    else tagged.push(url);
  }
  const referenced = [...html.matchAll(/\/_next\/static\/[^"'\\\s<>]+?\.js\b/g)].map((m) => m[0]);
  const urls = [...new Set([...tagged, ...referenced])].filter((u) => !noModule.has(u));
  return { urls, noModule: [...noModule] };
}

/** A load test measured in several segments (interleaved with another), as one result. */
export interface Segment extends LoadResult {
  latencies: readonly number[];
}

export function mergeSegments(segments: readonly Segment[]): LoadResult {
  if (segments.length === 0) throw new RangeError('no segments to merge');
  const sum = (f: (s: Segment) => number) => segments.reduce((acc, s) => acc + f(s), 0);
  const durationS = sum((s) => s.durationS);
  const requests = sum((s) => s.requests);
  const non2xx = sum((s) => s.non2xx);
  const mismatches = sum((s) => s.mismatches);
  const cpu = segments.every((s) => s.generatorCpuPct !== undefined) ? Math.round(sum((s) => (s.generatorCpuPct ?? 0) * s.durationS) / durationS) : undefined;
  const serverCpuMs = segments.every((s) => typeof s.serverCpuMs === 'number') ? sum((s) => s.serverCpuMs ?? 0) : null;
  return {
    url: segments[0].url,
    connections: segments[0].connections,
    durationS: round(durationS, 2),
    requests,
    rps: goodRps({ requests, non2xx, mismatches, durationS }),
    non2xx,
    errors: sum((s) => s.errors),
    timeouts: sum((s) => s.timeouts),
    mismatches,
    bodyBytes: segments[0].bodyBytes,
    ...(cpu === undefined ? {} : { generatorCpuPct: cpu }),
    serverCpuMs,
    serverCpuMsPerRequest: cpuPerRequest(serverCpuMs, requests - non2xx - mismatches),
    ...summarize(segments.flatMap((s) => s.latencies)),
  };
}
