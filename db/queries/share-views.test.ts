import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../setup';
import { user } from '../schema';
import { createShareLink, listShareLinks } from './share-links';
import { flushShareViews, queueShareView } from './share-views';

const actor = { userId: 'admin-1', email: 'admin@example.com' };

function withLinks() {
  const db = openTestDatabase();
  db.insert(user).values({ id: actor.userId, email: actor.email, name: 'Admin', role: 'admin' }).run();
  const board = createShareLink({ label: 'Board', expiresIn: '7d' }, actor, db);
  const chat = createShareLink({ label: 'Chat', expiresIn: '7d' }, actor, db);
  const views = (label: string) => listShareLinks(db).find((l) => l.label === label)!;
  return { db, board, chat, views };
}

describe('share-link views, counted in batches', () => {
  it('writes nothing while a reader is answered, then adds every queued view to its link', () => {
    const { db, board, chat, views } = withLinks();
    const last = new Date('2026-03-31T10:00:05Z');
    queueShareView(board.id, { now: new Date('2026-03-31T10:00:00Z'), db });
    queueShareView(board.id, { now: last, db });
    queueShareView(board.id, { now: new Date('2026-03-31T09:59:00Z'), db });
    queueShareView(chat.id, { db });
    expect(views('Board').views).toBe(0);
    flushShareViews(db);
    expect(views('Board')).toMatchObject({ views: 3, lastUsedAt: last });
    expect(views('Chat').views).toBe(1);
    // A second batch adds to the first; it never overwrites what another process counted meanwhile.
    db.$client.prepare('UPDATE share_links SET views = views + 10 WHERE id = ?').run(board.id);
    queueShareView(board.id, { now: new Date('2026-03-31T08:00:00Z'), db });
    flushShareViews(db);
    expect(views('Board')).toMatchObject({ views: 14, lastUsedAt: last });
  });

  it('writes on its own within a second, with no further views to trigger it', async () => {
    const { db, board, views } = withLinks();
    queueShareView(board.id, { db });
    await new Promise((r) => setTimeout(r, 1000));
    expect(views('Board').views).toBe(1);
  });

  it('writes at once when a burst fills a batch', () => {
    const { db, board, views } = withLinks();
    for (let i = 0; i < 200; i++) queueShareView(board.id, { db });
    expect(views('Board').views).toBe(200);
  });
});
