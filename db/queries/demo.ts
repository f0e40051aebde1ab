import { sql } from 'drizzle-orm';
import type { DemoData } from '@/lib/demo-data';
import { getDb, type Db } from '../index';
import { incidents, metricValues, metrics, targets, weeks } from '../schema';
import { CATALOGUE_EPOCH } from './catalogue';

/**
 * Writes demo weeks as published, in one transaction. With `reset`, the KPI data already there
 * (weeks, values, incidents, targets other than the defaults) is removed first.
 */
export function writeDemoData(data: DemoData, options: { reset: boolean }, db: Db = getDb()): void {
  db.transaction((tx) => {
    if (options.reset) {
      tx.delete(incidents).where(sql`1 = 1`).run();
      tx.delete(metricValues).where(sql`1 = 1`).run();
      tx.delete(weeks).where(sql`1 = 1`).run();
      tx.delete(targets).where(sql`${targets.effectiveFrom} <> ${CATALOGUE_EPOCH}`).run();
    }
    const idByKey = new Map(tx.select({ id: metrics.id, key: metrics.key }).from(metrics).all().map((m) => [m.key, m.id]));
    const now = new Date();
    for (const week of data.weeks) {
      tx.insert(weeks)
        .values({ weekStart: week.weekStart, status: 'published', notes: week.notes, publishedAt: now })
        .run();
      const values = week.values
        .filter((v) => idByKey.has(v.key))
        .map((v) => ({
          weekStart: week.weekStart,
          metricId: idByKey.get(v.key)!,
          value: v.value,
          done: v.done ?? null,
          total: v.total ?? null,
        }));
      if (values.length) tx.insert(metricValues).values(values).run();
      if (week.incidents.length) {
        tx.insert(incidents)
          .values(week.incidents.map((e) => ({ ...e, weekStart: week.weekStart })))
          .run();
      }
    }
    for (const change of data.targetChanges) {
      const metricId = idByKey.get(change.key);
      if (!metricId) continue;
      tx.insert(targets)
        .values({ metricId, effectiveFrom: change.effectiveFrom, target: change.target, warning: change.warning })
        .onConflictDoUpdate({
          target: [targets.metricId, targets.effectiveFrom],
          set: { target: change.target, warning: change.warning },
        })
        .run();
    }
  });
}
