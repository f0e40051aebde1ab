import { expect, test } from '@playwright/test';
import { login, screenshot } from './fixtures/helpers';

test('the range lives in the URL and changes what the charts draw', async ({ page }) => {
  await login(page, 'viewer');
  const dots = page.getByTestId('chart-rates').locator('.recharts-line-dots').first().locator('circle');
  await expect(dots).toHaveCount(26);
  await page.getByTestId('range-picker').getByRole('link', { name: '13 weeks' }).click();
  await expect(page).toHaveURL(/\?range=13w$/);
  await expect(dots).toHaveCount(13);
  await page.getByLabel('From', { exact: true }).fill('2020-W01');
  await page.getByLabel('To', { exact: true }).fill('2020-W99');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('range-notice')).toContainText('showing the last 26 weeks');
  await expect(dots).toHaveCount(26);
  await page.goto('/?range=bogus');
  await expect(page.getByTestId('range-notice')).toContainText('Unknown range');
});

test('the overview draws every chart with targets, the error budget and forecasts', async ({ page }) => {
  await login(page, 'viewer');
  for (const id of ['rates', 'availability', 'incidents', 'health', 'progress']) {
    await expect(page.getByTestId(`chart-${id}`).locator('svg.recharts-surface').first()).toBeVisible();
  }
  await expect(page.getByTestId('error-budget')).toContainText(/of .* min left this year|Over budget/);
  await expect(page.getByTestId('forecasts')).toContainText('Data classification tagging');
  await expect(page.getByTestId('incident-totals')).toContainText('In range: AB');
  await page.getByTestId('chart-rates').locator('.recharts-line-dots circle').last().hover();
  await expect(page.getByTestId('chart-rates').locator('.recharts-tooltip-wrapper').first()).toContainText('%');
  await screenshot(page, 'overview-desktop');
});

test('the selected range downloads as CSV, one row per published week', async ({ page }) => {
  await login(page, 'viewer');
  await page.getByTestId('range-picker').getByRole('link', { name: '13 weeks' }).click();
  await expect(page).toHaveURL(/\?range=13w$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^week,inbound_success_rate,/);
  expect(lines).toHaveLength(14);
});
