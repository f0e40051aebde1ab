import { expect, test } from '@playwright/test';
import { listMetrics } from '@/db/queries/catalogue';
import { getWeekValues } from '@/db/queries/values';
import { getLatestPublishedWeek } from '@/db/queries/weeks';
import { formatMetricValue } from '@/lib/format';
import { weekLabel } from '@/lib/weeks';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

test('a signed-out visitor is sent to the login page and back after logging in', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=%2F$/);
  await login(page, 'viewer');
  await expect(page).toHaveURL(/\/$/);
});

test('the overview shows the latest published week as stored in the database', async ({ page }) => {
  const db = openE2eDb();
  const week = getLatestPublishedWeek(db)!;
  const values = getWeekValues(week.weekStart, db);
  const metrics = listMetrics({}, db);
  db.$client.close();

  await login(page, 'viewer');
  await expect(page.getByTestId('week-label')).toHaveAttribute('data-week', weekLabel(week.weekStart, 'jan1'));
  for (const metric of metrics) {
    const value = values[metric.key]?.value;
    const shown = value === undefined ? 'No value' : formatMetricValue(value, metric, 'en');
    await expect(page.getByTestId(`tile-${metric.key}`).getByTestId('tile-value')).toHaveText(shown);
  }
  await screenshot(page, 'overview-foundation');
});

test('a wrong password and an unknown account get the same answer', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('viewer@e2e.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').first()).toContainText('Wrong email or password');
  await expect(page.getByLabel('Email')).toHaveValue('viewer@e2e.test');
  const wrongPassword = await page.getByRole('alert').first().textContent();
  await page.getByLabel('Email').fill('nobody@e2e.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').first()).toHaveText(wrongPassword!);
  await expect(page.getByLabel('Email')).toHaveValue('nobody@e2e.test');
});

test('the session cookie is __Host-, HttpOnly and SameSite', async ({ page, context }) => {
  await login(page, 'viewer');
  const cookie = (await context.cookies()).find((c) => c.name.startsWith('__Host-weekline.session'));
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
});
