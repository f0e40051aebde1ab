import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Role } from '@/lib/constants';
import { getDb, type Db } from '../index';
import { account, session, user } from '../schema';
import { recordRevision } from './audit';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
}

const columns = {
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  disabled: user.disabled,
  createdAt: user.createdAt,
};

export function countUsers(db: Db = getDb()): number {
  return db.select({ n: sql<number>`count(*)` }).from(user).get()?.n ?? 0;
}

export function listUsers(db: Db = getDb()): UserSummary[] {
  return db.select(columns).from(user).orderBy(asc(user.email)).all();
}

export function getUserById(id: string, db: Db = getDb()): UserSummary | null {
  return db.select(columns).from(user).where(eq(user.id, id)).get() ?? null;
}

export function getUserByEmail(email: string, db: Db = getDb()): UserSummary | null {
  return db.select(columns).from(user).where(eq(user.email, email.trim().toLowerCase())).get() ?? null;
}

/** Creates a user with a credential account; the password is hashed with better-auth's scrypt. */
export async function insertUser(
  input: { email: string; name?: string; role: Role; password: string },
  db: Db = getDb(),
): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  const hash = await hashPassword(input.password);
  const id = randomUUID();
  db.transaction((tx) => {
    tx.insert(user)
      .values({ id, email, name: input.name?.trim() || email.split('@')[0], role: input.role, emailVerified: true })
      .run();
    tx.insert(account).values({ id: randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash }).run();
  });
  return getUserById(id, db)!;
}

type Actor = { userId: string; email: string } | null;

function activeAdmins(tx: Pick<Db, 'select'>): number {
  return tx.select({ n: sql<number>`count(*)` }).from(user).where(and(eq(user.role, 'admin'), eq(user.disabled, false))).get()?.n ?? 0;
}

/** Changes a role; refuses to leave no active admin. */
export function updateUserRole(id: string, role: Role, actor: Actor, db: Db = getDb()): 'ok' | 'last_admin' | 'not_found' {
  return db.transaction((tx) => {
    const current = tx.select(columns).from(user).where(eq(user.id, id)).get();
    if (!current) return 'not_found';
    if (current.role === 'admin' && role !== 'admin' && !current.disabled && activeAdmins(tx) <= 1) return 'last_admin';
    tx.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, id)).run();
    recordRevision(tx, { entity: 'user', entityId: id, action: 'update', before: { role: current.role }, after: { role }, userId: actor?.userId, userEmail: actor?.email ?? 'cli' });
    return 'ok';
  }, { behavior: 'immediate' });
}

/** Disabling ends every session of the user at once; enabling lets them log in again. */
export function setUserDisabled(id: string, disabled: boolean, actor: Actor, db: Db = getDb()): 'ok' | 'last_admin' | 'not_found' {
  return db.transaction((tx) => {
    const current = tx.select(columns).from(user).where(eq(user.id, id)).get();
    if (!current) return 'not_found';
    if (disabled && current.role === 'admin' && !current.disabled && activeAdmins(tx) <= 1) return 'last_admin';
    tx.update(user).set({ disabled, updatedAt: new Date() }).where(eq(user.id, id)).run();
    if (disabled) tx.delete(session).where(eq(session.userId, id)).run();
    recordRevision(tx, { entity: 'user', entityId: id, action: 'update', before: { disabled: current.disabled }, after: { disabled }, userId: actor?.userId, userEmail: actor?.email ?? 'cli' });
    return 'ok';
  }, { behavior: 'immediate' });
}

export async function updateUserPassword(id: string, password: string, db: Db = getDb()): Promise<void> {
  const hash = await hashPassword(password);
  db.transaction((tx) => {
    tx.update(account).set({ password: hash, updatedAt: new Date() }).where(eq(account.userId, id)).run();
    tx.delete(session).where(eq(session.userId, id)).run();
  });
}
