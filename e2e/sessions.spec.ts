// Sessions: a fresh id at every login, logout and disabling end sessions on the server, idle and absolute
// time-outs hold, and five wrong passwords lock the account even against the right one. Each test has its
// own user so the journeys of other specs are untouched. The session rows are edited directly in the
// server's database to stand in for the passing of time.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { session } from '@/db/schema';
import { insertUser } from '@/db/queries/users';
import type { Role } from '@/lib/constants';
import { actionIds, callAction, classify, getFollowing, loginAs, loginToken, SESSION_COOKIE } from '@/tests/reliability/e2e/http';
import { openE2eDb } from './fixtures/helpers';

const PASSWORD = 'sessions-password-123';
const run = Date.now().toString(36);
const emailOf = (name: string) => `${name}-${run}@sessions.test`;

async function createUser(name: string, role: Role = 'viewer'): Promise<{ email: string; id: string }> {
  const db = openE2eDb();
  const created = await insertUser({ email: emailOf(name), role, password: PASSWORD }, db);
  db.$client.close();
  return { email: created.email, id: created.id };
}

/** The stored half of a cookie value ("token.signature"). */
const storedToken = (cookie: string) => cookie.split('.')[0];

function sessionRow(cookie: string) {
  const db = openE2eDb();
  const row = db.select().from(session).where(eq(session.token, storedToken(cookie))).get();
  db.$client.close();
  return row ?? null;
}

function updateSession(cookie: string, set: Partial<typeof session.$inferInsert>) {
  const db = openE2eDb();
  db.update(session).set(set).where(eq(session.token, storedToken(cookie))).run();
  db.$client.close();
}

async function login(request: APIRequestContext, email: string, extraCookie?: string): Promise<string> {
  const { token, text } = await loginToken(request, email, PASSWORD, extraCookie);
  if (!token) throw new Error(`login refused: ${text.slice(0, 200)}`);
  return token;
}

/** Whether the cookie still opens the overview (a viewer page). */
async function works(request: APIRequestContext, cookie: string): Promise<boolean> {
  return (await classify(await getFollowing(request, '/', { cookie: `${SESSION_COOKIE}=${cookie}` }))) === 'allow';
}

test('login issues a new session id: neither an attacker-planted nor an earlier cookie is kept', async ({ request }) => {
  const { email } = await createUser('fixation');
  const planted = 'attacker-chosen-session-id.c2lnbmF0dXJl';
  const first = await login(request, email, planted);
  expect(storedToken(first)).not.toBe(storedToken(planted));
  expect(sessionRow(planted)).toBeNull();
  // Logging in again while holding a valid session gives a different one.
  const second = await login(request, email, first);
  expect(storedToken(second)).not.toBe(storedToken(first));
  expect(await works(request, second)).toBe(true);
});

test('logout ends the session on the server: the old cookie no longer works', async ({ request }) => {
  const { email } = await createUser('logout');
  const cookie = await login(request, email);
  expect(await works(request, cookie)).toBe(true);
  const res = await callAction(request, { id: actionIds().get('app/login/actions.ts#logoutAction')!, path: '/', args: { json: [] }, cookie });
  expect(res.status()).toBeLessThan(400);
  expect(sessionRow(cookie)).toBeNull();
  // Replaying the cookie the browser was told to forget gets nowhere.
  expect(await works(request, cookie)).toBe(false);
});

test('the idle time-out: a session unused past its expiry is refused', async ({ request }) => {
  const { email } = await createUser('idle');
  const cookie = await login(request, email);
  const row = sessionRow(cookie)!;
  // Sliding idle expiry of SESSION_IDLE_MINUTES (default 120), not better-auth's 7 days.
  const idleMs = row.expiresAt.getTime() - Date.now();
  expect(idleMs).toBeGreaterThan(110 * 60_000);
  expect(idleMs).toBeLessThanOrEqual(120 * 60_000 + 5_000);
  expect(await works(request, cookie)).toBe(true);
  updateSession(cookie, { expiresAt: new Date(Date.now() - 1_000) });
  expect(await works(request, cookie)).toBe(false);
});

test('the absolute time-out: a session older than SESSION_MAX_HOURS is refused and deleted, however recently used', async ({ request }) => {
  const { email } = await createUser('absolute');
  const cookie = await login(request, email);
  // Just inside the limit still works (12 h default, minus a minute).
  updateSession(cookie, { createdAt: new Date(Date.now() - 12 * 3_600_000 + 60_000), expiresAt: new Date(Date.now() + 3_600_000) });
  expect(await works(request, cookie)).toBe(true);
  updateSession(cookie, { createdAt: new Date(Date.now() - 12 * 3_600_000 - 60_000), expiresAt: new Date(Date.now() + 3_600_000) });
  expect(await works(request, cookie)).toBe(false);
  expect(sessionRow(cookie)).toBeNull();
});

test('disabling a user ends every session they have, at once', async ({ request }) => {
  const { email, id } = await createUser('disabled', 'editor');
  const cookies = [await login(request, email), await login(request, email)];
  for (const c of cookies) expect(await works(request, c)).toBe(true);
  const admin = await loginAs(request, 'admin');
  const res = await callAction(request, {
    id: actionIds().get('app/(app)/admin/users/actions.ts#setDisabledAction')!,
    path: '/admin/users',
    args: { form: { userId: id, disabled: 'true' } },
    cookie: admin,
    headers: { 'accept-language': 'en-US' },
  });
  expect(await res.text()).toContain('User disabled');
  for (const c of cookies) expect(await works(request, c)).toBe(false);
  const db = openE2eDb();
  expect(db.select().from(session).where(eq(session.userId, id)).all()).toEqual([]);
  db.$client.close();
  // And the right password no longer opens a new one.
  expect((await loginToken(request, email, PASSWORD)).token).toBeNull();
});

test('five wrong passwords lock the account: the right one is then refused with the lock message', async ({ page }) => {
  const { email } = await createUser('throttle');
  await page.goto('/login');
  // One attempt: fill, submit, and wait for the server's answer (the form resets itself after each one).
  const attempt = async (who: string, password: string) => {
    await page.getByLabel(/Email|邮箱/).fill(who);
    await page.getByLabel(/Password|密码/).fill(password);
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && Boolean(r.request().headers()['next-action'])),
      page.getByRole('button', { name: /Log in|登录/ }).click(),
    ]);
    await expect(page.getByRole('button', { name: /Log in|登录/ })).toBeEnabled();
  };
  for (let i = 0; i < 5; i++) {
    await attempt(email, `wrong-password-${i}-xyz`);
    await expect(page.getByText(/Wrong email or password|邮箱或密码错误/)).toBeVisible();
  }
  await attempt(email, PASSWORD);
  await expect(page.getByText(/Too many failed attempts|失败次数过多/)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // Another account from the same browser is not locked by it.
  const other = await createUser('bystander');
  await page.getByLabel(/Email|邮箱/).fill(other.email);
  await page.getByLabel(/Password|密码/).fill(PASSWORD);
  await page.getByRole('button', { name: /Log in|登录/ }).click();
  // The lock is stored in the database: it outlives the server process (proved by tests/reliability/login-throttle-restart.test.ts).
  await expect(page.getByTestId('current-user')).toContainText(other.email);
});
