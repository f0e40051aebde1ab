// The delivery worker inside the app process: every few seconds, one pass of deliverDue. Started from
// instrumentation.ts register() (Node runtime, not during `next build`); its timer is unref'd so it never
// keeps a process alive, and a pass never overlaps the previous one. Other processes (a second app
// instance, `notify run` from cron) may run passes at the same time: the leases keep them apart.
import { getEnv } from '@/lib/env';
import { openDatabase, type Db } from '../index';
import { reminderDueWeek } from '@/lib/digest/reminder';
import { deliverDue } from './deliver';
import { weekStatus } from './digest-content';
import { getDigestSettings } from './digest-settings';

export const WORKER_INTERVAL_MS = 5_000;

const state = globalThis as unknown as { weeklineDigestWorker?: NodeJS.Timeout };

export function startDigestWorker(intervalMs = WORKER_INTERVAL_MS): void {
  if (state.weeklineDigestWorker) return;
  let running = false;
  const env = getEnv();
  const baseUrl = env.BASE_URL ?? `http://localhost:${env.PORT}`;
  // Its own connection with a short busy wait: better-sqlite3 waits synchronously, so a worker waiting the
  // requests' 5 s for a lock another process holds (a CLI import, a backup) would stall every request.
  let db: Db | null = null;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      db ??= workerConnection(env.DATABASE_PATH);
      if (!hasWork(db)) return;
      await deliverDue(db, { baseUrl, allowHosts: env.WEBHOOK_ALLOW_HOSTS, log: (line) => console.warn(line) });
    } catch (error) {
      // Busy: another process is writing; the next tick tries again.
      if ((error as { code?: string })?.code === 'SQLITE_BUSY') return;
      // A failed pass is logged (never with a channel's URL: errors carry codes only) and tried again next tick.
      console.error(`weekline: digest delivery pass failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  state.weeklineDigestWorker = setInterval(() => void tick(), intervalMs);
  state.weeklineDigestWorker.unref();
}

function workerConnection(file: string): Db {
  const db = openDatabase(file);
  db.$client.pragma('busy_timeout = 250');
  return db;
}

/** Reads only (never blocked in WAL mode) before any write: a message is due, or a reminder is. */
function hasWork(db: Db): boolean {
  const now = Date.now();
  const due = db.$client
    .prepare(`SELECT 1 FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?) LIMIT 1`)
    .get(now, now);
  const channels = db.$client.prepare(`SELECT 1 FROM channels WHERE removed_at IS NULL LIMIT 1`).get();
  return Boolean(due) || (Boolean(channels) && reminderMayBeDue(db, new Date(now)));
}

/** The reminder time has passed, the week is not published, and some channel has no reminder for it yet. */
function reminderMayBeDue(db: Db, now: Date): boolean {
  const week = reminderDueWeek(now, getDigestSettings(db).reminder);
  if (!week || weekStatus(db, week)?.status === 'published') return false;
  return Boolean(
    db.$client
      .prepare(`SELECT 1 FROM channels c WHERE c.removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.channel_id = c.id AND o.week_start = ? AND o.kind = 'reminder') LIMIT 1`)
      .get(week),
  );
}
