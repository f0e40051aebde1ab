// Issue 14: a published week is a record. Correct a figure with a reason and republish: the week page shows
// both figures and why, the dashboard's "as reported / current" switch flips the tile between them, and a
// share link shows the version its creator chose.
import { expect, test } from '@playwright/test';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema';
import { saveWeek } from '@/db/queries/save-week';
import { listSnapshots } from '@/db/queries/snapshots';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { formatMetricValue } from '@/lib/format';
import { getWeekRecord } from '@/db/queries/weeks';
import { E2E_USERS } from './fixtures/config';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

// The current week: the newest week that can be published, so the dashboard's tiles show it. Another journey
// (entry.spec) may have published it already; then its first snapshot is "as reported" here.
const WEEK = currentWeekStart();
const LABEL = weekLabel(WEEK, 'jan1');
const REASON = 'Recomputed after late refunds';
const RATE = DEFAULT_METRICS.find((m) => m.key === 'inbound_success_rate')!;
const shown = (n: number) => formatMetricValue(n, RATE, 'en');

/** The week published (v1) through the same save path the form uses, by the editor, unless it already is. */
function publishFirstVersion(): { reported: number; corrected: number } {
  const db = openE2eDb();
  try {
    const week = getWeekRecord(WEEK, db);
    if (week?.status !== 'published') {
      const editor = db.select().from(user).where(eq(user.email, E2E_USERS.editor.email)).get()!;
      const values = Object.fromEntries(
        DEFAULT_METRICS.map((m) => [m.key, { value: m.key === RATE.key ? '99.95' : m.kind === 'count' ? '0' : m.kind === 'score' ? '500' : '99.99' }]),
      );
      const entry = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: WEEK, baseVersion: week?.version ?? 0, intent: 'publish', confirmMissing: true, values });
      expect(saveWeek(entry, { userId: editor.id, email: editor.email }, db)).toMatchObject({ ok: true, status: 'published' });
    }
    const reported = listSnapshots(WEEK, db)[0].payload.values[RATE.key].value;
    return { reported, corrected: reported === 99.93 ? 99.92 : 99.93 };
  } finally {
    db.$client.close();
  }
}

