// The server keeps the dashboard model every reader shares, keyed by the database's data version
// (db/queries/shared-reads.ts). These journeys prove it never shows stale data: a save through the form,
// and a write by another process (the kpi CLI) the server was never told about, both show on the very
// next request; and no cached result is ever served without a valid session.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { getPublishedBounds } from '@/db/queries/dashboard';
import { getWeekValues } from '@/db/queries/values';
import { weekLabel } from '@/lib/weeks';
import { E2E_DB } from './fixtures/config';
import { login, openE2eDb } from './fixtures/helpers';

function latestHealthScore(): { latest: string; value: number } {
  const db = openE2eDb();
  const latest = getPublishedBounds(db)!.latest;
  const value = getWeekValues(latest, db).health_score.value;
  db.$client.close();
  return { latest, value };
}

/** `npm run kpi -- …` in its own process, on the server's database file. */
function kpi(...args: string[]): string {
  const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, ['scripts/kpi.ts', ...args], { env: { ...process.env, DATABASE_PATH: E2E_DB, BASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

test('a save through the form shows on the very next request of every reader', async ({ page, browser }) => {
  const { latest, value: before } = latestHealthScore();
  const next = before + 7;

  await login(page, 'viewer');
  await page.goto('/');
  await page.goto('/');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${before} pts`);

  const editor = await browser.newPage();
  await login(editor, 'editor');
  await editor.goto(`/entry/${weekLabel(latest, 'jan1')}`);
  await editor.locator('#value-health_score').fill(String(next));
  await editor.locator('#reason').fill('Late correction from the health-score job');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByTestId('form-message')).toHaveText('Saved and published.');

  await page.goto('/');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${next} pts`);
});

test('a CSV import by the CLI, another process, shows on the next request of the running server', async ({ page }, testInfo) => {
  const { latest, value: before } = latestHealthScore();
  const label = weekLabel(latest, 'jan1');
  await login(page, 'viewer');
  await page.goto('/');
  await page.goto('/');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${before} pts`);
  // The week page and the metric page are read (and kept) too before the write.
  await page.goto('/metrics/health_score');

  // The latest week as the CLI exports it, with the health score moved by 5, imported back by the CLI.
  const file = testInfo.outputPath('health.csv');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  kpi('export-csv', '--from', label, '--to', label, '--out', file);
  const [header, row] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const column = header.split(',').indexOf('health_score');
  const cells = row.split(',');
  cells[column] = String(before + 5);
  fs.writeFileSync(file, `${header}\r\n${cells.join(',')}\r\n`);
  expect(kpi('import-csv', file)).toContain(`health_score ${before} → ${before + 5}`);

  await page.goto('/');
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${before + 5} pts`);
  // A client-side navigation (an RSC request, not a document) sees it too.
  await page.getByTestId('range-picker').getByRole('link', { name: '26 weeks' }).click();
  await expect(page).toHaveURL(/range=26w/);
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText(`${before + 5} pts`);
});

test('what the server keeps is never served to a request without a valid session', async ({ page, browser }) => {
  await login(page, 'admin');
  await page.goto('/');
  await page.goto('/');
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get('/', { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const cookies = await page.context().cookies();
  // One character changed (never to itself: an 'x' already there would leave the cookie valid).
  const forged = cookies.map((c) => (c.name.includes('session') ? { ...c, value: `${c.value.slice(0, 10)}${c.value[10] === 'x' ? 'y' : 'x'}${c.value.slice(11)}` } : c));
  const other = await browser.newContext();
  await other.addCookies(forged);
  const forgedResponse = await other.request.get('/', { maxRedirects: 0 });
  expect(forgedResponse.status()).not.toBe(200);
  expect(await forgedResponse.text()).not.toContain('tile-health_score');
});
