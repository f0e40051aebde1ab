// Who the command-line imports act as: one dedicated user row, so every revision names it. It is disabled
// and has no credential account, so it can never log in.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { user } from '../schema';
import type { Actor, Tx } from './save-week';

export const CLI_ACTOR_EMAIL = 'cli@weekline.local';

/**
 * The CLI's user, created on first use. Pass the import's transaction so the row is only written together
 * with the changes it signs: a refused or empty import leaves no trace.
 */
export function ensureCliActor(db: Db | Tx = getDb()): Actor {
  // Insert-or-keep on the unique email: two imports racing to create it end with one row.
  db.insert(user)
    .values({ id: randomUUID(), email: CLI_ACTOR_EMAIL, name: 'Command line', role: 'editor', disabled: true })
    .onConflictDoNothing({ target: user.email })
    .run();
  const row = db.select({ id: user.id }).from(user).where(eq(user.email, CLI_ACTOR_EMAIL)).get()!;
  return { userId: row.id, email: CLI_ACTOR_EMAIL };
}
