// Share-link view counting off the response path: a page queues its view in `after()` (lib/share/
// request.ts), and the queue is written in one transaction at most every FLUSH_MS (or at BATCH views),
// instead of one synchronous write (and fsync) per view. Each process adds its own counts to the row, so
// several processes over one database count correctly; a crash loses at most the last second's views,
// which only a statistic shows.
import { eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { shareLinks } from '../schema';

const FLUSH_MS = 500;
const BATCH = 200;

interface Pending {
  views: number;
  lastUsedAt: Date;
}

const globalForViews = globalThis as unknown as { weeklineShareViews?: { pending: Map<number, Pending>; count: number; timer: NodeJS.Timeout | null } };
const queue = (globalForViews.weeklineShareViews ??= { pending: new Map(), count: 0, timer: null });

/** Adds the counted views to their links in one transaction (the synchronous kind better-sqlite3 runs). */
export function writeShareViews(views: ReadonlyMap<number, Pending>, db: Db = getDb()): void {
  if (!views.size) return;
  db.transaction(
    (tx) => {
      for (const [id, v] of views) {
        tx.update(shareLinks)
          .set({ views: sql`${shareLinks.views} + ${v.views}`, lastUsedAt: sql`max(coalesce(${shareLinks.lastUsedAt}, 0), ${v.lastUsedAt.getTime()})` })
          .where(eq(shareLinks.id, id))
          .run();
      }
    },
    { behavior: 'immediate' },
  );
}

/** Writes whatever is queued now. */
export function flushShareViews(db: Db): void {
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  const views = queue.pending;
  queue.pending = new Map();
  queue.count = 0;
  try {
    writeShareViews(views, db);
  } catch (error) {
    // A busy database: keep the counts for the next flush rather than lose them.
    for (const [id, v] of views) queueShareView(id, { now: v.lastUsedAt, views: v.views, db });
    console.error('weekline: could not write share-link views yet', error);
  }
}

/** Counts a view of link `id`; written within FLUSH_MS, or at once when BATCH views are waiting. */
export function queueShareView(id: number, options: { now?: Date; views?: number; db?: Db } = {}): void {
  const { now = new Date(), views = 1, db = getDb() } = options;
  const current = queue.pending.get(id);
  queue.pending.set(id, { views: (current?.views ?? 0) + views, lastUsedAt: current && current.lastUsedAt > now ? current.lastUsedAt : now });
  queue.count += views;
  if (queue.count >= BATCH) return flushShareViews(db);
  queue.timer ??= setTimeout(() => flushShareViews(db), FLUSH_MS);
}
