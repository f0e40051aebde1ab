// Ending one session on the server. Sign-out deletes the row itself, so a database failure surfaces as an
// error the user sees, instead of better-auth's sign-out swallowing it and clearing only the cookie.
import { eq } from 'drizzle-orm';
import { getDb, type Db } from '../index';
import { session } from '../schema';

/** Deletes the session with this token; throws when the database refuses. */
export function endSession(token: string, db: Db = getDb()): void {
  db.delete(session).where(eq(session.token, token)).run();
}
