import { asc, eq } from 'drizzle-orm';
import type { Grade, GradeStatus } from '@/lib/constants';
import { getDb, type Db } from '../index';
import { incidents } from '../schema';

export interface Incident {
  id: number;
  weekStart: string;
  startedAt: string;
  endedAt: string | null;
  durationMinutes: number | null;
  title: string;
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  cause: string;
  handling: string;
}

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

export function listIncidents(weekStart: string, db: Db = getDb()): Incident[] {
  return db.select(columns).from(incidents).where(eq(incidents.weekStart, weekStart)).orderBy(asc(incidents.startedAt), asc(incidents.id)).all();
}
