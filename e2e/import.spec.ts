import fs from 'node:fs';
import path from 'node:path';
import { expect, request, test, type Page } from '@playwright/test';
import { listIncidents } from '@/db/queries/incidents';
import { getUserByEmail } from '@/db/queries/users';
import { saveWeek } from '@/db/queries/save-week';
import { getWeekValues } from '@/db/queries/values';
import { getWeekRecord } from '@/db/queries/weeks';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { E2E_BASE_URL, E2E_USERS } from './fixtures/config';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

const SAMPLES = path.resolve(process.cwd(), 'fixtures/reports');
const sample = (name: string) => fs.readFileSync(path.join(SAMPLES, name), 'utf8');

function stored(weekStart: string) {
  const db = openE2eDb();
  try {
    return { week: getWeekRecord(weekStart, db), values: getWeekValues(weekStart, db), incidents: listIncidents(weekStart, db) };
  } finally {
    db.$client.close();
  }
}

async function pasteAndPreview(page: Page, text: string) {
  await page.goto('/import');
  await page.getByRole('textbox', { name: 'Report', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('import-preview')).toBeVisible();
}

test('an editor pastes a weekly report, checks the preview, publishes it and finds the week', async ({ page }) => {
  await login(page, 'editor');
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/import$/);
  await pasteAndPreview(page, sample('2023-W30.md'));

  await expect(page.getByTestId('preview-week')).toHaveAttribute('data-week', '2023-W30');
  await expect(page.getByTestId('preview-week')).toContainText('2023-07-17 – 2023-07-23');
  await expect(page.getByTestId('preview-stored')).toHaveText('New week: nothing stored yet');
  await expect(page.getByTestId('preview-row-health_score').getByTestId('reported')).toContainText('566 pts');
  await expect(page.getByTestId('preview-row-health_score').getByTestId('reported')).toContainText('previous week per the report: 540 pts');
  await expect(page.getByTestId('preview-row-data_classification_progress').getByTestId('reported')).toHaveText('42.94% (73 / 170)');
  await expect(page.getByTestId('preview-row-incidents_d').getByTestId('reported')).toHaveText('2');
  await expect(page.getByTestId('preview-tally')).toContainText('12 of 12 metrics in the report: 12 new');
  const events = page.getByTestId('preview-incidents').locator('li');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('2023-07-18 09:40 · 风控规则引擎响应变慢，部分代收交易超时 · 12 min · D (final)');
  await expect(events.nth(1)).toContainText('2023-07-20 21:15 · 银行对账文件延迟到达，日终对账推迟 · 25 min · D (estimated)');
  await expect(page.getByTestId('preview-event-policy')).toContainText('its 2 events are added to the 0 stored');
  await expect(page.getByText('No warnings: the report is consistent.')).toBeVisible();
  await screenshot(page, 'import-preview');
  expect(stored('2023-07-17').week).toBeNull();

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Published 2023-W30.');
  // The preview now compares with what was just saved.
  await expect(page.getByTestId('preview-stored')).toHaveText('Stored: Published · v1');
  const after = stored('2023-07-17');
  expect(after.week?.status).toBe('published');
  expect(after.values.health_score.value).toBe(566);
  expect(after.values.data_classification_progress).toMatchObject({ value: 42.94, done: 73, total: 170 });
  expect(after.incidents).toHaveLength(2);

  await page.getByTestId('import-week-link').click();
  await expect(page).toHaveURL(/\/weeks\/2023-W30$/);
  await expect(page.getByTestId('week-title')).toContainText('Week 30, 2023');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText('566 pts');
  await expect(page.getByTestId('week-incidents').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('week-history')).toContainText('editor@e2e.test');
});

test('an inconsistent report shows its warning in the preview, and a draft save keeps the derived value', async ({ page }) => {
  await login(page, 'editor');
  const text = sample('2023-W31.md').replace('完成率：52.33%', '完成率：60.33%');
  await pasteAndPreview(page, text);
  const warnings = page.getByTestId('preview-warnings');
  await expect(warnings.locator('li[data-code="percent_mismatch"]')).toContainText('the report says 60.33%, but 90/172 = 52.33%');
  await expect(page.getByRole('heading', { name: 'Warnings (1)' })).toBeVisible();
  await expect(page.getByTestId('preview-row-data_classification_progress').getByTestId('reported')).toHaveText('52.33% (90 / 172)');
  await screenshot(page, 'import-warnings');

  await page.getByRole('button', { name: 'Save as draft', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Saved 2023-W31 as a draft.');
  expect(stored('2023-07-24').week?.status).toBe('draft');
  expect(stored('2023-07-24').values.data_classification_progress.value).toBe(52.33);
});

test('a save made by someone else after the preview is refused with their changes shown', async ({ page }) => {
  await login(page, 'editor');
  await pasteAndPreview(page, sample('2023-W28.md'));
  await expect(page.getByTestId('preview-stored')).toHaveText('New week: nothing stored yet');

  const db = openE2eDb();
  try {
    const admin = getUserByEmail(E2E_USERS.admin.email, db)!;
    const entry = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: '2023-07-03', baseVersion: 0, intent: 'draft', values: { health_score: { value: '499' } } });
    expect(saveWeek(entry, { userId: admin.id, email: admin.email }, db)).toMatchObject({ ok: true });
  } finally {
    db.$client.close();
  }

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Someone saved this week after your preview and changed the same fields as the report, so nothing was saved.');
  await expect(page.getByTestId('conflict-panel')).toContainText('admin@e2e.test');
  expect(stored('2023-07-03').values.health_score.value).toBe(499);

  await page.getByRole('button', { name: 'Preview again', exact: true }).click();
  await expect(page.getByTestId('preview-row-health_score').getByTestId('stored')).toHaveText('499 pts');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Published 2023-W28.');
  expect(stored('2023-07-03').values.health_score.value).toBe(517);
});

test('a viewer has no import page and no Import link', async ({ page }) => {
  await login(page, 'viewer');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' })).toHaveCount(0);
  await page.goto('/import');
  await expect(page).toHaveURL(/\/forbidden$/);
});

test('CSV export: viewers download published weeks only, editors drafts too, strangers nothing', async ({ page }) => {
  await login(page, 'viewer');
  const asViewer = await page.request.get('/api/export/csv?from=2023-W28&to=2023-W31');
  expect(asViewer.status()).toBe(200);
  expect(asViewer.headers()['content-disposition']).toBe('attachment; filename="weekline-2023-W28-2023-W31.csv"');
  expect(asViewer.headers()['content-type']).toContain('text/csv');
  const viewerRows = (await asViewer.text()).split('\r\n').filter(Boolean);
  expect(viewerRows[0].replace('\uFEFF', '')).toMatch(/^week,inbound_success_rate,/);
  expect(viewerRows.slice(1).map((r) => r.split(',')[0])).toEqual(['2023-W28', '2023-W30']);
  expect((await page.request.get('/api/export/csv?from=2023-W99')).status()).toBe(400);

  const editor = await page.context().browser()!.newPage();
  await login(editor, 'editor');
  const asEditor = await editor.request.get('/api/export/csv?from=2023-W28&to=2023-W31');
  expect((await asEditor.text()).split('\r\n').filter(Boolean).slice(1).map((r) => r.split(',')[0])).toEqual(['2023-W28', '2023-W30', '2023-W31']);
  await editor.close();

  const stranger = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: '__Host-weekline.session=forged' } });
  expect((await stranger.get('/api/export/csv', { maxRedirects: 0 })).status()).toBe(401);
  await stranger.dispose();
});
