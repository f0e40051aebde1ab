// Load tests with autocannon's programmatic API. Every response is checked: its status, and that the body
// holds the page's marker (a login page, an error page or a 404 served fast must never count as a fast
// dashboard). Latency percentiles are computed here from every response time (autocannon has no p95).
import autocannon from 'autocannon';
import { goodRps, summarize, type LoadResult } from './stats';

export interface LoadOptions {
  url: string;
  connections: number;
  durationS?: number;
  /** Stop after this many requests instead of after durationS. */
  amount?: number;
  headers?: Record<string, string>;
  /** The body of a good answer contains this. */
  marker: string;
  /** Give every request its own X-Forwarded-For (many readers, not one client: see the share-page note). */
  distinctClients?: boolean;
  bodyBytes?: number;
  /** Optional second check on good answers (the cold test: does the page show the value just saved?). */
  fresh?: (body: string) => boolean;
}

export interface LoadRun extends LoadResult {
  /** Good answers that failed `fresh` (0 when no `fresh` check was given). */
  stale: number;
  latencies: number[];
}

let clientCounter = 0;
function nextClientIp(): string {
  clientCounter = (clientCounter + 1) % 16_777_216;
  return `10.${(clientCounter >> 16) & 255}.${(clientCounter >> 8) & 255}.${clientCounter & 255}`;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const latencies: number[] = [];
  let good = 0;
  let non2xx = 0;
  let mismatches = 0;
  let stale = 0;
  const u = new URL(options.url);
  const request: autocannon.Request = {
    method: 'GET',
    path: u.pathname + u.search,
    headers: options.headers ?? {},
    onResponse: (status: number, body: string) => {
      if (status < 200 || status > 299) non2xx += 1;
      else if (!body.includes(options.marker)) mismatches += 1;
      else {
        good += 1;
        if (options.fresh && !options.fresh(body)) stale += 1;
      }
    },
  };
  if (options.distinctClients) {
    request.setupRequest = (req: autocannon.Request) => ({ ...req, headers: { ...(options.headers ?? {}), 'x-forwarded-for': nextClientIp() } });
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const instance = autocannon({
    url: u.origin,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationS ?? 10 }),
    requests: [request],
    timeout: 10,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const requests = good + non2xx + mismatches;
  return {
    url: options.url,
    connections: options.connections,
    durationS: Math.round(elapsedS * 100) / 100,
    requests,
    rps: goodRps({ requests, non2xx, mismatches, durationS: elapsedS }),
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches,
    bodyBytes: options.bodyBytes ?? 0,
    stale,
    latencies,
    generatorCpuPct: Math.round(((cpu.user + cpu.system) / 1e6 / elapsedS) * 100),
    ...summarize(latencies),
  };
}
