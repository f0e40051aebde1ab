// Share tokens: 32 random bytes, base64url (43 characters). Only the SHA-256 hex of a token is stored,
// so a database leak does not leak working links.
import { createHash, randomBytes } from 'node:crypto';
import { z } from '@/lib/validation/zod';

export const TOKEN_BYTES = 32;

export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function generateShareToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sharePath(token: string): string {
  return `/s/${token}`;
}
