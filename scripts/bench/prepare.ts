// One throwaway benchmark database, prepared in its own process (the connection and better-auth are
// per-process singletons read from DATABASE_PATH): migrations and catalogue, BENCH_WEEKS published demo
// weeks ending last week, BENCH_VIEWERS distinct viewers and an editor, a session cookie for each (signed in
// through better-auth's own API), and a share link when db/queries/share-links.ts offers createShareLink.
// Prints one line `BENCH_PREPARED {json}` for scripts/bench/run.ts.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '@/db/index';
import { writeDemoData } from '@/db/queries/demo';
import { insertUser } from '@/db/queries/users';
import { prepareDatabase } from '@/db/setup';
import { generateDemoData } from '@/lib/demo-data';
import { addWeeks, currentWeekStart } from '@/lib/weeks';
import { runCli } from '../lib/cli';
import { BENCH_PASSWORD, PREPARED_PREFIX, sessionCookieOf, type PreparedDatabase } from './shared';

async function signIn(email: string): Promise<string> {
  const { getAuth, SESSION_COOKIE } = await import('@/db/auth');
  const res = await getAuth().api.signInEmail({ body: { email, password: BENCH_PASSWORD }, asResponse: true });
  const cookie = sessionCookieOf(res.headers.get('set-cookie'), SESSION_COOKIE());
  if (res.status !== 200 || !cookie) throw new Error(`signInEmail for ${email} answered ${res.status} without a session cookie`);
  return cookie;
}

async function shareLink(): Promise<{ path: string | null; note: string }> {
  let mod: Record<string, unknown>;
  try {
    mod = await import('@/db/queries/share-links');
  } catch (error) {
    return { path: null, note: `db/queries/share-links.ts cannot be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  const create = mod.createShareLink;
  if (typeof create !== 'function') return { path: null, note: 'db/queries/share-links.ts does not export createShareLink' };
  const issued = (create as (input: { label: string; expiresIn: string }, actor: null) => { path?: string; token?: string })({ label: 'benchmark', expiresIn: 'never' }, null);
  const path = issued.path ?? (issued.token ? `/s/${issued.token}` : null);
  return path ? { path, note: 'created with createShareLink' } : { path: null, note: 'createShareLink returned no path or token' };
}

void runCli(async () => {
  const file = process.env.DATABASE_PATH;
  const weeks = Number(process.env.BENCH_WEEKS);
  if (!file || !Number.isInteger(weeks) || weeks < 1) throw new Error('prepare.ts needs DATABASE_PATH and BENCH_WEEKS');
  const latestWeek = addWeeks(currentWeekStart(), -1);
  const db = prepareDatabase(openDatabase(file));
  writeDemoData(generateDemoData({ weeks, endWeek: latestWeek, seed: 42 }), { reset: false }, db);
  const viewer = { email: 'bench-viewer@weekline.local', role: 'viewer' as const, password: BENCH_PASSWORD };
  const editor = { email: 'bench-editor@weekline.local', role: 'editor' as const, password: BENCH_PASSWORD };
  const first = await insertUser(viewer, db);
  await insertUser(editor, db);
  // The other viewers share the first one's password hash (hashing 200 passwords would only slow preparing).
  const viewerCount = Number(process.env.BENCH_VIEWERS ?? 1);
  const emails = [viewer.email];
  const sqlite = db.$client;
  const hash = sqlite.prepare(`SELECT password FROM account WHERE user_id = ?`).pluck().get(first.id) as string;
  sqlite.transaction(() => {
    for (let i = 2; i <= viewerCount; i++) {
      const id = randomUUID();
      const email = `bench-viewer-${i}@weekline.local`;
      sqlite.prepare(`INSERT INTO user (id, email, name, role, email_verified, disabled, created_at, updated_at) VALUES (?, ?, ?, 'viewer', 1, 0, ?, ?)`).run(id, email, `Viewer ${i}`, Date.now(), Date.now());
      sqlite.prepare(`INSERT INTO account (id, account_id, provider_id, user_id, password, created_at, updated_at) VALUES (?, ?, 'credential', ?, ?, ?, ?)`).run(randomUUID(), id, id, hash, Date.now(), Date.now());
      emails.push(email);
    }
  })();
  db.$client.close();

  // From here on the app's own singletons (getDb, getAuth) open DATABASE_PATH, as the server will.
  const viewerCookies: string[] = [];
  for (const email of emails) viewerCookies.push(await signIn(email));
  const viewerCookie = viewerCookies[0];
  const editorCookie = await signIn(editor.email);
  const share = await shareLink();
  const out: PreparedDatabase = {
    weeks,
    latestWeek,
    viewerCookie,
    viewerCookies,
    editorCookie,
    editor: { email: editor.email, password: BENCH_PASSWORD },
    sharePath: share.path,
    shareNote: share.note,
  };
  console.log(PREPARED_PREFIX + JSON.stringify(out));
  process.exit(0);
});
