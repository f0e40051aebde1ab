// The ingestion API end to end: an admin makes a key on the admin page (shown once), a monitoring script
// PUTs values over real HTTP and publishes through the API, and the week page shows them to a viewer.
import { expect, test } from '@playwright/test';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { login, screenshot } from './fixtures/helpers';

// Far before the demo weeks, so no other journey's "latest week" moves.
const WEEK = weekLabel(addWeeks(currentWeekStart(), -90), 'jan1');

test('a key made on the admin page pushes and publishes a week over HTTP; a wrong key gets a problem+json 401', async ({ page, browser, request }) => {
  await login(page, 'admin');
  await page.goto('/admin/api-keys');
  await page.getByLabel('Label').fill('Grafana e2e');
  await page.getByLabel(/kpi:read/).check();
  await page.getByLabel(/report:publish/).check();
  await page.getByLabel('Expires after').selectOption('30d');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByTestId('form-message')).toContainText('Copy the key now');
  const key = await page.getByTestId('api-key-value').inputValue();
  expect(key).toMatch(/^wl_[A-Za-z0-9_-]{43}$/);
  const row = page.getByTestId('api-key-Grafana e2e');
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).toContainText('kpi:write, kpi:read, report:publish');
  await expect(row.getByTestId('api-key-last-used')).toHaveText('Never');
  await screenshot(page, 'admin-api-keys');

  // Shown once: after a reload the page holds the prefix only.
  await page.reload();
  await expect(page.getByTestId('api-key-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  const auth = { authorization: `Bearer ${key}` };
  // A monitoring system elsewhere: another Origin does not matter, the key does.
  const put = await request.put(`/api/v1/weeks/${WEEK}/values`, {
    headers: { ...auth, origin: 'https://monitoring.example', 'idempotency-key': 'e2e-push-1' },
    data: { values: { health_score: 612, inbound_success_rate: 99.93, hive_migration_progress: { done: 30, total: 40 } } },
  });
  expect(put.status()).toBe(200);
  expect(put.headers()['etag']).toBe('"1"');
  expect(await put.json()).toMatchObject({ week: WEEK, status: 'draft', version: 1 });
  const replay = await request.put(`/api/v1/weeks/${WEEK}/values`, {
    headers: { ...auth, origin: 'https://monitoring.example', 'idempotency-key': 'e2e-push-1' },
    data: { values: { health_score: 612, inbound_success_rate: 99.93, hive_migration_progress: { done: 30, total: 40 } } },
  });
  expect(replay.headers()['idempotent-replayed']).toBe('true');
  expect(await replay.json()).toMatchObject({ version: 1 });

  // A viewer does not see the draft yet.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await login(viewer, 'viewer');
  await viewer.goto(`/weeks/${WEEK}`);
  await expect(viewer.getByTestId('week-title')).toHaveCount(0);
  await expect(viewer.getByTestId('tile-health_score')).toHaveCount(0);

  const published = await request.post(`/api/v1/weeks/${WEEK}/publish`, { headers: { ...auth, 'if-match': '"1"' }, data: { confirmMissing: true } });
  expect(published.status()).toBe(200);
  expect(await published.json()).toMatchObject({ status: 'published', version: 2 });

  await viewer.goto(`/weeks/${WEEK}`);
  await expect(viewer.getByTestId('tile-health_score').getByTestId('tile-value')).toContainText('612');
  await expect(viewer.getByTestId('tile-inbound_success_rate').getByTestId('tile-value')).toContainText('99.93');
  await expect(viewer.getByTestId('tile-hive_migration_progress').getByTestId('tile-value')).toContainText('75');
  await screenshot(viewer, 'api-published-week');
  await viewerContext.close();

  const read = await request.get(`/api/v1/weeks/${WEEK}`, { headers: auth });
  expect(read.status()).toBe(200);
  expect((await read.json()).values.health_score.value).toBe(612);

  // A wrong key, and the session cookie of a signed-in admin, are both a problem+json 401.
  const wrong = await request.put(`/api/v1/weeks/${WEEK}/values`, { headers: { authorization: `Bearer wl_${'x'.repeat(43)}` }, data: { values: { health_score: 1 } } });
  expect(wrong.status()).toBe(401);
  expect(wrong.headers()['content-type']).toContain('application/problem+json');
  expect(await wrong.json()).toMatchObject({ type: 'urn:weekline:problem:unauthorized', status: 401, title: 'Unauthorized' });
  const cookieOnly = await page.request.get(`/api/v1/weeks/${WEEK}`);
  expect(cookieOnly.status()).toBe(401);

  await page.reload();
  await expect(page.getByTestId('api-key-Grafana e2e').getByTestId('api-key-last-used')).not.toHaveText('Never');
  await page.getByRole('button', { name: 'Revoke Grafana e2e' }).click();
  await expect(page.getByTestId('api-key-Grafana e2e').getByTestId('api-key-status')).toContainText('Revoked');
  const revoked = await request.get(`/api/v1/weeks/${WEEK}`, { headers: auth });
  expect(revoked.status()).toBe(401);
  expect(await revoked.text()).toBe(await wrong.text());
});

test('the OpenAPI document is served to anyone', async ({ request }) => {
  const res = await request.get('/api/v1/openapi.json');
  expect(res.status()).toBe(200);
  expect((await res.json()).openapi).toBe('3.1.0');
});
