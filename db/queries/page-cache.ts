// Reads the page cache in scripts/serve.ts needs on every request, before any rendering: the data
// version, and who the session cookie belongs to. Both are single indexed lookups.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '@/lib/constants';
import { getDb, type Db } from '../index';
import { session, settings, user } from '../schema';

export function getDataVersion(db: Db = getDb()): string {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'data_version')).get()?.value ?? '0';
}

export interface CookieSession {
  userId: string;
  email: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  expiresAt: Date;
}

/** better-auth's cookie is `token.base64(HMAC-SHA256(token, secret))`, URI-encoded. */
export function verifySignedToken(cookieValue: string, secret: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(cookieValue);
  } catch {
    return null;
  }
  const dot = decoded.lastIndexOf('.');
  if (dot < 1) return null;
  const token = decoded.slice(0, dot);
  const given = Buffer.from(decoded.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

export function getSessionByToken(token: string, db: Db = getDb()): CookieSession | null {
  return (
    db
      .select({ userId: user.id, email: user.email, role: user.role, disabled: user.disabled, createdAt: session.createdAt, expiresAt: session.expiresAt })
      .from(session)
      .innerJoin(user, eq(session.userId, user.id))
      .where(eq(session.token, token))
      .get() ?? null
  );
}
