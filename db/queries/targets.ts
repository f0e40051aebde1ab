import { asc, eq } from 'drizzle-orm';
import type { TargetRow } from '@/lib/kpi/targets';
import { getDb, type Db } from '../index';
import { metrics, targets } from '../schema';

/** Every target row, oldest first per metric: the full history charts draw as a step line. */
export function listTargets(db: Db = getDb()): TargetRow[] {
  return db
    .select({
      metricKey: metrics.key,
      effectiveFrom: targets.effectiveFrom,
      target: targets.target,
      warning: targets.warning,
    })
    .from(targets)
    .innerJoin(metrics, eq(targets.metricId, metrics.id))
    .orderBy(asc(metrics.key), asc(targets.effectiveFrom))
    .all();
}
