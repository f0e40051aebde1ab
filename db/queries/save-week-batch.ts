// What saving weeks shares inside one transaction (issue 12: the 10-year CSV import spent ~77 % of its time
// re-reading the catalogue and building, compiling and running one INSERT per value): the active catalogue
// read once, the week lookup prepared once, and the rows a save only adds (new weeks, new values, audit
// rows) queued and written by flush() as multi-row INSERTs, in the order one-by-one saves would write them.
// Everything that reads or changes an existing row still runs at once in saveWeekInTransaction.
//
// Correctness rests on two rules, both enforced here rather than left to callers:
// - a week with queued rows is flushed before it is read again (a week saved twice in one batch, a conflict
//   check reading the audit trail), so every read sees what the earlier saves wrote;
// - flush() writes weeks, then values, then audit rows: foreign keys see their week, and the audit trigger
//   (outbox "restated") sees the week's status as the save left it.
import { eq, sql } from 'drizzle-orm';
import { metricValues, metrics, revisions, weeks } from '../schema';
import { BatchInsert } from './batch-insert';
import type { Tx } from './save-week';

export type MetricRow = typeof metrics.$inferSelect;
export type WeekRow = typeof weeks.$inferSelect;

export class WeekSaveBatch {
  private active: MetricRow[] | undefined;
  private weekLookup: { get: (p: { weekStart: string }) => WeekRow | undefined } | undefined;
  private valueLookup: { all: (p: { weekStart: string }) => { id: number; metricId: number; version: number }[] } | undefined;
  private readonly weekRows: (typeof weeks.$inferInsert)[] = [];
  private readonly queuedValues: (typeof metricValues.$inferInsert)[] = [];
  private readonly revisionRows: (typeof revisions.$inferInsert)[] = [];
  private readonly queuedWeeks = new Set<string>();
  private inserts: { weeks: BatchInsert<typeof weeks>; values: BatchInsert<typeof metricValues>; revisions: BatchInsert<typeof revisions> } | undefined;

  constructor(readonly tx: Tx) {}

  /** The metrics not archived, in the order the table gives them; read once per batch (the transaction holds the write lock). */
  activeMetrics(): MetricRow[] {
    this.active ??= this.tx.select().from(metrics).all().filter((m) => m.archivedAt === null);
    return this.active;
  }

  /** The stored week row, after writing anything queued for it. */
  week(weekStart: string): WeekRow | undefined {
    if (this.queuedWeeks.has(weekStart)) this.flush();
    this.weekLookup ??= this.tx.select().from(weeks).where(eq(weeks.weekStart, sql.placeholder('weekStart'))).prepare();
    return this.weekLookup.get({ weekStart });
  }

  /** The week's stored value rows (id, metric, version), after writing anything queued for it. */
  valueRows(weekStart: string): { id: number; metricId: number; version: number }[] {
    if (this.queuedWeeks.has(weekStart)) this.flush();
    this.valueLookup ??= this.tx
      .select({ id: metricValues.id, metricId: metricValues.metricId, version: metricValues.version })
      .from(metricValues)
      .where(eq(metricValues.weekStart, sql.placeholder('weekStart')))
      .prepare();
    return this.valueLookup.all({ weekStart });
  }

  addWeek(row: typeof weeks.$inferInsert): void {
    this.weekRows.push(row);
    this.queuedWeeks.add(row.weekStart);
  }

  addValue(row: typeof metricValues.$inferInsert): void {
    this.queuedValues.push(row);
    this.queuedWeeks.add(row.weekStart);
  }

  addRevisions(rows: readonly (typeof revisions.$inferInsert)[]): void {
    for (const row of rows) {
      this.revisionRows.push(row);
      if (row.weekStart) this.queuedWeeks.add(row.weekStart);
    }
  }

  /** Writes everything queued: weeks, then values, then audit rows. */
  flush(): void {
    if (!this.queuedWeeks.size && !this.revisionRows.length) return;
    this.inserts ??= {
      weeks: new BatchInsert(this.tx, weeks, ['weekStart', 'status', 'notes', 'internalNotes', 'reflection', 'version', 'updatedBy', 'publishedAt']),
      values: new BatchInsert(this.tx, metricValues, ['weekStart', 'metricId', 'value', 'done', 'total', 'updatedBy']),
      revisions: new BatchInsert(this.tx, revisions, ['entity', 'entityId', 'weekStart', 'weekVersion', 'metricKey', 'action', 'before', 'after', 'reason', 'userId', 'userEmail']),
    };
    this.inserts.weeks.insert(this.weekRows.splice(0));
    this.inserts.values.insert(this.queuedValues.splice(0));
    this.inserts.revisions.insert(this.revisionRows.splice(0));
    this.queuedWeeks.clear();
  }
}
