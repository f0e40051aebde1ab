// Group-chat channels. The URL (its key or token) and the signing secret are stored because sending needs
// them, but they never leave this module except to the sender: listings carry the masked URL and the
// secret's last 4 characters only, and the audit trail records neither.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ChannelKind } from '@/lib/constants';
import { lastFour, maskUrl } from '@/lib/digest/url-policy';
import { getDb, type Db } from '../index';
import { channels, outbox } from '../schema';
import { recordRevision } from './audit';

type Actor = { userId: string; email: string } | null;

export interface NewChannel {
  kind: ChannelKind;
  url: string;
  secret: string | null;
  label: string;
}

export interface ChannelSummary {
  id: number;
  kind: ChannelKind;
  label: string;
  maskedUrl: string;
  secretHint: string;
  createdAt: Date;
}

/** What the sender needs; never handed to a page or printed. */
export interface ChannelTarget {
  id: number;
  kind: ChannelKind;
  label: string;
  url: string;
  secret: string | null;
  removed: boolean;
}

const actorFields = (actor: Actor) => ({ userId: actor?.userId, userEmail: actor?.email ?? 'cli' });

export function addChannel(input: NewChannel, actor: Actor, db: Db = getDb()): number {
  return db.transaction((tx) => {
    const row = tx.insert(channels).values({ ...input, createdBy: actor?.userId ?? null }).returning({ id: channels.id }).get();
    recordRevision(tx, { entity: 'channel', entityId: String(row.id), action: 'create', after: { kind: input.kind, label: input.label, url: maskUrl(input.url), secret: input.secret ? lastFour(input.secret) : null }, ...actorFields(actor) });
    return row.id;
  });
}

export function listChannels(db: Db = getDb()): ChannelSummary[] {
  return db
    .select({ id: channels.id, kind: channels.kind, label: channels.label, url: channels.url, secret: channels.secret, createdAt: channels.createdAt })
    .from(channels)
    .where(isNull(channels.removedAt))
    .orderBy(desc(channels.createdAt), desc(channels.id))
    .all()
    .map(({ url, secret, ...c }) => ({ ...c, maskedUrl: maskUrl(url), secretHint: lastFour(secret) }));
}

export function getChannelTarget(id: number, db: Db = getDb()): ChannelTarget | null {
  const row = db.select().from(channels).where(eq(channels.id, id)).get();
  return row ? { id: row.id, kind: row.kind, label: row.label, url: row.url, secret: row.secret, removed: row.removedAt !== null } : null;
}

/** Nothing more is sent to a removed channel: its pending messages are cancelled in the same transaction. */
export function removeChannel(id: number, actor: Actor, db: Db = getDb(), now: Date = new Date()): 'ok' | 'not_found' {
  return db.transaction((tx) => {
    const row = tx.select({ label: channels.label }).from(channels).where(and(eq(channels.id, id), isNull(channels.removedAt))).get();
    if (!row) return 'not_found';
    tx.update(channels).set({ removedAt: now }).where(eq(channels.id, id)).run();
    tx.update(outbox).set({ status: 'cancelled', lastError: 'channel removed', leaseOwner: null, leaseUntil: null }).where(and(eq(outbox.channelId, id), eq(outbox.status, 'pending'))).run();
    recordRevision(tx, { entity: 'channel', entityId: String(id), action: 'delete', before: { label: row.label }, ...actorFields(actor) });
    return 'ok';
  }, { behavior: 'immediate' });
}
