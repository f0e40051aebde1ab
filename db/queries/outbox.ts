// The outbox: claiming a due message with a lease (one UPDATE … RETURNING, atomic across processes, which
// also enforces each channel's rate limit), and settling it. Rows are created by the publish triggers
// (see db/migrations/*_digest_outbox_triggers.sql) and by enqueueReminders.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { OutboxKind, OutboxStatus } from '@/lib/constants';
import type { WeekStart } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { channels, outbox } from '../schema';

export interface ClaimedMessage {
  id: number;
  weekStart: WeekStart;
  channelId: number;
  kind: OutboxKind;
  seq: number;
  weekVersion: number | null;
  attempts: number;
}

/** Sends per channel: WeCom and DingTalk 20 a minute; Feishu 100 a minute and 5 a second; a generic webhook 60. */
export const RATE_LIMITS = { wecom: 20, dingtalk: 20, feishu: 100, feishuPerSecond: 5, webhook: 60 };
export type RateLimits = typeof RATE_LIMITS;

const CLAIM_SQL = `
UPDATE outbox SET lease_owner = @owner, lease_until = @now + @leaseMs, last_attempt_at = @now, attempts = attempts + 1
WHERE id = (
  SELECT o.id FROM outbox o JOIN channels c ON c.id = o.channel_id
  WHERE o.status = 'pending' AND o.next_attempt_at <= @now AND (o.lease_until IS NULL OR o.lease_until < @now)
    AND c.removed_at IS NULL
    AND (SELECT count(*) FROM outbox r WHERE r.channel_id = o.channel_id AND r.last_attempt_at > @now - 60000)
        < (CASE c.kind WHEN 'feishu' THEN @feishu WHEN 'webhook' THEN @webhook WHEN 'dingtalk' THEN @dingtalk ELSE @wecom END)
    AND (c.kind <> 'feishu' OR (SELECT count(*) FROM outbox r WHERE r.channel_id = o.channel_id AND r.last_attempt_at > @now - 1000) < @feishuPerSecond)
    AND (o.kind <> 'restated' OR NOT EXISTS (SELECT 1 FROM outbox d WHERE d.channel_id = o.channel_id AND d.week_start = o.week_start AND d.kind = 'digest' AND d.status = 'pending'))
  ORDER BY o.next_attempt_at, o.id LIMIT 1
) AND status = 'pending' AND (lease_until IS NULL OR lease_until < @now)
RETURNING id, week_start AS weekStart, channel_id AS channelId, kind, seq, week_version AS weekVersion, attempts`;

/** The next due message, leased to `owner` until now + leaseMs; null when nothing is due (or allowed yet). */
export function claimNext(db: Db, owner: string, now: number, leaseMs: number, limits: RateLimits = RATE_LIMITS): ClaimedMessage | null {
  return (db.$client.prepare(CLAIM_SQL).get({ owner, now, leaseMs, ...limits }) as ClaimedMessage | undefined) ?? null;
}

/** Settles a claimed message, only while the lease is still ours; false when it was lost meanwhile. */
export function markSent(db: Db, id: number, owner: string, now: number): boolean {
  return db.$client.prepare(`UPDATE outbox SET status = 'sent', sent_at = @now, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'`).run({ id, owner, now }).changes === 1;
}

export function markRetry(db: Db, id: number, owner: string, error: string, nextAttemptAt: number, maxAttempts: number): boolean {
  return db.$client
    .prepare(`UPDATE outbox SET status = CASE WHEN attempts >= @maxAttempts THEN 'failed' ELSE 'pending' END, next_attempt_at = @next, last_error = @error, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'`)
    .run({ id, owner, error, next: nextAttemptAt, maxAttempts }).changes === 1;
}

export function markFinal(db: Db, id: number, owner: string, status: Extract<OutboxStatus, 'failed' | 'cancelled'>, error: string): boolean {
  return db.$client.prepare(`UPDATE outbox SET status = @status, last_error = @error, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'`).run({ id, owner, status, error }).changes === 1;
}

/** Puts a claimed message back without counting the attempt (e.g. the week was unpublished meanwhile). */
export function postpone(db: Db, id: number, owner: string, nextAttemptAt: number): void {
  db.$client.prepare(`UPDATE outbox SET attempts = attempts - 1, next_attempt_at = @next, lease_owner = NULL, lease_until = NULL WHERE id = @id AND lease_owner = @owner AND status = 'pending'`).run({ id, owner, next: nextAttemptAt });
}

/** One reminder per week and active channel; a second call for the same week adds nothing. */
export function enqueueReminders(db: Db, weekStart: WeekStart, now: number): number {
  return db.$client
    .prepare(`INSERT INTO outbox (week_start, channel_id, kind, seq, next_attempt_at, created_at) SELECT @week, c.id, 'reminder', 0, @now, @now FROM channels c WHERE c.removed_at IS NULL ON CONFLICT (week_start, channel_id, kind, seq) DO NOTHING`)
    .run({ week: weekStart, now }).changes;
}

export interface DeliverySummary {
  id: number;
  weekStart: WeekStart;
  channelLabel: string;
  kind: OutboxKind;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  sentAt: number | null;
  createdAt: number;
}

export function listDeliveries(limit = 30, db: Db = getDb()): DeliverySummary[] {
  return db
    .select({ id: outbox.id, weekStart: outbox.weekStart, channelLabel: channels.label, kind: outbox.kind, status: outbox.status, attempts: outbox.attempts, lastError: outbox.lastError, sentAt: outbox.sentAt, createdAt: outbox.createdAt })
    .from(outbox)
    .innerJoin(channels, eq(outbox.channelId, channels.id))
    .orderBy(desc(outbox.id))
    .limit(limit)
    .all();
}

export function countPending(db: Db = getDb()): number {
  return db.select({ id: outbox.id }).from(outbox).innerJoin(channels, and(eq(outbox.channelId, channels.id), isNull(channels.removedAt))).where(eq(outbox.status, 'pending')).all().length;
}
