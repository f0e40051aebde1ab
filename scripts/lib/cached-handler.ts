// Answers repeat requests for the weekly views from lib/page-cache after checking, on every request,
// that the session cookie is valid and the user may see the page. Everything else goes to Next.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SESSION_COOKIE, getAuthSecret, sessionTimings } from '@/db/auth';
import { getDataVersion, getSessionByToken, verifySignedToken } from '@/db/queries/page-cache';
import { getEnv } from '@/lib/env';
import { pickLanguage } from '@/lib/i18n/pick';
import { PageCache, cacheKey, isCacheablePath, isHtmlRequest, joinWithNonce, nonceOf, splitOnNonce, type CachedPage } from '@/lib/page-cache';
import { newNonce } from '@/lib/security/headers';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

/** The session behind the cookie when it is valid right now and needs no refresh; else null (Next decides). */
function currentSession(cookies: Map<string, string>, now: number) {
  const raw = cookies.get(SESSION_COOKIE());
  if (!raw) return null;
  const token = verifySignedToken(raw, getAuthSecret());
  if (!token) return null;
  const found = getSessionByToken(token);
  if (!found || found.disabled) return null;
  const { expiresInSec, updateAgeSec } = sessionTimings();
  const expires = found.expiresAt.getTime();
  if (expires <= now) return null;
  if (now - found.createdAt.getTime() > getEnv().SESSION_MAX_HOURS * 3_600_000) return null;
  // Due for its sliding refresh: let better-auth do it on this request.
  if (expires - expiresInSec * 1000 + updateAgeSec * 1000 <= now) return null;
  return found;
}

function replay(hit: CachedPage, res: ServerResponse): void {
  // A nonce is never served twice: the cached page gets a fresh one in its CSP and in its tags.
  const nonce = hit.nonce ? newNonce() : '';
  res.statusCode = hit.status;
  for (const [name, value] of hit.headers) {
    res.setHeader(name, hit.nonce && typeof value === 'string' ? value.split(hit.nonce).join(nonce) : value);
  }
  res.setHeader('x-weekline-cache', 'hit');
  res.end(joinWithNonce(hit.segments, nonce));
}

export function withPageCache(handle: Handler, cache = new PageCache()): Handler {
  // Misses being rendered right now, by key and data version: a burst of requests for the same page
  // (ten tabs, a wall screen and a meeting after a publish) waits for one render instead of ten.
  const inflight = new Map<string, Promise<void>>();
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!isCacheablePath(url.pathname) || !isHtmlRequest(req.method, req.headers, url.search)) return handle(req, res);
    const cookies = readCookies(req.headers.cookie);
    const session = currentSession(cookies, Date.now());
    if (!session) return handle(req, res);

    const key = cacheKey({
      url: url.pathname + url.search,
      userId: session.userId,
      role: session.role,
      lang: pickLanguage(cookies.get('weekline.lang'), req.headers['accept-language']),
      theme: cookies.get('weekline.theme') === 'dark' ? 'dark' : 'light',
    });
    const version = getDataVersion();
    const hit = cache.get(key, version);
    if (hit) return replay(hit, res);
    const flightKey = `${key}\u0000${version}`;
    const pending = inflight.get(flightKey);
    if (pending) {
      await pending;
      const rendered = cache.get(key, version);
      if (rendered) return replay(rendered, res);
    }
    let settle = () => {};
    inflight.set(flightKey, new Promise<void>((resolve) => (settle = resolve)));
    res.once('close', () => {
      inflight.delete(flightKey);
      settle();
    });
    // Stored pages are kept uncompressed so their nonce can be renewed on every replay.
    delete req.headers['accept-encoding'];
    capture(res, (page) => cache.set(key, { ...page, version }));
    res.setHeader('x-weekline-cache', 'miss');
    await handle(req, res);
  };
}

/** Collects what Next writes; stores it only for a complete 200 HTML answer that sets no cookie. */
function capture(res: ServerResponse, store: (page: Omit<CachedPage, 'version'>) => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const toBuffer = (chunk: unknown, encoding?: unknown) =>
    Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]));
    const headers = res.getHeaders();
    const type = String(headers['content-type'] ?? '');
    if (res.statusCode === 200 && type.startsWith('text/html') && !headers['set-cookie'] && !headers['content-encoding']) {
      const kept = Object.entries(headers)
        .filter(([name]) => !['x-weekline-cache', 'content-length', 'date', 'transfer-encoding', 'connection'].includes(name))
        .map(([name, value]) => [name, Array.isArray(value) ? value : String(value)] as [string, string | string[]]);
      const nonce = nonceOf(String(headers['content-security-policy'] ?? ''));
      store({ status: 200, headers: kept, segments: splitOnNonce(Buffer.concat(chunks), nonce), nonce, storedAt: Date.now() });
    }
    return end(chunk, ...rest);
  }) as ServerResponse['end'];
}
