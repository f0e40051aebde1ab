// The share pages' rate limit across processes (lib/share/rate-limit.ts `SharedAttempts`). Each process
// counts its own attempts exactly in memory and reports them per client and minute into `share_rate` in
// batches (one transaction at most every FLUSH_MS, like the share views: never a write per request). Per
// request it reads, with one indexed statement, what the other processes reported for the client over the
// current and the previous minute (so up to two minutes of theirs count: it errs towards refusing a client
// spread over several processes, never towards letting one through). What another process counted in its
// last FLUSH_MS is not seen yet; within one process the limit is exact. Rows older than two minutes are
// deleted by whichever process writes. A process is a random id chosen when it starts.
import { randomUUID } from 'node:crypto';
import type { SharedAttempts } from '@/lib/share/rate-limit';
import { getDb, preparedOnce, type Db } from '../index';

const FLUSH_MS = 500;

export interface SharedShareAttempts extends SharedAttempts {
  /** Writes this process's counts now (tests; otherwise within FLUSH_MS of an attempt). */
  flush(): void;
}

export function sharedShareAttempts(options: { windowMs: number; db?: () => Db; process?: string; flushMs?: number }): SharedShareAttempts {
  const processId = options.process ?? randomUUID();
  const dbOf = options.db ?? (() => getDb());
  const flushMs = options.flushMs ?? FLUSH_MS;
  const windowOf = (now: number) => Math.floor(now / options.windowMs) * options.windowMs;
  // `${windowStart} ${client}` → attempts not written yet (the window is the part before the first space).
  let pending = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending.size) return;
    const batch = pending;
    pending = new Map();
    const db = dbOf();
    try {
      const add = preparedOnce(
        db,
        `INSERT INTO share_rate (client, window_start, process, count) VALUES (?, ?, ?, ?)
         ON CONFLICT (client, window_start, process) DO UPDATE SET count = count + excluded.count`,
      );
      const forget = preparedOnce(db, `DELETE FROM share_rate WHERE window_start < ?`);
      db.$client.transaction(() => {
        for (const [k, n] of batch) {
          const space = k.indexOf(' ');
          add.run(k.slice(space + 1), Number(k.slice(0, space)), processId, n);
        }
        forget.run(windowOf(Date.now()) - options.windowMs);
      }).immediate();
    } catch (error) {
      // A busy database: keep the counts for the next flush rather than lose them.
      for (const [k, n] of batch) pending.set(k, (pending.get(k) ?? 0) + n);
      timer ??= setTimeout(flush, flushMs);
      console.error('weekline: could not write share rate counts yet', error);
    }
  };

  return {
    others(key, now) {
      const read = preparedOnce(dbOf(), `SELECT coalesce(sum(count), 0) FROM share_rate WHERE client = ? AND window_start >= ? AND process <> ?`);
      return read.pluck().get(key, windowOf(now) - options.windowMs, processId) as number;
    },
    record(key, now) {
      const k = `${windowOf(now)} ${key}`;
      pending.set(k, (pending.get(k) ?? 0) + 1);
      timer ??= setTimeout(flush, flushMs);
    },
    flush,
  };
}
