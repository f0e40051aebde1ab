// API keys: `wl_` + 32 random bytes in base64url (256 bits). Only a lookup prefix and the SHA-256 of the whole
// key are stored; the key itself is shown once, at creation.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_BYTES = 32;
const KEY_RE = /^wl_[A-Za-z0-9_-]{43}$/;
/** `wl_` and the first 8 random characters: finds the row and names the key in lists, says nothing useful alone. */
export const PREFIX_LENGTH = 3 + 8;

export interface IssuedKey {
  key: string;
  prefix: string;
  hash: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}

export function generateApiKey(): IssuedKey {
  const key = `wl_${randomBytes(API_KEY_BYTES).toString('base64url')}`;
  return { key, prefix: apiKeyPrefix(key), hash: hashApiKey(key) };
}

/** The key of an `Authorization: Bearer wl_…` header, or null for anything else (missing, other scheme, malformed). */
export function bearerKey(authorization: string | null | undefined): string | null {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  return m && KEY_RE.test(m[1]) ? m[1] : null;
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