/** A screenshot of one part of the page (a chart card), next to the full-page ones. */
async function shot(target: Locator, name: string): Promise<void> {
  const dir = path.join(process.cwd(), 'e2e', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await target.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The rates chart rings the restated week's point, its legend names the ring, and the tooltip there says `word`. */
async function expectChartMarker(page: Page, legendText: string, word: string, name: string): Promise<void> {
  const card = page.getByTestId('chart-rates');
  const marker = card.locator('.restated-marker');
  await expect(marker.first()).toBeVisible();
  await expect(marker.first()).toHaveAttribute('data-week', LABEL);
  await expect(page.getByTestId('legend-rates').getByTestId('legend-restated')).toHaveText(legendText);
  const panel = card.getByTestId('chart-panel').filter({ has: page.locator('.restated-marker') });
  await marker.first().hover();
  await expect(panel.locator('.recharts-tooltip-wrapper')).toContainText(word);
  await shot(card, name);
}

/** The range form's own from/to, submitted: what it keeps besides them is the point. */
async function submitRange(page: Page): Promise<void> {
  const picker = page.getByTestId('range-picker');
  await picker.locator('#range-from').fill(weekLabel(addWeeks(WEEK, -7), 'jan1'));
  await picker.locator('#range-to').fill(LABEL);
  await picker.locator('button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`from=${weekLabel(addWeeks(WEEK, -7), 'jan1')}`));
}

function versions(): number[] {
  const db = openE2eDb();
  try {
    return listSnapshots(WEEK, db).map((s) => s.version);
  } finally {
    db.$client.close();
  }
}

test('publish, correct with a reason, republish: both figures on the week page, the dashboard switch and a share link', async ({ page, browser }) => {
  const { reported, corrected } = publishFirstVersion();
  const before = versions();
  expect(before[0]).toBe(1);

  await login(page, 'editor');
  await page.goto(`/entry/${LABEL}`);
  await page.locator('#value-inbound_success_rate').fill(String(corrected));
  await page.getByTestId('republish').click();
  await expect(page.locator('#reason-error')).toBeVisible();
  expect(versions()).toEqual(before); // refused: nothing frozen
  await page.locator('#reason').fill(REASON);
  await page.getByTestId('republish').click();
  await expect(page.getByTestId('form-message')).toBeVisible();
  await expect.poll(versions).toEqual([...before, before.length + 1]);

  await page.goto(`/weeks/${LABEL}`);
  const restated = page.getByTestId('restatements');
  await expect(restated).toContainText(`as reported ${shown(reported)}`);
  await expect(restated).toContainText(`restated ${shown(corrected)}`);
  await expect(restated).toContainText(REASON);
  await expect(restated).toContainText(E2E_USERS.editor.email);
  await expect(page.getByTestId('tile-inbound_success_rate').getByTestId('tile-restated')).toBeVisible();
  await expect(page.getByTestId('published-versions')).toContainText(`v${before.length + 1}`);
  await screenshot(page, 'restated-week');

  await page.goto('/');
  const tile = page.getByTestId('tile-inbound_success_rate');
  await expect(tile.getByTestId('tile-value')).toHaveText(shown(corrected));
  await expect(tile.getByTestId('tile-restated')).toBeVisible();
  await expectChartMarker(page, 'Restated since published', 'restated', 'restated-chart-marker');
  await page.getByTestId('as-of-switch').getByRole('link', { name: 'As reported' }).click();
  await expect(page).toHaveURL(/as=reported/);
  await expect(tile.getByTestId('tile-value')).toHaveText(shown(reported));
  await screenshot(page, 'restated-dashboard-as-reported');
  // A custom from/to keeps the view as reported; the restated point stays marked in it.
  await submitRange(page);
  await expect(page).toHaveURL(/as=reported/);
  await expect(tile.getByTestId('tile-value')).toHaveText(shown(reported));
  await expect(page.getByTestId('as-of-note')).toBeVisible();
  await expectChartMarker(page, 'Restated since published', 'restated', 'restated-chart-marker-as-reported');
  await page.getByTestId('as-of-switch').getByRole('link', { name: 'Current' }).click();
  await expect(tile.getByTestId('tile-value')).toHaveText(shown(corrected));

  // The metric page rings the same week and names the ring.
  await page.goto('/metrics/inbound_success_rate');
  await expect(page.getByTestId('legend-metric').getByTestId('legend-restated')).toHaveText('Restated since published');
  await expect(page.locator('.restated-marker').first()).toBeVisible();

  await page.goto(`/weeks/${LABEL}/print?v=1`);
  await expect(page.getByTestId('print-version')).toContainText('Version v1');
  await expect(page.locator('[data-print-view]')).toContainText(shown(reported));

  // The link's creator chose "as reported" in the shares form: its reader sees the figure leadership was told.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await login(adminPage, 'admin');
  await adminPage.goto('/admin/shares');
  await adminPage.getByLabel('Label').fill('Board pack');
  await adminPage.getByLabel('Shows').selectOption('reported');
  await adminPage.getByRole('button', { name: 'Create link' }).click();
  await expect(adminPage.getByTestId('form-message')).toContainText('Created "Board pack"');
  const link = { path: new URL(await adminPage.getByTestId('share-url').inputValue()).pathname };
  await admin.close();
  const guest = await browser.newContext();
  const shared = await guest.newPage();
  await shared.goto(link.path);
  const sharedTile = shared.getByTestId('tile-inbound_success_rate');
  await expect(sharedTile.getByTestId('tile-value')).toHaveText(shown(reported));
  await expect(shared.getByTestId('as-of-note')).toBeVisible();
  await screenshot(shared, 'restated-share-as-reported');
  await expectChartMarker(shared, 'Restated since published', 'restated', 'restated-share-chart-marker');

  // The link's week page shows the week as first published too, with the same note and switch.
  await shared.getByTestId('week-label').getByRole('link').click();
  await expect(shared).toHaveURL(new RegExp(`${link.path}/weeks/${LABEL}$`));
  const weekTile = shared.getByTestId('tile-inbound_success_rate');
  await expect(weekTile.getByTestId('tile-value')).toHaveText(shown(reported));
  await expect(weekTile.getByTestId('tile-restated')).toBeVisible();
  await expect(shared.getByTestId('as-of-note')).toBeVisible();
  await screenshot(shared, 'restated-share-week-as-reported');
  await shared.getByTestId('as-of-switch').getByRole('link', { name: 'Current' }).click();
  await expect(shared).toHaveURL(/as=current/);
  await expect(weekTile.getByTestId('tile-value')).toHaveText(shown(corrected));
  await expect(weekTile.getByTestId('tile-restated')).toBeVisible();
  await expect(shared.getByTestId('as-of-note')).toHaveCount(0);
  // The reader's choice travels back to the dashboard and survives a custom range.
  await shared.getByRole('link', { name: 'Dashboard' }).click();
  await expect(shared).toHaveURL(/as=current/);
  await expect(sharedTile.getByTestId('tile-value')).toHaveText(shown(corrected));
  await submitRange(shared);
  await expect(shared).toHaveURL(/as=current/);
  await expect(sharedTile.getByTestId('tile-value')).toHaveText(shown(corrected));

  // In Chinese: the legend and the tooltip from the catalogue.
  await shared.getByRole('button', { name: '中文' }).click();
  await expect(shared.getByTestId('as-of-switch')).toContainText('首次发布');
  await expectChartMarker(shared, '发布后已更正', '已更正', 'restated-share-chart-marker-zh');
  await guest.close();
});
