// Local HTTP servers that play WeCom, DingTalk and Feishu (and a generic webhook) as their docs describe:
// they check the key/token, verify the DingTalk and Feishu signatures themselves (written out here from the
// provider docs, not imported from the app), enforce the body limits and the rate limits, and answer
// failures the providers' way: HTTP 200 with a non-zero errcode (Feishu: code). A script of forced answers
// (HTTP 500, 429, a rate-limit code, a time-out) lets a test drive the retries.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProviderKind = 'wecom' | 'dingtalk' | 'feishu' | 'webhook';
export type Forced = { http: number; retryAfter?: string } | { code: number } | 'timeout' | 'hangup';

export interface Received {
  at: number;
  body: Record<string, unknown>;
  /** The message text, whichever kind: WeCom content, DingTalk text, Feishu card markdown, webhook text. */
  text: string;
}

export interface FakeProvider {
  kind: ProviderKind;
  url: string;
  secret: string | null;
  /** Messages accepted (answered errcode 0). */
  accepted: Received[];
  /** Every request that reached the server, accepted or not. */
  requests: number;
  /** Answers given other than success, in order (e.g. "errcode 310000", "http 500", "timeout"). */
  refusals: string[];
  force(...answers: Forced[]): void;
  close(): Promise<void>;
}

const WINDOW_MIN = 60_000;

/** body.a.b[0].c, or undefined anywhere along the way. */
function pick(value: unknown, ...path: Array<string | number>): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined;
  return v;
}

function textOf(kind: ProviderKind, body: unknown): string {
  if (kind === 'wecom') return String(pick(body, 'markdown', 'content') ?? '');
  if (kind === 'dingtalk') return String(pick(body, 'markdown', 'text') ?? '');
  if (kind === 'feishu') return String(pick(body, 'card', 'elements', 0, 'content') ?? '');
  return String(pick(body, 'text') ?? '');
}

export async function startFakeProvider(kind: ProviderKind, options: { secret?: string | null; perMinute?: number; responseDelayMs?: number } = {}): Promise<FakeProvider> {
  const token = `tok-${kind}-0123456789abcdef`;
  const secret = options.secret === undefined ? (kind === 'dingtalk' || kind === 'feishu' ? `SEC-${kind}-secret-4321` : null) : options.secret;
  const perMinute = options.perMinute ?? (kind === 'feishu' ? 100 : 20);
  const forced: Forced[] = [];
  const hits: number[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const state: FakeProvider = { kind, url: '', secret, accepted: [], requests: 0, refusals: [], force: (...a) => forced.push(...a), close: async () => undefined };

  const codeField = kind === 'feishu' ? 'code' : 'errcode';
  const answer = (res: http.ServerResponse, code: number, msg: string) => {
    if (code !== 0) state.refusals.push(`${codeField} ${code}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(kind === 'feishu' ? { code, msg, data: {} } : { errcode: code, errmsg: msg }));
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8').on('data', (c: string) => (raw += c));
    req.on('end', () => {
      state.requests++;
      const next = forced.shift();
      if (next === 'timeout') {
        state.refusals.push('timeout');
        return; // never answers; the client's time-out fires
      }
      if (next === 'hangup') {
        state.refusals.push('hangup');
        req.socket.destroy();
        return;
      }
      if (next && 'http' in next) {
        state.refusals.push(`http ${next.http}`);
        res.writeHead(next.http, next.retryAfter ? { 'retry-after': next.retryAfter } : {}).end('busy');
        return;
      }
      if (next && 'code' in next) return answer(res, next.code, 'forced');

      const url = new URL(req.url ?? '/', 'http://x');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return answer(res, kind === 'feishu' ? 9499 : 40001, 'bad json');
      }
      const now = Date.now();
      if (kind === 'wecom') {
        if (url.pathname !== '/cgi-bin/webhook/send' || url.searchParams.get('key') !== token) return answer(res, 93000, 'invalid webhook url');
        if (body.msgtype !== 'markdown') return answer(res, 40008, 'invalid message type');
        if (Buffer.byteLength(String(pick(body, 'markdown', 'content') ?? ''), 'utf8') > 4096) return answer(res, 45002, 'content exceed max length');
      }
      if (kind === 'dingtalk') {
        if (url.pathname !== '/robot/send' || url.searchParams.get('access_token') !== token) return answer(res, 300001, 'token is not exist');
        if (secret) {
          // DingTalk: sign = urlencode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))), ms, within an hour.
          const ts = url.searchParams.get('timestamp') ?? '';
          const expected = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
          if (!/^\d{13}$/.test(ts) || Math.abs(now - Number(ts)) > 3_600_000 || url.searchParams.get('sign') !== expected) return answer(res, 310000, 'sign not match');
        }
        if (body.msgtype !== 'markdown' || typeof pick(body, 'markdown', 'title') !== 'string' || typeof pick(body, 'markdown', 'text') !== 'string') return answer(res, 40035, 'missing parameter');
      }
      if (kind === 'feishu') {
        if (url.pathname !== `/open-apis/bot/v2/hook/${token}`) return answer(res, 19001, 'param invalid: incoming webhook access token invalid');
        if (Buffer.byteLength(raw, 'utf8') > 20 * 1024) return answer(res, 9499, 'request body too large');
        if (secret) {
          // Feishu: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = "")), seconds as a string, within an hour.
          const ts = String(body.timestamp ?? '');
          const expected = createHmac('sha256', `${ts}\n${secret}`).update('').digest('base64');
          if (!/^\d{10}$/.test(ts) || Math.abs(now / 1000 - Number(ts)) > 3600 || body.sign !== expected) return answer(res, 19021, 'sign match fail or timestamp is not within one hour from current time');
        }
        if (body.msg_type !== 'interactive' || !body.card) return answer(res, 19002, 'params error');
        const lastSecond = hits.filter((t) => t > now - 1000).length;
        if (lastSecond >= 5) return answer(res, 11232, 'frequency limited');
      }
      while (hits.length && hits[0] <= now - WINDOW_MIN) hits.shift();
      if (kind !== 'webhook' && hits.length >= perMinute) return answer(res, kind === 'wecom' ? 45009 : kind === 'dingtalk' ? 130101 : 11232, 'too frequent');
      hits.push(now);
      state.accepted.push({ at: now, body, text: textOf(kind, body) });
      const reply = () => (kind === 'webhook' ? res.writeHead(204).end() : answer(res, 0, 'ok'));
      if (options.responseDelayMs) setTimeout(reply, options.responseDelayMs);
      else reply();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const paths: Record<ProviderKind, string> = {
    wecom: `/cgi-bin/webhook/send?key=${token}`,
    dingtalk: `/robot/send?access_token=${token}`,
    feishu: `/open-apis/bot/v2/hook/${token}`,
    webhook: `/hooks/weekline`,
  };
  state.url = `http://127.0.0.1:${port}${paths[kind]}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}
