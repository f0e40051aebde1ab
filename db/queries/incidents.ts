import { asc, eq } from 'drizzle-orm';
import type { StoredIncident } from '@/lib/import/report-entry';
import { getDb, type Db } from '../index';
import { incidents } from '../schema';

export type Incident = StoredIncident & { weekStart: string };

const columns = {
  id: incidents.id,
  weekStart: incidents.weekStart,
  startedAt: incidents.startedAt,
  endedAt: incidents.endedAt,
  durationMinutes: incidents.durationMinutes,
  title: incidents.title,
  grade: incidents.grade,
  gradeStatus: incidents.gradeStatus,
  cause: incidents.cause,
  handling: incidents.handling,
};

/** The week's production events in time order; `db` may be an open transaction. */
export function listIncidents(weekStart: string, db: Pick<Db, 'select'> = getDb()): Incident[] {
  return db.select(columns).from(incidents).where(eq(incidents.weekStart, weekStart)).orderBy(asc(incidents.startedAt), asc(incidents.id)).all();
}
