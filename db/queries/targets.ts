import { and, asc, eq } from 'drizzle-orm';
import type { TargetRow } from '@/lib/kpi/targets';
import { getDb, type Db } from '../index';
import { metrics, targets } from '../schema';
import { recordRevision } from './audit';

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

export interface TargetChange {
  metricKey: string;
  effectiveFrom: string;
  target: number;
  warning: number | null;
}

/** Sets a metric's target from a week on; earlier weeks keep the target in force then. Audited. */
export function setTarget(change: TargetChange, actor: { userId: string; email: string }, db: Db = getDb()): 'ok' | 'unknown_metric' {
  return db.transaction((tx) => {
    const metric = tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, change.metricKey)).get();
    if (!metric) return 'unknown_metric';
    const before = tx
      .select({ target: targets.target, warning: targets.warning })
      .from(targets)
      .where(and(eq(targets.metricId, metric.id), eq(targets.effectiveFrom, change.effectiveFrom)))
      .get();
    tx.insert(targets)
      .values({ metricId: metric.id, effectiveFrom: change.effectiveFrom, target: change.target, warning: change.warning, createdBy: actor.userId })
      .onConflictDoUpdate({
        target: [targets.metricId, targets.effectiveFrom],
        set: { target: change.target, warning: change.warning, createdBy: actor.userId, createdAt: new Date() },
      })
      .run();
    recordRevision(tx, {
      entity: 'target',
      entityId: `${change.metricKey}:${change.effectiveFrom}`,
      metricKey: change.metricKey,
      action: before ? 'update' : 'create',
      before: before ?? null,
      after: { effectiveFrom: change.effectiveFrom, target: change.target, warning: change.warning },
      userId: actor.userId,
      userEmail: actor.email,
    });
    return 'ok';
  }, { behavior: 'immediate' });
}
