// The benchmark's HTTP client: node:http with keep-alive, one connection pool per client address, so a
// share reader can come from its own 127.x.y.z source address (no header trick) and the server sees what
// it would see from distinct machines. Bodies are read whole; compressed bytes are counted as received.
import http from 'node:http';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';

export interface Answer {
  status: number;
  ms: number;
  /** Bytes on the wire (compressed when the server compressed). */
  wireBytes: number;
  body: string;
  startedAt: number;
  error?: string;
}

const agents = new Map<string, http.Agent>();

function agentFor(localAddress: string | undefined): http.Agent {
  const key = localAddress ?? '';
  let agent = agents.get(key);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 64, ...(localAddress ? { localAddress } : {}) });
    agents.set(key, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const a of agents.values()) a.destroy();
  agents.clear();
}

/** The n-th distinct loopback source address (127.1.0.1, 127.1.0.2, …); every one of them reaches 127.0.0.1. */
export function loopbackAddress(n: number): string {
  return `127.${1 + Math.floor(n / 65_000)}.${Math.floor((n % 65_000) / 250)}.${(n % 250) + 1}`;
}

export function get(origin: string, path: string, headers: Record<string, string>, options: { localAddress?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const url = new URL(path, origin);
  const startedAt = Date.now();
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method: 'GET', headers: { 'accept-encoding': 'gzip, br', ...headers }, agent: agentFor(options.localAddress) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          let body: string | null = null;
          // Decompressed only when somebody reads it (the freshness check), to keep the load generator light.
          const decode = () => {
            try {
              return (encoding === 'gzip' ? gunzipSync(raw) : encoding === 'br' ? brotliDecompressSync(raw) : raw).toString('utf8');
            } catch {
              return '';
            }
          };
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            wireBytes: raw.length,
            startedAt,
            get body() {
              return (body ??= decode());
            },
          });
        });
        res.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, wireBytes: 0, body: '', startedAt, error: e.message }));
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - t0, wireBytes: 0, body: '', startedAt, error: e.message }));
    req.end();
  });
}
