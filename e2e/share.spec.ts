import { expect, test, type Page } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { metricValues, metrics, shareLinks, weeks } from '@/db/schema';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { createShareLink } from '@/db/queries/share-links';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { E2E_BASE_URL, E2E_PORT } from './fixtures/config';
import { requestFrom } from './fixtures/from-address';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

const DRAFT_VALUE = 4321;
const INTERNAL = 'INTERNAL-ONLY: vendor penalty under negotiation';
const PUBLIC_NOTE = 'Public note: channel switch completed.';

/** A draft week with a distinctive value, and notes on the latest published week, straight into the server's database. */
function seed(): { latest: string; draft: string } {
  const db = openE2eDb();
  const latest = getPublishedBounds(db)!.latest;
  const draft = addWeeks(currentWeekStart(), 5);
  const health = db.select({ id: metrics.id }).from(metrics).where(eq(metrics.key, 'health_score')).get()!;
  db.insert(weeks).values({ weekStart: draft, status: 'draft', notes: 'draft notes' }).onConflictDoNothing().run();
  db.insert(metricValues).values({ weekStart: draft, metricId: health.id, value: DRAFT_VALUE }).onConflictDoNothing().run();
  db.update(weeks).set({ notes: PUBLIC_NOTE, internalNotes: INTERNAL }).where(eq(weeks.weekStart, latest)).run();
  db.$client.close();
  return { latest, draft };
}

function countLinks(): number {
  const db = openE2eDb();
  const n = db.select().from(shareLinks).all().length;
  db.$client.close();
  return n;
}

async function expectShare404(page: Page, path: string): Promise<string> {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('share-not-found')).toBeVisible();
  await expect(page.getByTestId('tiles')).toHaveCount(0);
  return page.getByRole('main').innerText();
}

