// Issue 11 probes against the real server: a scoped share link never serves a week outside its scope, a
// hostile `next` never leaves our origin nor gives a 500, a failed sign-out says so, and a viewer reads a
// week's history only from its publication on.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { saveWeek } from '@/db/queries/save-week';
import { getWeekNumbering } from '@/db/queries/settings';
import { createShareLink } from '@/db/queries/share-links';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { addWeeks, currentWeekStart, parseWeekLabel, weekLabel } from '@/lib/weeks';
import { E2E_BASE_URL, E2E_DB, E2E_USERS } from './fixtures/config';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

test('a scoped share link serves no week outside its scope, for ranges before, after, across and inside it', async ({ page, request }) => {
  const db = openE2eDb();
  const latest = getPublishedBounds(db)!.latest;
  const numbering = getWeekNumbering(db);
  const scope = { fromWeek: addWeeks(latest, -20), toWeek: addWeeks(latest, -10) };
  const issued = createShareLink({ label: 'Scoped probe', expiresIn: '1d', ...scope }, null, db);
  db.$client.close();
  const label = (n: number) => weekLabel(addWeeks(latest, n), numbering);
  const inside = (w: string | null) => Boolean(w && w >= scope.fromWeek && w <= scope.toWeek);
  const probes = {
    before: `from=${label(-50)}&to=${label(-30)}`,
    justBefore: `from=${label(-40)}&to=${label(-21)}`,
    after: `from=${label(-9)}&to=${label(0)}`,
    across: `from=${label(-45)}&to=${label(0)}`,
    inside: `from=${label(-18)}&to=${label(-12)}`,
  };
  for (const [name, query] of Object.entries(probes)) {
    const csv = await request.get(`${issued.path}/export?${query}`);
    expect(csv.status(), name).toBe(200);
    const rows = (await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    expect(rows.length, name).toBeGreaterThan(0);
    for (const row of rows) expect(inside(parseWeekLabel(row.split(',')[0], numbering)), `${name}: ${row.slice(0, 20)}`).toBe(true);

    const response = await page.goto(`${issued.path}?${query}`);
    expect(response?.status(), name).toBe(200);
    const href = (await page.getByTestId('export-csv').getAttribute('href'))!;
    const shown = new URL(href, E2E_BASE_URL).searchParams;
    expect(inside(parseWeekLabel(shown.get('from')!, numbering)) && inside(parseWeekLabel(shown.get('to')!, numbering)), `${name}: ${href}`).toBe(true);
  }
  await page.goto(`${issued.path}?${probes.before}`);
  await expect(page.getByTestId('range-notice')).toBeVisible();
});

test('a hostile next never leaves our origin and never gives a server error', async ({ page }) => {
  const hostile = ['/%09/evil.example', '/%0A/x', '/%0D/evil.example', '/%E3%80%82/x', '/%5C/evil.example', '//evil.example', '/%2F/evil.example', 'javascript:alert(1)'];
  for (const next of hostile) {
    const res = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(res.status(), next).toBeLessThan(500);
  }
  // Signing in with a hostile next lands on our own overview.
  await page.goto('/login?next=/%09/evil.example');
  await page.getByLabel('Email').fill(E2E_USERS.viewer.email);
  await page.getByLabel('Password').fill(E2E_USERS.viewer.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
  // Already signed in: the redirect goes to a path of ours, a valid header without raw control characters.
  for (const next of hostile) {
    const res = await page.request.get(`/login?next=${next}`, { maxRedirects: 0 });
    expect(res.status(), next).toBeLessThan(500);
    const location = res.headers()['location'];
    expect(location, next).toBeTruthy();
    expect(location, next).not.toMatch(/[\u0000-\u001f\u007f\\]/);
    expect(new URL(location, E2E_BASE_URL).origin, next).toBe(E2E_BASE_URL);
  }
  await page.goto('/login?next=/%09/evil.example');
  expect(new URL(page.url()).origin).toBe(E2E_BASE_URL);
});

test('a sign-out the server cannot complete says so, and the user stays signed in to try again', async ({ page }) => {
  await login(page, 'viewer');
  // Another process holds the database's write lock longer than the server waits for it.
  const locker = new Database(E2E_DB);
  locker.pragma('busy_timeout = 5000');
  locker.prepare('BEGIN IMMEDIATE').run();
  try {
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByTestId('logout-error')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('logout-error')).toContainText('Sign-out did not complete');
    await expect(page).not.toHaveURL(/\/login/);
  } finally {
    locker.prepare('ROLLBACK').run();
    locker.close();
  }
  await screenshot(page, 'logout-failed');
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText(E2E_USERS.viewer.email);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('viewers see a week\'s history from its first publication on; editors see the drafts too', async ({ page }) => {
  const db = openE2eDb();
  const numbering = getWeekNumbering(db);
  const week = addWeeks(currentWeekStart(), -150);
  const editor = db.select().from(user).where(eq(user.email, E2E_USERS.editor.email)).get()!;
  const actor = { userId: editor.id, email: editor.email };
  const schema = weekEntrySchema(DEFAULT_METRICS);
  let version = 0;
  for (const [intent, value, reason] of [['draft', '401', ''], ['publish', '413', ''], ['save', '427', 'corrected']] as const) {
    const result = saveWeek(schema.parse({ weekStart: week, baseVersion: version, intent, values: { health_score: { value } }, reason, confirmMissing: true }), actor, db);
    if (!result.ok) throw new Error(JSON.stringify(result));
    version = result.version;
  }
  db.$client.close();
  const path = `/weeks/${weekLabel(week, numbering)}`;
  const history = () => page.getByTestId('week-history');

  await login(page, 'viewer');
  await page.goto(path);
  await expect(history().getByRole('cell', { name: '427 pts', exact: true })).toBeVisible();
  await expect(history().getByRole('cell', { name: '413 pts', exact: true })).toBeVisible();
  await expect(history().getByRole('cell', { name: '401 pts', exact: true })).toHaveCount(0);
  await screenshot(page, 'week-history-viewer');

  await page.context().clearCookies();
  await login(page, 'editor');
  await page.goto(path);
  await expect(history().getByRole('cell', { name: '401 pts', exact: true }).first()).toBeVisible();
});
