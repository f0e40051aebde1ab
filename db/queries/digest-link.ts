// The read-only link a channel's digest carries: a share link owned by the channel, scoped to that one week,
// listed (and revocable) on the shares page like any other.
//
// The token is never stored. It is derived: HMAC-SHA256(key = the auth secret, "weekline digest link\n" +
// channel id + "\n" + week), 32 bytes in base64url — the same shape as a random share token. A retry (or a
// restated note) re-derives the very same token and finds the link's row by its SHA-256, so the message
// always carries a working link without the token ever being written down. Knowing a channel id and a week
// does not help an attacker without the auth secret; rotating the auth secret retires every derived link.
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashShareToken, sharePath } from '@/lib/share/token';
import { shareUrl } from '@/lib/share/url';
import type { WeekStart } from '@/lib/weeks';
import type { Db } from '../index';
import { shareLinks } from '../schema';
import { recordRevision } from './audit';

export function deriveDigestToken(authSecret: string, channelId: number, weekStart: WeekStart): string {
  return createHmac('sha256', authSecret).update(`weekline digest link\n${channelId}\n${weekStart}`, 'utf8').digest('base64url');
}

/** The absolute URL of the channel's link to the week, creating its share-link row on first use. */
export function ensureDigestLink(db: Db, input: { authSecret: string; channelId: number; channelLabel: string; weekStart: WeekStart; weekLabel: string; baseUrl: string }): string {
  const token = deriveDigestToken(input.authSecret, input.channelId, input.weekStart);
  const tokenHash = hashShareToken(token);
  db.transaction((tx) => {
    if (tx.select({ id: shareLinks.id }).from(shareLinks).where(eq(shareLinks.tokenHash, tokenHash)).get()) return;
    const label = `${input.channelLabel} · ${input.weekLabel}`;
    const row = tx.insert(shareLinks).values({ label, tokenHash, fromWeek: input.weekStart, toWeek: input.weekStart, channelId: input.channelId }).returning({ id: shareLinks.id }).get();
    recordRevision(tx, { entity: 'share', entityId: String(row.id), action: 'create', after: { label, fromWeek: input.weekStart, toWeek: input.weekStart, channelId: input.channelId }, userEmail: 'digest' });
  }, { behavior: 'immediate' });
  return shareUrl(`${sharePath(token)}/weeks/${encodeURIComponent(input.weekLabel)}`, input.baseUrl);
}
