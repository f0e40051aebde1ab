import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { weekLabel } from '@/lib/weeks';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

function latestLabel(): string {
  const db = openE2eDb();
  const bounds = getPublishedBounds(db)!;
  db.$client.close();
  return weekLabel(bounds.latest, 'jan1');
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test('switching the language switches the labels, and the choice is remembered', async ({ page }) => {
  await login(page, 'viewer');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest week');
  await screenshot(page, 'overview-en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('最新一周');
  await expect(page.getByTestId('chart-rates').getByRole('heading')).toHaveText('成功率');
  await expect(page.getByTestId('tile-inbound_success_rate')).toContainText('入金有效成功率');
  await expect(page.getByTestId('week-label')).toContainText(/\d{4}年第\d+周/);
  await expect(page.getByRole('link', { name: '总览' })).toBeVisible();
  await screenshot(page, 'overview-zh');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('最新一周');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest week');
});

test('a week page and a metric page open from the overview and pass an accessibility check', async ({ page }) => {
  await login(page, 'viewer');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Week details' }).click();
  await expect(page).toHaveURL(new RegExp(`/weeks/${latestLabel()}$`));
  await expect(page.getByTestId('week-title')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto('/');
  await page.getByTestId('tile-health_score').getByRole('link').click();
  await expect(page).toHaveURL(/\/metrics\/health_score$/);
  await expect(page.getByTestId('metric-title')).toHaveText('System health score');
  await expect(page.getByTestId('metric-history').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('metric-targets')).toContainText('From the start');
  await expect(page.getByTestId('chart-metric').locator('svg.recharts-surface').first()).toBeVisible();
  await screenshot(page, 'metric-page');
  await expectNoSeriousA11yViolations(page);
});

test('dark mode, the phone layout, the wall screen and the print view', async ({ page }) => {
  await login(page, 'viewer');
  await page.getByRole('button', { name: 'Dark mode' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await screenshot(page, 'overview-dark');
  await page.getByRole('button', { name: 'Light mode' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, 'overview-phone');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?kiosk=1&range=13w');
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('tiles')).toBeVisible();
  await screenshot(page, 'overview-kiosk');

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/weeks/${latestLabel()}/print`);
  await expect(page.locator('.app-header')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'week-print');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});

test('a metric with no values yet says so instead of drawing an empty table', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/metrics');
  await page.getByLabel('Key').fill('refund_success_rate');
  await page.getByLabel('中文').last().fill('退款成功率');
  await page.getByLabel('English').last().fill('Refund success rate');
  await page.getByLabel('Unit').last().fill('%');
  await page.getByRole('button', { name: 'Add metric' }).click();
  await expect(page.getByTestId('form-message').last()).toHaveText('Added refund_success_rate.');
  await page.goto('/metrics/refund_success_rate');
  await expect(page.getByTestId('metric-empty')).toHaveText('No published values in this range yet.');
  await page.goto('/');
  await expect(page.getByTestId('tile-refund_success_rate')).toContainText('No value');
});
