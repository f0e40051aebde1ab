// Catalogue changes by admins: add, rename, re-order, archive. Archived metrics keep their history.
import { and, eq } from 'drizzle-orm';
import type { Direction, MetricKind } from '@/lib/constants';
import { getDb, type Db } from '../index';
import { metrics } from '../schema';
import { recordRevision } from './audit';

type Actor = { userId: string; email: string };

export interface NewMetric {
  key: string;
  labelZh: string;
  labelEn: string;
  unit: string;
  decimals: number;
  direction: Direction;
  kind: MetricKind;
  sortOrder: number;
  required: boolean;
}

export function insertMetric(input: NewMetric, actor: Actor, db: Db = getDb()): 'ok' | 'duplicate_key' {
  return db.transaction((tx) => {
    if (tx.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, input.key)).get()) return 'duplicate_key';
    const row = tx.insert(metrics).values({ ...input, truncate: false }).returning({ id: metrics.id }).get();
    recordRevision(tx, { entity: 'metric', entityId: String(row.id), metricKey: input.key, action: 'create', after: input, userId: actor.userId, userEmail: actor.email });
    return 'ok';
  }, { behavior: 'immediate' });
}

export interface MetricUpdate {
  key: string;
  version: number;
  labelZh: string;
  labelEn: string;
  unit: string;
  decimals: number;
  direction: Direction;
  sortOrder: number;
  required: boolean;
  archived: boolean;
}

/** Refuses (returns 'conflict') when someone else changed the metric since `version` was read. */
export function updateMetric(input: MetricUpdate, actor: Actor, db: Db = getDb()): 'ok' | 'conflict' | 'not_found' {
  return db.transaction((tx) => {
    const current = tx.select().from(metrics).where(eq(metrics.key, input.key)).get();
    if (!current) return 'not_found';
    if (current.version !== input.version) return 'conflict';
    const { key, version, archived, ...fields } = input;
    const archivedAt = archived ? (current.archivedAt ?? new Date()) : null;
    tx.update(metrics)
      .set({ ...fields, archivedAt, version: version + 1, updatedAt: new Date() })
      .where(and(eq(metrics.key, key), eq(metrics.version, version)))
      .run();
    const before = { labelZh: current.labelZh, labelEn: current.labelEn, unit: current.unit, decimals: current.decimals, direction: current.direction, sortOrder: current.sortOrder, required: current.required, archived: current.archivedAt !== null };
    recordRevision(tx, { entity: 'metric', entityId: String(current.id), metricKey: key, action: 'update', before, after: { ...fields, archived }, userId: actor.userId, userEmail: actor.email });
    return 'ok';
  }, { behavior: 'immediate' });
}
