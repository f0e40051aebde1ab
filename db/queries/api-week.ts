// The weeks as /api/v1 reads and writes them. Writes go through saveWeekInTransaction (the one audited save
// path), merging with what is stored: the given metrics are overlaid, every other value, the notes and the
// incidents stay as they are, and the base version is the stored one (or the client's If-Match).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { WeekStatus } from '@/lib/constants';
import type { WeekEntry, WeekEntryValue } from '@/lib/validation/week-entry';
import { getDb, type Db } from '../index';
import { metricValues, metrics, user, weeks } from '../schema';
import type { ApiPrincipal } from './api-keys';
import { listIncidents } from './incidents';
import { saveWeekInTransaction, type Actor, type Tx } from './save-week';

export const API_ACTOR_EMAIL = 'api@weekline.local';

export interface ApiWeek {
  weekStart: string;
  status: WeekStatus;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
  values: Record<string, WeekEntryValue>;
}

export type ApiWriteOutcome =
  | { kind: 'ok'; week: ApiWeek; changes: number }
  | { kind: 'not_found' }
  | { kind: 'precondition_failed'; currentVersion: number | null }
  | { kind: 'needs_reason' }
  | { kind: 'needs_confirmation'; missing: string[] }
  | { kind: 'conflict'; currentVersion: number };

/** Called inside the write's transaction with its outcome (the idempotent answer is stored there). */
export type OnOutcome = (tx: Tx, outcome: ApiWriteOutcome) => void;

/**
 * Who API writes are by: one disabled user row that can never log in; the email names the key. `created` says
 * the row was made for this write, so a refused write can take it back and leave no trace.
 */
function apiActor(tx: Tx, principal: ApiPrincipal): { actor: Actor; created: boolean } {
  const email = `api key #${principal.keyId} ${principal.label}`.slice(0, 200);
  const existing = tx.select({ id: user.id }).from(user).where(eq(user.email, API_ACTOR_EMAIL)).get();
  if (existing) return { actor: { userId: existing.id, email }, created: false };
  const id = randomUUID();
  tx.insert(user).values({ id, email: API_ACTOR_EMAIL, name: 'API', role: 'editor', disabled: true }).run();
  return { actor: { userId: id, email }, created: true };
}

function readWeek(tx: Tx | Db, weekStart: string): ApiWeek | null {
  const week = tx.select().from(weeks).where(eq(weeks.weekStart, weekStart)).get();
  if (!week) return null;
  const rows = tx
    .select({ key: metrics.key, value: metricValues.value, done: metricValues.done, total: metricValues.total })
    .from(metricValues)
    .innerJoin(metrics, eq(metricValues.metricId, metrics.id))
    .where(eq(metricValues.weekStart, weekStart))
    .all();
  return {
    weekStart,
    status: week.status,
    version: week.version,
    publishedAt: week.publishedAt?.toISOString() ?? null,
    updatedAt: week.updatedAt.toISOString(),
    values: Object.fromEntries(rows.sort((a, b) => a.key.localeCompare(b.key)).map((r) => [r.key, { value: r.value, done: r.done, total: r.total }])),
  };
}

/** The week, or null when it does not exist or is a draft the caller may not see. */
export function readApiWeek(weekStart: string, includeDrafts: boolean, db: Db = getDb()): ApiWeek | null {
  const week = readWeek(db, weekStart);
  return week && (includeDrafts || week.status === 'published') ? week : null;
}

/** The stored week as a save entry: nothing changes unless the caller overlays it. */
function storedEntry(tx: Tx, weekStart: string, current: ApiWeek | null): Omit<WeekEntry, 'intent' | 'reason' | 'confirmMissing'> {
  const week = tx.select({ notes: weeks.notes, internalNotes: weeks.internalNotes }).from(weeks).where(eq(weeks.weekStart, weekStart)).get();
  const incidents = listIncidents(weekStart, tx).map(({ weekStart: _w, ...i }) => i);
  return { weekStart, baseVersion: current?.version ?? 0, notes: week?.notes ?? '', internalNotes: week?.internalNotes ?? '', values: { ...(current?.values ?? {}) }, incidents };
}

function ifMatchFails(ifMatch: number | '*' | null, current: ApiWeek | null): boolean {
  if (ifMatch === null) return false;
  if (ifMatch === '*') return current === null;
  return ifMatch !== (current?.version ?? 0);
}

function write(
  db: Db,
  weekStart: string,
  ifMatch: number | '*' | null,
  mustExist: boolean,
  change: (entry: ReturnType<typeof storedEntry>) => WeekEntry,
  principal: ApiPrincipal,
  onOutcome?: OnOutcome,
): ApiWriteOutcome {
  return db.transaction((tx) => {
    const outcome = ((): ApiWriteOutcome => {
      const current = readWeek(tx, weekStart);
      if (mustExist && !current) return { kind: 'not_found' };
      if (ifMatchFails(ifMatch, current)) return { kind: 'precondition_failed', currentVersion: current?.version ?? null };
      const { actor, created } = apiActor(tx, principal);
      const saved = saveWeekInTransaction(tx, change(storedEntry(tx, weekStart, current)), actor);
      if (!saved.ok && created) tx.delete(user).where(eq(user.id, actor.userId)).run();
      if (saved.ok) return { kind: 'ok', week: readWeek(tx, weekStart)!, changes: saved.changes };
      if (saved.kind === 'conflict') return { kind: 'conflict', currentVersion: saved.currentVersion };
      if (saved.kind === 'needs_reason') return { kind: 'needs_reason' };
      return { kind: 'needs_confirmation', missing: saved.missing };
    })();
    onOutcome?.(tx, outcome);
    return outcome;
  }, { behavior: 'immediate' });
}

/** Overlays `values` on the stored week (a draft unless it is published; a published week needs a reason). */
export function putApiWeekValues(
  input: { weekStart: string; values: Record<string, WeekEntryValue>; reason: string; ifMatch: number | '*' | null },
  principal: ApiPrincipal,
  db: Db = getDb(),
  onOutcome?: OnOutcome,
): ApiWriteOutcome {
  return write(db, input.weekStart, input.ifMatch, false, (e) => ({ ...e, values: { ...e.values, ...input.values }, intent: 'save', reason: input.reason, confirmMissing: false }), principal, onOutcome);
}

/** Publishes the stored week as it is; required metrics missing need `confirmMissing`. */
export function publishApiWeek(
  input: { weekStart: string; reason: string; confirmMissing: boolean; ifMatch: number | '*' | null },
  principal: ApiPrincipal,
  db: Db = getDb(),
  onOutcome?: OnOutcome,
): ApiWriteOutcome {
  return write(db, input.weekStart, input.ifMatch, true, (e) => ({ ...e, intent: 'publish', reason: input.reason, confirmMissing: input.confirmMissing }), principal, onOutcome);
}
