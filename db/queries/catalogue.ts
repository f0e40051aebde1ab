import { asc, eq, isNull } from 'drizzle-orm';
import { DEFAULT_METRICS, DEFAULT_TARGETS, type MetricDefinition } from '@/lib/constants';
import { getDb, type Db } from '../index';
import { metrics, targets } from '../schema';

/** Default targets apply from long before any data, so every week has one in force. */
export const CATALOGUE_EPOCH = '2000-01-03';

export interface Metric extends MetricDefinition {
  id: number;
  archived: boolean;
  version: number;
}

const columns = {
  id: metrics.id,
  key: metrics.key,
  labelZh: metrics.labelZh,
  labelEn: metrics.labelEn,
  unit: metrics.unit,
  decimals: metrics.decimals,
  truncate: metrics.truncate,
  direction: metrics.direction,
  kind: metrics.kind,
  required: metrics.required,
  sortOrder: metrics.sortOrder,
  archivedAt: metrics.archivedAt,
  version: metrics.version,
};

function toMetric({ archivedAt, ...row }: Omit<Metric, 'archived'> & { archivedAt: Date | null }): Metric {
  return { ...row, archived: archivedAt !== null };
}

export function listMetrics(options: { includeArchived?: boolean } = {}, db: Db = getDb()): Metric[] {
  const query = db.select(columns).from(metrics);
  const rows = options.includeArchived
    ? query.orderBy(asc(metrics.sortOrder), asc(metrics.id)).all()
    : query.where(isNull(metrics.archivedAt)).orderBy(asc(metrics.sortOrder), asc(metrics.id)).all();
  return rows.map(toMetric);
}

export function getMetricByKey(key: string, db: Db = getDb()): Metric | null {
  const row = db.select(columns).from(metrics).where(eq(metrics.key, key)).get();
  return row ? toMetric(row) : null;
}

/** Writes the default catalogue and targets into an empty database; leaves a used one alone. */
export function ensureDefaultCatalogue(db: Db = getDb()): void {
  db.transaction((tx) => {
    if (tx.select({ id: metrics.id }).from(metrics).limit(1).get()) return;
    const inserted = tx
      .insert(metrics)
      .values(DEFAULT_METRICS.map((m) => ({ ...m })))
      .returning({ id: metrics.id, key: metrics.key })
      .all();
    const idByKey = new Map(inserted.map((r) => [r.key, r.id]));
    tx.insert(targets)
      .values(
        DEFAULT_TARGETS.map((t) => ({
          metricId: idByKey.get(t.key)!,
          effectiveFrom: CATALOGUE_EPOCH,
          target: t.target,
          warning: t.warning,
        })),
      )
      .run();
  });
}
