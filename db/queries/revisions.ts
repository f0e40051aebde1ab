import { desc, eq } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { revisions } from '../schema';

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
  createdAt: Date;
}

/** Every recorded change of a week, newest first. */
export function listWeekHistory(weekStart: string, db: Db = getDb()): HistoryEntry[] {
  return db
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
      createdAt: revisions.createdAt,
    })
    .from(revisions)
    .where(eq(revisions.weekStart, weekStart))
    .orderBy(desc(revisions.id))
    .all();
}
