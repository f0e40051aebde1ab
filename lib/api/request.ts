// Request details of /api/v1 that need no database: idempotency keys and fingerprints, If-Match, ETags.
import { createHash } from 'node:crypto';

/** 1–255 visible ASCII characters (the IETF draft leaves the format open; UUIDs fit). */
const IDEMPOTENCY_KEY_RE = /^[\x21-\x7e]{1,255}$/;

export function parseIdempotencyKey(header: string | null): string | null | 'invalid' {
  if (header === null) return null;
  const key = header.trim().replace(/^"(.*)"$/, '$1');
  return IDEMPOTENCY_KEY_RE.test(key) ? key : 'invalid';
}

/** What "the same request" means for a replay: method, path and the exact body bytes. */
export function requestFingerprint(method: string, path: string, body: Uint8Array | string): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n`).update(body).digest('hex');
}

/** The week's version as a strong ETag. */
export const versionEtag = (version: number) => `"${version}"`;

/**
 * `If-Match`: null when absent, '*' for any existing week, the version for `"3"`, `3` or `W/"3"`,
 * 'invalid' for anything else (a list of several versions included: one week has one version).
 */
export function parseIfMatch(header: string | null): number | '*' | null | 'invalid' {
  if (header === null) return null;
  const v = header.trim();
  if (v === '*') return '*';
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(v);
  return m ? Number(m[1]) : 'invalid';
}
