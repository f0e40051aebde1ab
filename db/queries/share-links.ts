// Read-only share links. The token is returned once at creation (and rotation) and never stored: the
// table keeps its SHA-256, and a lookup hashes the presented token and finds the row by that hash.
import { desc, eq, sql } from 'drizzle-orm';
import { expiryInstant, type ShareExpiry } from '@/lib/share/expiry';
import { generateShareToken, hashShareToken, sharePath, shareTokenSchema } from '@/lib/share/token';
import type { WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { channels, shareLinks, user } from '../schema';
import { recordRevision } from './audit';

type Actor = { userId: string; email: string } | null;

export interface ShareScope {
  id: number;
  fromWeek: WeekStart | null;
  toWeek: WeekStart | null;
  /** The version the link shows unless its reader switches (?as=): chosen by its creator. */
  asOf: 'current' | 'reported';
}

export interface ShareLinkSummary {
  id: number;
  label: string;
  fromWeek: WeekStart | null;
  toWeek: WeekStart | null;
  creatorEmail: string | null;
  /** Set for a link a channel's digest carries. */
  channelLabel: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  views: number;
  revokedAt: Date | null;
}

export interface IssuedShareLink {
  id: number;
  token: string;
  path: string;
}

const actorFields = (actor: Actor) => ({ userId: actor?.userId, userEmail: actor?.email ?? 'cli' });

export function createShareLink(
  input: { label: string; expiresIn: ShareExpiry; fromWeek?: WeekStart | null; toWeek?: WeekStart | null; asOf?: 'current' | 'reported' },
  actor: Actor,
  db: Db = getDb(),
  now: Date = new Date(),
): IssuedShareLink {
  const token = generateShareToken();
  const expiresAt = expiryInstant(input.expiresIn, now);
  const scope = { fromWeek: input.fromWeek ?? null, toWeek: input.toWeek ?? null };
  const id = db.transaction((tx) => {
    const row = tx
      .insert(shareLinks)
      .values({ label: input.label, tokenHash: hashShareToken(token), ...scope, asOf: input.asOf ?? 'current', createdBy: actor?.userId ?? null, createdAt: now, expiresAt })
      .returning({ id: shareLinks.id })
      .get();
    recordRevision(tx, { entity: 'share', entityId: String(row.id), action: 'create', after: { label: input.label, expiresAt: expiresAt?.toISOString() ?? null, ...scope, asOf: input.asOf ?? 'current' }, ...actorFields(actor) });
    return row.id;
  });
  return { id, token, path: sharePath(token) };
}

export function listShareLinks(db: Db = getDb()): ShareLinkSummary[] {
  return db
    .select({
      id: shareLinks.id,
      label: shareLinks.label,
      fromWeek: shareLinks.fromWeek,
      toWeek: shareLinks.toWeek,
      creatorEmail: user.email,
      channelLabel: channels.label,
      createdAt: shareLinks.createdAt,
      expiresAt: shareLinks.expiresAt,
      lastUsedAt: shareLinks.lastUsedAt,
      views: shareLinks.views,
      revokedAt: shareLinks.revokedAt,
    })
    .from(shareLinks)
    .leftJoin(user, eq(shareLinks.createdBy, user.id))
    .leftJoin(channels, eq(shareLinks.channelId, channels.id))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id))
    .all();
}

/** Revoking is immediate and final: the next request with the token gets the 404. */
export function revokeShareLink(id: number, actor: Actor, db: Db = getDb(), now: Date = new Date()): 'ok' | 'not_found' | 'already_revoked' {
  return db.transaction((tx) => {
    const row = tx.select({ revokedAt: shareLinks.revokedAt }).from(shareLinks).where(eq(shareLinks.id, id)).get();
    if (!row) return 'not_found';
    if (row.revokedAt) return 'already_revoked';
    tx.update(shareLinks).set({ revokedAt: now }).where(eq(shareLinks.id, id)).run();
    recordRevision(tx, { entity: 'share', entityId: String(id), action: 'update', before: { revokedAt: null }, after: { revokedAt: now.toISOString() }, reason: 'revoke', ...actorFields(actor) });
    return 'ok';
  }, { behavior: 'immediate' });
}

/** A new token for the same link: the old hash is replaced, so the old URL is dead at once. */
export function rotateShareLink(id: number, actor: Actor, db: Db = getDb()): IssuedShareLink | 'not_found' | 'revoked' {
  const token = generateShareToken();
  return db.transaction((tx) => {
    const row = tx.select({ revokedAt: shareLinks.revokedAt }).from(shareLinks).where(eq(shareLinks.id, id)).get();
    if (!row) return 'not_found' as const;
    if (row.revokedAt) return 'revoked' as const;
    tx.update(shareLinks).set({ tokenHash: hashShareToken(token) }).where(eq(shareLinks.id, id)).run();
    recordRevision(tx, { entity: 'share', entityId: String(id), action: 'update', reason: 'rotate', ...actorFields(actor) });
    return { id, token, path: sharePath(token) };
  }, { behavior: 'immediate' });
}

/** The link's scope, or null for a malformed, unknown, revoked or expired token (callers answer all four alike). */
export function resolveShareToken(token: unknown, db: Db = getDb(), now: Date = new Date()): ShareScope | null {
  const parsed = shareTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const row = db
    .select({ id: shareLinks.id, fromWeek: shareLinks.fromWeek, toWeek: shareLinks.toWeek, asOf: shareLinks.asOf, expiresAt: shareLinks.expiresAt, revokedAt: shareLinks.revokedAt })
    .from(shareLinks)
    .where(eq(shareLinks.tokenHash, hashShareToken(parsed.data)))
    .get();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime())) return null;
  return { id: row.id, fromWeek: row.fromWeek, toWeek: row.toWeek, asOf: row.asOf };
}

export function recordShareView(id: number, db: Db = getDb(), now: Date = new Date()): void {
  db.update(shareLinks).set({ views: sql`${shareLinks.views} + 1`, lastUsedAt: now }).where(eq(shareLinks.id, id)).run();
}
