// What a restore must not bring back: access withdrawn in the live database after the backup was taken.
// Before the restored file replaces the live one, every session in it is ended, share links revoked or
// rotated in the live database are revoked in it (by token hash: a link counts as live only when the live
// database has that very hash, unrevoked), and users disabled in the live database stay disabled.
// Plain SQL on the columns every Weekline database has had since the first migration, so an older backup
// is handled the same way before it is migrated forward.
import type Database from 'better-sqlite3';

export interface LiveAccess {
  /** Token hashes of the live database's unrevoked share links. */
  activeShareHashes: Set<string>;
  disabledUserIds: string[];
}

export interface WithdrawnAccess {
  endedSessions: number;
  revokedLinks: number;
  disabledUsers: number;
}

/** The access state of the database about to be replaced. */
export function readLiveAccess(sqlite: Database.Database): LiveAccess {
  const hashes = sqlite.prepare('SELECT token_hash FROM share_links WHERE revoked_at IS NULL').pluck().all() as string[];
  const disabled = sqlite.prepare('SELECT id FROM user WHERE disabled = 1').pluck().all() as string[];
  return { activeShareHashes: new Set(hashes), disabledUserIds: disabled };
}

/**
 * Applied to the copy about to be restored, in one transaction. `live` is null when there is no live
 * database to learn from (a restore onto an empty machine): sessions still end, links are left as backed up.
 */
export function withdrawRevivedAccess(sqlite: Database.Database, live: LiveAccess | null, now: Date = new Date()): WithdrawnAccess {
  return sqlite.transaction((): WithdrawnAccess => {
    const endedSessions = sqlite.prepare('DELETE FROM session').run().changes;
    if (!live) return { endedSessions, revokedLinks: 0, disabledUsers: 0 };
    const links = sqlite.prepare('SELECT id, token_hash AS hash FROM share_links WHERE revoked_at IS NULL').all() as { id: number; hash: string }[];
    const revoke = sqlite.prepare('UPDATE share_links SET revoked_at = ? WHERE id = ?');
    const audit = sqlite.prepare(
      `INSERT INTO revisions (entity, entity_id, action, before, after, reason, user_email) VALUES ('share', ?, 'update', ?, ?, ?, 'cli')`,
    );
    let revokedLinks = 0;
    for (const link of links) {
      if (live.activeShareHashes.has(link.hash)) continue;
      revoke.run(now.getTime(), link.id);
      audit.run(String(link.id), JSON.stringify({ revokedAt: null }), JSON.stringify({ revokedAt: now.toISOString() }), 'restore: revoked or rotated in the replaced database');
      revokedLinks++;
    }
    const disable = sqlite.prepare('UPDATE user SET disabled = 1 WHERE id = ? AND disabled = 0');
    const disabledUsers = live.disabledUserIds.reduce((n, id) => n + disable.run(id).changes, 0);
    return { endedSessions, revokedLinks, disabledUsers };
  })();
}