test('a share link shows the published dashboard to someone without an account, until it is revoked', async ({ page, browser }) => {
  const { latest, draft } = seed();
  await login(page, 'admin');
  await page.goto('/admin/shares');
  await page.getByLabel('Label').fill('');
  await page.getByLabel('From week (optional)').fill('2023-W99');
  await page.getByRole('button', { name: 'Create link' }).click();
  await expect(page.locator('#share-label-error')).toBeVisible();
  await expect(page.locator('#share-fromWeek-error')).toBeVisible();

  await page.getByLabel('Label').fill('Audit committee');
  await page.getByLabel('Expires after').selectOption('7d');
  await page.getByLabel('From week (optional)').fill('');
  const [createRequest] = await Promise.all([
    page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    page.getByRole('button', { name: 'Create link' }).click(),
  ]);
  await expect(page.getByTestId('form-message')).toContainText('Created "Audit committee"');
  const url = await page.getByTestId('share-url').inputValue();
  expect(url).toMatch(new RegExp(`^${E2E_BASE_URL}/s/[A-Za-z0-9_-]{43}$`));
  const path = new URL(url).pathname;
  const row = page.getByTestId('share-Audit committee');
  await expect(row).toContainText('Active');
  await expect(row).toContainText('admin@e2e.test');
  // Shown once: a reload lists the link but not its URL.
  await page.reload();
  await expect(page.getByTestId('share-url')).toHaveCount(0);
  expect(await page.content()).not.toContain(path);

  // A fresh browser with no session.
  const guest = await browser.newContext({ locale: 'en-US' });
  const share = await guest.newPage();
  const response = await share.goto(path);
  expect(response?.status()).toBe(200);
  const headers = response!.headers();
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-robots-tag']).toBe('noindex');
  expect(headers['cache-control']).toBe('private, no-store');
  await expect(share.getByRole('heading', { name: 'Shared dashboard' })).toBeVisible();
  await expect(share.getByTestId('tiles').locator('article')).not.toHaveCount(0);
  await expect(share.getByTestId('week-label')).toHaveAttribute('data-week', weekLabel(latest, 'jan1'));
  await expect(share.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(share.getByRole('link', { name: /Edit|Enter week|Log out/ })).toHaveCount(0);
  await expect(share.getByTestId('range-picker').getByRole('link').first()).toHaveAttribute('href', new RegExp(`^${path}\\?range=`));
  await screenshot(share, 'share-dashboard');

  // The draft week's value is on no share page, even when the range reaches it.
  for (const query of ['', `?from=${weekLabel(latest, 'jan1')}&to=${weekLabel(draft, 'jan1')}`, '?range=all']) {
    await share.goto(`${path}${query}`);
    await expect(share.getByTestId('tiles')).toBeVisible();
    // What a reader can see: text, tile values and chart ticks. (The raw HTML is not searched: SVG path
    // coordinates such as "M64,321.5" can contain any digit sequence.)
    const text = await share.locator('body').innerText();
    expect(text).not.toContain(String(DRAFT_VALUE));
    expect(text).not.toContain('4,321');
  }
  await expectShare404(share, `${path}/weeks/${weekLabel(draft, 'jan1')}`);

  // The week page: values and public notes, never internal notes, history or edit links.
  await share.goto(path);
  await share.getByRole('link', { name: 'Week details' }).click();
  await expect(share).toHaveURL(`${E2E_BASE_URL}${path}/weeks/${weekLabel(latest, 'jan1')}`);
  await expect(share.getByTestId('week-notes')).toHaveText(PUBLIC_NOTE);
  await expect(share.getByTestId('tiles').locator('article')).not.toHaveCount(0);
  expect(await share.content()).not.toContain('INTERNAL-ONLY');
  await expect(share.getByRole('heading', { name: 'History' })).toHaveCount(0);
  await expect(share.getByTestId('next-week')).toHaveCount(0);
  await share.getByTestId('previous-week').click();
  await expect(share).toHaveURL(`${E2E_BASE_URL}${path}/weeks/${weekLabel(addWeeks(latest, -1), 'jan1')}`);
  await share.getByRole('button', { name: '中文' }).click();
  await expect(share.getByRole('link', { name: '看板' })).toBeVisible();

  // The share link opens nothing else: signed-in pages send the guest to log in.
  for (const protectedPath of ['/', '/entry', '/admin/shares', `/weeks/${weekLabel(latest, 'jan1')}`]) {
    await share.goto(protectedPath);
    await expect(share).toHaveURL(/\/login\?next=/);
  }
  // Replaying the admin's create action with only the share link gets nothing.
  const before = countLinks();
  const replay = await share.request.post(path, {
    headers: { 'next-action': createRequest.headers()['next-action'], 'content-type': createRequest.headers()['content-type'], accept: 'text/x-component' },
    data: createRequest.postData()!,
  });
  const replayText = await replay.text();
  // No language cookie on the replay: the answer is in the team's language (Chinese first), refusing either way.
  expect(replayText).toMatch(/Only admins can create share links\.|只有管理员可以创建分享链接。/);
  expect(replayText).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
  expect(countLinks()).toBe(before);

  // Views are counted (after the response, in batches written within a second).
  await expect(async () => {
    await page.reload();
    await expect(row.getByTestId('share-views')).not.toHaveText('0', { timeout: 500 });
  }).toPass({ timeout: 10_000 });

  // Revoked: the very next request is the 404.
  await row.getByRole('button', { name: 'Revoke Audit committee' }).click();
  await expect(row.getByTestId('share-status')).toContainText('Revoked');
  await expectShare404(share, path);
  expect(share.url()).toBe(`${E2E_BASE_URL}${path}`);
  await guest.close();

  // Expired, malformed and unknown tokens all get the same page.
  const db = openE2eDb();
  const expired = createShareLink({ label: 'Old', expiresIn: '1d' }, null, db, new Date(Date.now() - 2 * 86_400_000));
  db.$client.close();
  const other = await browser.newContext({ locale: 'en-US' });
  const probe = await other.newPage();
  const revokedText = await expectShare404(probe, path);
  const texts = [
    await expectShare404(probe, expired.path),
    await expectShare404(probe, '/s/not-a-token'),
    await expectShare404(probe, `/s/${'A'.repeat(43)}`),
    await expectShare404(probe, `${expired.path}/weeks/${weekLabel(latest, 'jan1')}`),
  ];
  for (const text of texts) expect(text).toBe(revokedText);
  await other.close();
});

test('rotating a link kills the old URL and shows the new one once', async ({ page, browser }) => {
  const db = openE2eDb();
  const issued = createShareLink({ label: 'Rotate me', expiresIn: 'never' }, null, db);
  db.$client.close();
  await login(page, 'admin');
  await page.goto('/admin/shares');
  const row = page.getByTestId('share-Rotate me');
  await row.getByRole('button', { name: 'Rotate Rotate me' }).click();
  await expect(row.getByTestId(`rotate-message-${issued.id}`)).toContainText('Rotated');
  const fresh = new URL(await row.locator(`#rotated-share-url-${issued.id}`).inputValue()).pathname;
  expect(fresh).not.toBe(issued.path);

  const guest = await browser.newContext({ locale: 'en-US' });
  const share = await guest.newPage();
  expect((await share.goto(issued.path))?.status()).toBe(404);
  expect((await share.goto(fresh))?.status()).toBe(200);
  await expect(share.getByTestId('tiles')).toBeVisible();
  await guest.close();
});

test('token lookups are rate-limited per client (its socket address, whatever X-Forwarded-For says) with the same 404', async () => {
  const db = openE2eDb();
  const issued = createShareLink({ label: 'Busy', expiresIn: '1d' }, null, db);
  db.$client.close();
  // A different X-Forwarded-For on every request: without a trusted proxy it is the client's own words.
  const get = (from: string, i: number) => requestFrom(from, { path: issued.path, headers: { 'x-forwarded-for': `198.51.100.${i % 250}`, host: `localhost:${E2E_PORT}` } });
  const statuses: number[] = [];
  for (let i = 0; i < 121; i++) statuses.push((await get('127.0.0.7', i)).status);
  expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
  expect(statuses[120]).toBe(404);
  const limited = await get('127.0.0.7', 999);
  expect(limited.status).toBe(404);
  expect(limited.body).toContain('share-not-found');
  // Another client is not affected by the first one's spending.
  expect((await get('127.0.0.8', 0)).status).toBe(200);
});
