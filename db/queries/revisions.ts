import { asc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { revisions, user } from '../schema';

export interface HistoryEntry {
  id: number;
  entity: string;
  entityId: string;
  action: string;
  metricKey: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  userEmail: string | null;
  /** The author's name when the author is a user of the app (not the CLI or an API key). */
  userName: string | null;
  createdAt: Date;
}

/**
 * Who reads the history: editors see every change; readers (viewers) see only changes made while the week
 * was published, plus the publish and unpublish events themselves, so no draft value (before or after a
 * change) ever reaches them.
 */
export type HistoryAudience = 'editor' | 'reader';

type Row = HistoryEntry & { weekVersion: number | null };

const statusOf = (row: Row): string | null =>
  row.entity === 'week' && row.after && typeof row.after === 'object' && 'status' in row.after ? String((row.after as { status: unknown }).status) : null;

/** Changes made while the week was published before and after the save that made them, and every status change. */
function publishedOnly(rows: Row[]): Row[] {
  // One save writes its rows with the same week version (older rows without one: the same instant).
  const saveOf = (row: Row) => (row.weekVersion !== null ? `v${row.weekVersion}` : `t${row.createdAt.getTime()}`);
  const saves: Row[][] = [];
  for (const row of rows) {
    const last = saves.at(-1);
    if (last && saveOf(last[0]) === saveOf(row)) last.push(row);
    else saves.push([row]);
  }
  const shown: Row[] = [];
  let published = false;
  for (const save of saves) {
    const before = published;
    for (const row of save) published = statusOf(row) === null ? published : statusOf(row) === 'published';
    for (const row of save) {
      const statusChange = row.entity === 'week' && (row.action === 'publish' || row.action === 'unpublish');
      if (statusChange || (before && published)) shown.push(row);
    }
  }
  return shown;
}

/** Every recorded change of a week the audience may see, newest first. */
export function listWeekHistory(weekStart: string, audience: HistoryAudience, db: Db = getDb()): HistoryEntry[] {
  const rows: Row[] = db
    .select({
      id: revisions.id,
      entity: revisions.entity,
      entityId: revisions.entityId,
      action: revisions.action,
      metricKey: revisions.metricKey,
      before: revisions.before,
      after: revisions.after,
      reason: revisions.reason,
      userEmail: revisions.userEmail,
      userName: user.name,
      createdAt: revisions.createdAt,
      weekVersion: revisions.weekVersion,
    })
    .from(revisions)
    .leftJoin(user, eq(user.id, revisions.userId))
    .where(eq(revisions.weekStart, weekStart))
    .orderBy(asc(revisions.id))
    .all();
  const visible = audience === 'editor' ? rows : publishedOnly(rows);
  return visible.map(({ weekVersion: _version, ...entry }) => entry).reverse();
}
