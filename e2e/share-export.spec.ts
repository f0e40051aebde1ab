import { expect, test } from '@playwright/test';
import { createShareLink } from '@/db/queries/share-links';
import { openE2eDb } from './fixtures/helpers';

test('a share link exports its published weeks as CSV, and a dead link exports nothing', async ({ browser }) => {
  const db = openE2eDb();
  const issued = createShareLink({ label: 'CSV', expiresIn: '7d' }, null, db);
  db.$client.close();
  const anonymous = await browser.newContext();
  const page = await anonymous.newPage();
  await page.goto(issued.path);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^week,/);
  expect(lines.length).toBeGreaterThan(20);
  const dead = await anonymous.request.get(`${issued.path.slice(0, -4)}AAAA/export`);
  expect(dead.status()).toBe(404);
});
