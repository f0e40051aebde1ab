import { expect, test } from '@playwright/test';
import { getWeekRecord } from '@/db/queries/weeks';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { login, openE2eDb } from './fixtures/helpers';

test('a viewer can neither open the weekly form nor call its action', async ({ page, browser }) => {
  const week = addWeeks(currentWeekStart(), 3);
  const path = `/entry/${weekLabel(week, 'jan1')}`;

  // Capture a genuine save request from an editor, then replay it with the viewer's session.
  const editor = await browser.newPage();
  await login(editor, 'editor');
  await editor.goto(path);
  await editor.locator('#value-health_score').fill('555');
  const [request] = await Promise.all([
    editor.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action'])),
    editor.getByRole('button', { name: 'Save draft' }).click(),
  ]);
  await expect(editor.getByTestId('form-message')).toHaveText('Draft saved.');
  const body = request.postData()!;
  const headers = request.headers();

  await login(page, 'viewer');
  await page.goto(path);
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole('heading')).toHaveText('You do not have access to this page');

  const replay = await page.request.post(path, {
    headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], accept: 'text/x-component' },
    data: body.replace('"baseVersion":0', '"baseVersion":1').replace('555', '1'),
  });
  expect(await replay.text()).toContain('"kind":"forbidden"');
  const db = openE2eDb();
  expect(getWeekRecord(week, db)?.version).toBe(1);
  db.$client.close();
});
