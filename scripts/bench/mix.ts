// The realistic traffic of the benchmark, replayed on the real server: viewers' first loads of the dashboard
// with what the browser then fetches by itself, client-side navigations as the browser makes them, kiosk
// refreshes, share-link readers from distinct source addresses; and the Monday burst. Every answer that
// shows the latest week is checked against the publishes made meanwhile (Freshness).
import { get, loopbackAddress, type Answer } from './client';
import type { Capture, CapturedRequest } from './capture';
import { summarize } from './stats';

export type ViewKind = 'document' | 'navigation' | 'share';

export interface MixContext {
  origin: string;
  viewers: string[];
  sharePath: string;
  capture: Capture;
  freshness: Freshness;
}

/** The publishes made during a run: an answer that started 2 s after a publish must show it (or a newer one). */
export class Freshness {
  private readonly publishes: { value: number; at: number }[] = [];
  /** Which kinds of answer show the latest health score, found by calibration (others cannot be checked). */
  checkable = new Set<string>();
  stale = 0;
  checked = 0;
  staleExamples: string[] = [];

  constructor(private readonly graceMs = 2000) {}

  /** Values being saved right now: an answer may show one before its save action has answered. */
  private readonly inFlight = new Set<number>();

  publishing(value: number): void {
    this.inFlight.add(value);
  }

  published(value: number, at = Date.now()): void {
    this.inFlight.delete(value);
    this.publishes.push({ value, at });
  }

  failed(value: number): void {
    this.inFlight.delete(value);
  }

  static shows(body: string, value: number): boolean {
    return new RegExp(`[>"]${value}(?: pts|分)[<"]`).test(body);
  }

  check(kind: string, answer: Answer): void {
    if (!this.checkable.has(kind) || answer.status !== 200) return;
    let due = -1;
    for (let i = 0; i < this.publishes.length; i++) if (this.publishes[i].at <= answer.startedAt - this.graceMs) due = i;
    if (due < 0) return;
    this.checked++;
    const fresh = this.publishes.slice(due).some((p) => Freshness.shows(answer.body, p.value)) || [...this.inFlight].some((v) => Freshness.shows(answer.body, v));
    if (!fresh) {
      this.stale++;
      if (this.staleExamples.length < 5) this.staleExamples.push(`${kind} started ${answer.startedAt - this.publishes[due].at} ms after publishing ${this.publishes[due].value}`);
    }
  }
}

export interface Tally {
  views: Record<ViewKind, number>;
  latencies: number[];
  requests: number;
  errors: number;
  errorExamples: string[];
}

export const newTally = (): Tally => ({ views: { document: 0, navigation: 0, share: 0 }, latencies: [], requests: 0, errors: 0, errorExamples: [] });

function record(t: Tally, what: string, a: Answer, okStatus = 200): Answer {
  t.requests++;
  t.latencies.push(a.ms);
  if (a.status !== okStatus) {
    t.errors++;
    if (t.errorExamples.length < 5) t.errorExamples.push(`${what}: ${a.status || a.error}`);
  }
  return a;
}

const replay = (ctx: MixContext, t: Tally, reqs: readonly CapturedRequest[], headers: Record<string, string>, localAddress?: string) =>
  Promise.all(reqs.map(async (r) => record(t, r.path, await get(ctx.origin, r.path, { ...r.headers, ...headers }, { localAddress }))));

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)];
let shareReaders = 0;

/** A viewer's first load of the dashboard: the document, then what the page fetches by itself. */
export async function documentView(ctx: MixContext, t: Tally, options: { scripts?: boolean } = {}): Promise<void> {
  const cookie = pick(ctx.viewers);
  const doc = record(t, 'document', await get(ctx.origin, '/', { cookie, accept: 'text/html' }));
  ctx.freshness.check('document', doc);
  await Promise.all([replay(ctx, t, ctx.capture.afterDocument, { cookie }), options.scripts ? replay(ctx, t, ctx.capture.scripts.map((p) => ({ path: p, headers: {}, kind: 'other' as const })), {}) : null]);
  t.views.document++;
}

const NAVIGATIONS = ['range', 'week', 'metric', 'kiosk'] as const;

