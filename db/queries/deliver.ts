// The delivery loop shared by the in-app worker and `npm run kpi -- notify run`: enqueue a due reminder,
// then claim one due message at a time (leased), render it, send it, settle it.
//
// Delivery is at-least-once at the network boundary: a process killed after the provider accepted a message
// and before markSent committed leaves the row pending, and once its lease runs out another worker sends it
// again. The window is the provider's answer plus one SQLite commit; the lease (60 s, longer than the send
// time-out) keeps any live worker from sending a message another worker holds.
import { randomUUID } from 'node:crypto';
import type { Language } from '@/lib/constants';
import { composeTest } from '@/lib/digest/compose';
import { renderRequest } from '@/lib/digest/render';
import { reminderDueWeek } from '@/lib/digest/reminder';
import { backoffMs, sendRequest, type SendOutcome } from '@/lib/digest/transport';
import { checkWebhookUrl } from '@/lib/digest/url-policy';
import { shareUrl } from '@/lib/share/url';
import { isAllowedWeekStart } from '@/lib/weeks';
import type { Db } from '../index';
import { getChannelTarget, type ChannelTarget } from './channels';
import { digestMessage, reminderMessage, restatedMessage, weekLabelOf, weekStatus, type Content } from './digest-content';
import { ensureDigestLink } from './digest-link';
import { getDigestSettings } from './digest-settings';
import { claimNext, enqueueReminders, markFinal, markRetry, markSent, postpone, RATE_LIMITS, type ClaimedMessage, type RateLimits } from './outbox';
import { getAuthSecret } from './settings';

export interface DeliverOptions {
  baseUrl: string;
  allowHosts: readonly string[];
  owner?: string;
  now?: () => number;
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  /** Per-channel send limits; the providers' by default (tests may lift them). */
  rateLimits?: RateLimits;
  /** Stop after this many messages in one call (the interval comes back for the rest). */
  maxMessages?: number;
  send?: (kind: ChannelTarget['kind'], request: { url: string; body: string }, timeoutMs: number) => Promise<SendOutcome>;
  log?: (line: string) => void;
}

export interface DeliverReport {
  sent: number;
  retried: number;
  failed: number;
  cancelled: number;
  lostLease: number;
}

export const DEFAULTS = { leaseMs: 60_000, backoffBaseMs: 5_000, backoffMaxMs: 10 * 60_000, maxAttempts: 8, timeoutMs: 10_000, maxMessages: 50 };

function content(db: Db, msg: ClaimedMessage, channel: ChannelTarget, lang: Language, options: DeliverOptions): Content {
  // A row stored by hand or by an old version for a week no report may be about (9999-12-27, 2026-13-45) is
  // skipped by every reader; the chat must not get a digest, nor a share link scoped to it, either.
  if (!isAllowedWeekStart(msg.weekStart)) return { skip: 'cancel', reason: 'not a week a report may be about' };
  const week = weekStatus(db, msg.weekStart);
  if (msg.kind === 'reminder') {
    if (week?.status === 'published') return { skip: 'cancel', reason: 'the week was published before the reminder went out' };
    return { message: reminderMessage(db, msg.weekStart, lang, shareUrl(`/entry/${encodeURIComponent(weekLabelOf(db, msg.weekStart))}`, options.baseUrl)) };
  }
  if (week?.status !== 'published') return { skip: 'postpone', reason: 'the week is not published (any more)' };
  const link = ensureDigestLink(db, { authSecret: getAuthSecret(db), channelId: channel.id, channelLabel: channel.label, weekStart: msg.weekStart, weekLabel: weekLabelOf(db, msg.weekStart), baseUrl: options.baseUrl });
  return { message: msg.kind === 'digest' ? digestMessage(db, msg.weekStart, lang, link) : restatedMessage(db, msg.weekStart, msg.seq, lang, link) };
}

