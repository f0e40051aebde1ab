import { expect, test } from '@playwright/test';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { getWeekValues } from '@/db/queries/values';
import { weekLabel } from '@/lib/weeks';
import { login, openE2eDb } from './fixtures/helpers';

test('a cached dashboard shows a save at the very next request', async ({ page, browser }) => {
  const db = openE2eDb();
  const latest = getPublishedBounds(db)!.latest;
  const before = getWeekValues(latest, db).health_score.value;
  db.$client.close();
  const next = before + 7;

  await login(page, 'viewer');
  const first = await page.goto('/');
  const second = await page.goto('/');
  expect(first?.headers()['x-weekline-cache']).toBeDefined();
  expect(second?.headers()['x-weekline-cache']).toBe('hit');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${before} pts`);

  const editor = await browser.newPage();
  await login(editor, 'editor');
  await editor.goto(`/entry/${weekLabel(latest, 'jan1')}`);
  await editor.locator('#value-health_score').fill(String(next));
  await editor.locator('#reason').fill('Late correction from the health-score job');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByTestId('form-message')).toHaveText('Saved and published.');

  const third = await page.goto('/');
  expect(third?.headers()['x-weekline-cache']).toBe('miss');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${next} pts`);
});

test('a cached page is never served to a request without a valid session', async ({ page, browser }) => {
  await login(page, 'admin');
  await page.goto('/');
  await page.goto('/');
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get('/', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const cookies = await page.context().cookies();
  const forged = cookies.map((c) => (c.name.includes('session') ? { ...c, value: `${c.value.slice(0, 10)}x${c.value.slice(11)}` } : c));
  const other = await browser.newContext();
  await other.addCookies(forged);
  const forgedResponse = await other.request.get('/', { maxRedirects: 0 });
  expect(forgedResponse.headers()['x-weekline-cache']).not.toBe('hit');
  expect(forgedResponse.status()).not.toBe(200);
});
