import type { Db } from '../index';
import { revisions } from '../schema';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type RevisionEntry = Omit<typeof revisions.$inferInsert, 'id' | 'createdAt'>;

/** Appends to the audit trail inside the caller's transaction, so the change and its record land together. */
export function recordRevision(tx: Tx | Db, entry: RevisionEntry): void {
  tx.insert(revisions).values(entry).run();
}