/** A client-side navigation as the browser makes it; a kiosk refresh is the RSC request for the page it shows. */
export async function navigationView(ctx: MixContext, t: Tally, which: (typeof NAVIGATIONS)[number] = pick(NAVIGATIONS)): Promise<void> {
  const cookie = pick(ctx.viewers);
  const reqs = which === 'kiosk' ? ctx.capture.navigations.range.filter((r) => r.kind === 'rsc') : ctx.capture.navigations[which];
  const answers = await replay(ctx, t, reqs, { cookie });
  if (which === 'range' || which === 'kiosk') for (const a of answers) ctx.freshness.check('navigation', a);
  t.views.navigation++;
}

/** A share-link reader, from a source address of its own: the document, then what the page fetches. */
export async function shareView(ctx: MixContext, t: Tally, options: { scripts?: boolean; thenWeek?: boolean } = {}): Promise<void> {
  const localAddress = loopbackAddress(shareReaders++ % 20_000);
  const doc = record(t, 'share', await get(ctx.origin, ctx.sharePath, { accept: 'text/html' }, { localAddress }));
  ctx.freshness.check('share', doc);
  await Promise.all([
    replay(ctx, t, ctx.capture.shareAfterDocument, {}, localAddress),
    options.scripts ? replay(ctx, t, ctx.capture.shareScripts.map((p) => ({ path: p, headers: {}, kind: 'other' as const })), {}, localAddress) : null,
  ]);
  if (options.thenWeek) {
    const week = /href="(\/s\/[^"]+\/weeks\/[^"]+)"/.exec(doc.body)?.[1];
    if (week) record(t, 'share week', await get(ctx.origin, week, { accept: 'text/html' }, { localAddress }));
  }
  t.views.share++;
}

/** 40 % documents (distinct viewers), 40 % navigations and kiosk refreshes, 20 % share views. */
export async function mixedView(ctx: MixContext, t: Tally): Promise<void> {
  const r = Math.random();
  if (r < 0.4) return documentView(ctx, t);
  if (r < 0.8) return navigationView(ctx, t);
  return shareView(ctx, t);
}

export interface MixResult {
  connections: number;
  durationS: number;
  views: Record<ViewKind, number>;
  viewsPerSec: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  errorExamples: string[];
}

/** `connections` closed loops of mixed views for `durationS` seconds. */
export async function runMix(ctx: MixContext, connections: number, durationS: number): Promise<MixResult> {
  const t = newTally();
  const end = Date.now() + durationS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) await mixedView(ctx, t);
    }),
  );
  const elapsedS = (performance.now() - t0) / 1000;
  const s = summarize(t.latencies);
  const total = t.views.document + t.views.navigation + t.views.share;
  return { connections, durationS: Math.round(elapsedS * 10) / 10, views: t.views, viewsPerSec: Math.round((total / elapsedS) * 10) / 10, requests: t.requests, p50Ms: s.p50Ms, p95Ms: s.p95Ms, p99Ms: s.p99Ms, errors: t.errors, errorExamples: t.errorExamples };
}

export interface BurstResult {
  arrivals: number;
  windowS: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  errorExamples: string[];
  lastDoneS: number;
}

/**
 * The Monday burst: `arrivals` people spread evenly over `windowS` seconds (open loop: nobody waits for
 * anybody), 70 % signed-in viewers and 30 % share readers, each loading the document, its JS and what the
 * page fetches, then making one navigation (a viewer's range switch, a reader's week page).
 */
export async function runBurst(ctx: MixContext, arrivals: number, windowS: number): Promise<BurstResult> {
  const t = newTally();
  const t0 = performance.now();
  const gap = (windowS * 1000) / arrivals;
  await Promise.all(
    Array.from({ length: arrivals }, (_, i) =>
      new Promise<void>((resolve) => setTimeout(resolve, i * gap)).then(async () => {
        if (i % 10 < 7) {
          await documentView(ctx, t, { scripts: true });
          await navigationView(ctx, t, 'range');
        } else {
          await shareView(ctx, t, { scripts: true, thenWeek: true });
        }
      }),
    ),
  );
  const s = summarize(t.latencies);
  return { arrivals, windowS, requests: t.requests, p50Ms: s.p50Ms, p95Ms: s.p95Ms, p99Ms: s.p99Ms, errors: t.errors, errorExamples: t.errorExamples, lastDoneS: Math.round((performance.now() - t0) / 100) / 10 };
}
