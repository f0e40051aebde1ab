// Writes to the report's lasting entities (issue 13): objectives, initiatives (add, rename, archive) and
// findings (add, update). Each is audited in the same transaction. Weekly rows are saveWeek's.
import { eq } from 'drizzle-orm';
import type { FindingStatus } from '@/lib/report/model';
import { getDb, type Db } from '../index';
import { findings, initiatives, objectives, revisions } from '../schema';
import type { Actor, Tx } from './save-week';

type Entity = 'objective' | 'initiative' | 'finding';
function audit(tx: Tx | Db, actor: Actor, entity: Entity, id: number, action: 'create' | 'update', before: unknown, after: unknown): void {
  tx.insert(revisions).values({ entity, entityId: String(id), action, before: before ?? null, after, userId: actor.userId, userEmail: actor.email }).run();
}

const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

export interface ObjectiveInput {
  code: string;
  titleZh: string;
  titleEn?: string;
  period: string;
  sort?: number;
}

/** The period's objective with this code, created when missing (the title is not overwritten). */
export function ensureObjective(input: ObjectiveInput, actor: Actor, tx: Tx | Db = getDb()): number {
  const existing = tx.select().from(objectives).all().find((o) => o.period === input.period && o.code === input.code);
  if (existing) return existing.id;
  const after = { code: input.code, titleZh: input.titleZh, titleEn: input.titleEn ?? '', period: input.period, sort: input.sort ?? Number(input.code.replace(/\D/g, '') || 0) };
  const row = tx.insert(objectives).values(after).returning({ id: objectives.id }).get();
  audit(tx, actor, 'objective', row.id, 'create', null, after);
  return row.id;
}

export interface InitiativeInput {
  objectiveId: number;
  parentId?: number | null;
  title: string;
  owner?: string;
  sort?: number;
}

const INITIATIVE_KEYS = ['objectiveId', 'parentId', 'title', 'owner', 'sort'] as const;

export function createInitiative(input: InitiativeInput, actor: Actor, tx: Tx | Db = getDb()): number {
  const siblings = tx.select({ sort: initiatives.sort }).from(initiatives).where(eq(initiatives.objectiveId, input.objectiveId)).all();
  const after = { objectiveId: input.objectiveId, parentId: input.parentId ?? null, title: input.title, owner: input.owner ?? '', sort: input.sort ?? Math.max(0, ...siblings.map((s) => s.sort)) + 1 };
  const row = tx.insert(initiatives).values(after).returning({ id: initiatives.id }).get();
  audit(tx, actor, 'initiative', row.id, 'create', null, after);
  return row.id;
}

/** Rename, re-own, regroup or reorder; only the given fields change. False when there is no such initiative. */
export function updateInitiative(id: number, change: Partial<Omit<InitiativeInput, 'objectiveId'>>, actor: Actor, db: Db = getDb()): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(initiatives).where(eq(initiatives.id, id)).get();
    if (!row) return false;
    const before = pick(row, INITIATIVE_KEYS);
    const after = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    if (after.parentId === id) after.parentId = null;
    if (INITIATIVE_KEYS.every((k) => before[k] === after[k])) return true;
    tx.update(initiatives).set(after).where(eq(initiatives.id, id)).run();
    audit(tx, actor, 'initiative', id, 'update', before, after);
    return true;
  }, { behavior: 'immediate' });
}

/** Archive (or bring back) an initiative: it leaves the form and the boards; its history stays. */
export function setInitiativeArchived(id: number, archived: boolean, actor: Actor, db: Db = getDb()): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(initiatives).where(eq(initiatives.id, id)).get();
    if (!row) return false;
    if ((row.archivedAt !== null) === archived) return true;
    const archivedAt = archived ? new Date() : null;
    tx.update(initiatives).set({ archivedAt }).where(eq(initiatives.id, id)).run();
    audit(tx, actor, 'initiative', id, 'update', { archived: !archived }, { archived });
    return true;
  }, { behavior: 'immediate' });
}

export interface FindingInput {
  title: string;
  source?: string;
  owner?: string;
  dueDate?: string | null;
  status?: FindingStatus;
  openedWeek: string;
}

const FINDING_KEYS = ['title', 'source', 'owner', 'dueDate', 'status', 'openedWeek'] as const;

export function createFinding(input: FindingInput, actor: Actor, tx: Tx | Db = getDb()): number {
  const after = { title: input.title, source: input.source ?? '', owner: input.owner ?? '', dueDate: input.dueDate ?? null, status: input.status ?? 'open', openedWeek: input.openedWeek };
  const row = tx.insert(findings).values(after).returning({ id: findings.id }).get();
  audit(tx, actor, 'finding', row.id, 'create', null, after);
  return row.id;
}

/** Edit a finding's lasting fields (its weekly status goes through the week's notes). */
export function updateFinding(id: number, change: Partial<Omit<FindingInput, 'status'>>, actor: Actor, db: Db = getDb()): boolean {
  return db.transaction((tx) => {
    const row = tx.select().from(findings).where(eq(findings.id, id)).get();
    if (!row) return false;
    const before = pick(row, FINDING_KEYS);
    const after = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    if (FINDING_KEYS.every((k) => before[k] === after[k])) return true;
    tx.update(findings).set({ ...after, updatedAt: new Date() }).where(eq(findings.id, id)).run();
    audit(tx, actor, 'finding', id, 'update', before, after);
    return true;
  }, { behavior: 'immediate' });
}
