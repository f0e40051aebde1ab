import { expect, test } from '@playwright/test';
import { listTargets } from '@/db/queries/targets';
import { targetInForce } from '@/lib/kpi/targets';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

test('an admin adds a user, changes the role, and disabling ends that user’s session at once', async ({ page, browser }) => {
  await login(page, 'admin');
  await page.goto('/admin/users');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password (12+ characters)').fill('short');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.locator('#new-email-error')).toBeVisible();
  await expect(page.locator('#new-password-error')).toHaveText('Use at least 12 characters.');

  await page.getByLabel('Email').fill('lead@e2e.test');
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByLabel('Password (12+ characters)').fill('lead-password-123');
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Added lead@e2e.test as viewer.');
  const row = page.getByTestId('user-lead@e2e.test');
  await expect(row).toContainText('Active');

  const lead = await browser.newPage();
  await lead.goto('/login');
  await lead.getByLabel('Email').fill('lead@e2e.test');
  await lead.getByLabel('Password').fill('lead-password-123');
  await lead.getByRole('button', { name: 'Log in' }).click();
  await expect(lead.getByTestId('current-user')).toContainText('lead@e2e.test · viewer');

  await row.getByLabel('Role of lead@e2e.test').selectOption('editor');
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByTestId('role-message-lead@e2e.test')).toHaveText('Role changed.');
  await lead.reload();
  await expect(lead.getByTestId('current-user')).toContainText('lead@e2e.test · editor');

  await row.getByRole('button', { name: 'Disable lead@e2e.test' }).click();
  await expect(row).toContainText('Disabled');
  await lead.reload();
  await expect(lead).toHaveURL(/\/login/);
  await screenshot(page, 'admin-users');
});

test('an admin sets a target from a week on; earlier weeks keep theirs', async ({ page }) => {
  const from = addWeeks(currentWeekStart(), -4);
  await login(page, 'admin');
  await page.goto('/admin/targets');
  await page.getByLabel('Metric').selectOption('outbound_success_rate');
  await page.getByLabel('From week').fill('2023-W99');
  await page.getByLabel('Target', { exact: true }).fill('abc');
  await page.getByRole('button', { name: 'Set target' }).click();
  await expect(page.locator('#t-effectiveFrom-error')).toBeVisible();
  await expect(page.locator('#t-target-error')).toBeVisible();

  await page.getByLabel('From week').fill(weekLabel(from, 'jan1'));
  await page.getByLabel('Target', { exact: true }).fill('99.97');
  await page.getByLabel('Warning level (optional)').fill('99.93');
  await page.getByRole('button', { name: 'Set target' }).click();
  await expect(page.getByTestId('form-message')).toHaveText(`Target set from ${weekLabel(from, 'jan1')} on.`);
  const db = openE2eDb();
  const rows = listTargets(db);
  db.$client.close();
  expect(targetInForce(rows, 'outbound_success_rate', from)?.target).toBe(99.97);
  expect(targetInForce(rows, 'outbound_success_rate', addWeeks(from, -1))?.target).toBe(99.95);
});

test('an admin renames and archives a metric; its history stays', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/metrics');
  const row = page.getByTestId('metric-row-hive_overall_progress');
  await row.getByLabel('English').fill('Hive warehouse (overall)');
  await row.getByRole('button', { name: 'Save hive_overall_progress' }).click();
  await expect(row.getByTestId('form-message')).toHaveText('Saved.');
  await page.goto('/');
  await expect(page.getByTestId('tile-hive_overall_progress')).toContainText('Hive warehouse (overall)');

  await page.goto('/admin/metrics');
  const again = page.getByTestId('metric-row-hive_overall_progress');
  await again.getByLabel('Archived').check();
  await again.getByRole('button', { name: 'Save hive_overall_progress' }).click();
  await expect(again.locator('p').first()).toContainText('Archived');
  await page.goto('/');
  await expect(page.getByTestId('tile-hive_overall_progress')).toHaveCount(0);
  await page.goto('/admin/metrics');
  const restore = page.getByTestId('metric-row-hive_overall_progress');
  await restore.getByLabel('Archived').uncheck();
  await restore.getByRole('button', { name: 'Save hive_overall_progress' }).click();
  await expect(restore.locator('p').first()).not.toContainText('Archived');
});