/** Enqueues this week's reminder once its time has passed and the week is not published. */
export function enqueueDueReminder(db: Db, now: Date): number {
  const week = reminderDueWeek(now, getDigestSettings(db).reminder);
  if (!week || weekStatus(db, week)?.status === 'published') return 0;
  return enqueueReminders(db, week, now.getTime());
}

export async function deliverDue(db: Db, options: DeliverOptions): Promise<DeliverReport> {
  const o = { ...DEFAULTS, ...options };
  const owner = o.owner ?? `${process.pid}-${randomUUID()}`;
  const now = o.now ?? Date.now;
  const send = o.send ?? sendRequest;
  const report: DeliverReport = { sent: 0, retried: 0, failed: 0, cancelled: 0, lostLease: 0 };
  enqueueDueReminder(db, new Date(now()));
  const { language } = getDigestSettings(db);
  for (let n = 0; n < o.maxMessages; n++) {
    const msg = claimNext(db, owner, now(), o.leaseMs, o.rateLimits ?? RATE_LIMITS);
    if (!msg) break;
    const channel = getChannelTarget(msg.channelId, db);
    if (!channel || channel.removed) {
      markFinal(db, msg.id, owner, 'cancelled', 'channel removed');
      report.cancelled++;
      continue;
    }
    const allowed = checkWebhookUrl(channel.kind, channel.url, o.allowHosts);
    if (!allowed.ok) {
      markFinal(db, msg.id, owner, 'failed', `the channel's URL is not allowed (${allowed.reason}); see WEBHOOK_ALLOW_HOSTS`);
      report.failed++;
      continue;
    }
    let built: Content;
    try {
      built = content(db, msg, channel, language, o);
    } catch (error) {
      // A message that cannot be rendered now is retried like a failed send, never lost.
      const settled = markRetry(db, msg.id, owner, `could not prepare the message: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500), now() + backoffMs(msg.attempts, { baseMs: o.backoffBaseMs, maxMs: o.backoffMaxMs }), o.maxAttempts);
      if (settled) report.retried++;
      continue;
    }
    if ('skip' in built) {
      if (built.skip === 'cancel') {
        markFinal(db, msg.id, owner, 'cancelled', built.reason);
        report.cancelled++;
      } else postpone(db, msg.id, owner, now() + 5 * 60_000);
      continue;
    }
    const outcome = await send(channel.kind, renderRequest(channel.kind, built.message, channel, now()), o.timeoutMs);
    let settled: boolean;
    if (outcome.ok) {
      settled = markSent(db, msg.id, owner, now());
      if (settled) report.sent++;
    } else if (outcome.retry) {
      settled = markRetry(db, msg.id, owner, outcome.error, now() + backoffMs(msg.attempts, { baseMs: o.backoffBaseMs, maxMs: o.backoffMaxMs, retryAfterMs: outcome.retryAfterMs }), o.maxAttempts);
      if (settled) report.retried++;
    } else {
      settled = markFinal(db, msg.id, owner, 'failed', outcome.error);
      if (settled) report.failed++;
    }
    if (!settled) {
      report.lostLease++;
      o.log?.(`weekline: outbox message ${msg.id} outlived its lease; another worker may have sent it again`);
    }
  }
  return report;
}

/** `notify test` and the page's "Send test": one message straight to the channel, outside the outbox. */
export async function sendTestMessage(db: Db, id: number, allowHosts: readonly string[]): Promise<SendOutcome | 'not_found'> {
  const channel = getChannelTarget(id, db);
  if (!channel || channel.removed) return 'not_found';
  const allowed = checkWebhookUrl(channel.kind, channel.url, allowHosts);
  if (!allowed.ok) return { ok: false, retry: false, error: `the channel's URL is not allowed (${allowed.reason}); see WEBHOOK_ALLOW_HOSTS` };
  return sendRequest(channel.kind, renderRequest(channel.kind, composeTest(getDigestSettings(db).language), channel));
}
