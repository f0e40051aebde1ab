// A small in-memory cache of whole HTML pages for the weekly views. The server consults it only after
// it has checked the request's session itself; entries are per user, per language and theme, and are
// dropped when the data version moves or after a minute. Every replay carries a fresh CSP nonce.
export interface CachedPage {
  status: number;
  headers: Array<[string, string | string[]]>;
  /** The body cut at every occurrence of its CSP nonce, so each replay can carry a fresh one. */
  segments: Buffer[];
  /** The nonce the page was rendered with; null when the response had none. */
  nonce: string | null;
  version: string;
  storedAt: number;
}

const NONCE_RE = /'nonce-([A-Za-z0-9+/=_-]+)'/;

export function nonceOf(csp: string | undefined): string | null {
  return csp ? (NONCE_RE.exec(csp)?.[1] ?? null) : null;
}

/** Splits `body` at each occurrence of `nonce`: joining the parts with a new nonce renews the page. */
export function splitOnNonce(body: Buffer, nonce: string | null): Buffer[] {
  if (!nonce) return [body];
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, start)) {
    parts.push(body.subarray(start, at));
    start = at + needle.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

export function joinWithNonce(segments: readonly Buffer[], nonce: string): Buffer {
  const glue = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  segments.forEach((s, i) => {
    if (i > 0) pieces.push(glue);
    pieces.push(s);
  });
  return Buffer.concat(pieces);
}

/** Signed-in pages whose content depends only on the data, the user's role and their language/theme. */
const CACHEABLE = [/^\/$/, /^\/weeks\/[^/]+$/, /^\/metrics\/[^/]+$/];

export function isCacheablePath(pathname: string): boolean {
  return CACHEABLE.some((re) => re.test(pathname));
}

/** A browser navigation or a plain GET for HTML: not an RSC fetch, prefetch or server action. */
export function isHtmlRequest(method: string | undefined, headers: Record<string, string | string[] | undefined>, search: string): boolean {
  if (method !== 'GET') return false;
  if (headers.rsc || headers['next-router-prefetch'] || headers['next-router-state-tree'] || headers['next-action']) return false;
  if (/(^|[?&])_rsc=/.test(search)) return false;
  return true;
}

export function cacheKey(parts: { url: string; userId: string; role: string; lang: string; theme: string }): string {
  return [parts.url, parts.userId, parts.role, parts.lang, parts.theme].join('\u0000');
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 60_000,
  ) {}

  get(key: string, version: string, now = Date.now()): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.version !== version || now - entry.storedAt > this.ttlMs) {
      this.entries.delete(key);
      return null;
    }
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, page: CachedPage): void {
    this.entries.delete(key);
    this.entries.set(key, page);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
