// Digests to the group chat, in the browser: an admin adds a WeCom channel pointing at a local server that
// plays WeCom, an editor-admin publishes a week through the form, the robot receives the digest with the
// read-only link within the worker's interval, and the link opens the week.
import { expect, test } from '@playwright/test';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { startFakeProvider, type FakeProvider } from '../tests/digest/fake-providers';
import { login, screenshot } from './fixtures/helpers';

// Far before the demo year, so no other journey has touched it.
// Its own week: api.spec publishes the week 90 weeks back.
const WEEK = addWeeks(currentWeekStart(), -93);
const LABEL = weekLabel(WEEK, 'jan1');
const GOOD: Record<string, string> = {
  inbound_success_rate: '99.97',
  outbound_success_rate: '99.93',
  first_attempt_success_rate: '99.31',
  availability: '99.998',
  incidents_a: '0',
  incidents_b: '1',
  incidents_c: '0',
  incidents_d: '2',
  health_score: '612',
};

let wecom: FakeProvider;
test.beforeAll(async () => {
  wecom = await startFakeProvider('wecom');
});
test.afterAll(async () => {
  await wecom.close();
});

test('an admin adds a WeCom channel; publishing a week sends the digest with a link that opens the week', async ({ page }) => {
  test.setTimeout(90_000);
  const key = new URL(wecom.url).searchParams.get('key')!;
  await login(page, 'admin');
  await page.goto('/admin/channels');
  await page.locator('#channel-kind').selectOption('wecom');
  await page.locator('#channel-label').fill('Ops group e2e');
  await page.locator('#channel-url').fill(wecom.url);
  await page.getByRole('button', { name: 'Add channel' }).click();
  await expect(page.getByTestId('channel-message')).toContainText('Added "Ops group e2e"');
  const row = page.getByTestId('channel-Ops group e2e');
  await expect(row).toContainText('WeCom');
  await expect(row.getByTestId('channel-url')).toHaveText(`http://${new URL(wecom.url).host}/…****${key.slice(-4)}`);
  expect(await page.content()).not.toContain(key);
  await row.getByRole('button', { name: 'Send test Ops group e2e' }).click();
  await expect.poll(() => wecom.accepted.length).toBe(1);
  await screenshot(page, 'admin-channels');

  // The reminder time: every bad field at once, nothing saved; then saved and shown again.
  await page.locator('#digest-time').fill('25:00');
  await page.locator('#digest-timeZone').fill('Mars/Base');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Nothing was saved');
  await expect(page.locator('body')).toContainText('Use HH:mm');
  await expect(page.locator('body')).toContainText('Unknown time zone');
  await page.locator('#digest-day').selectOption('4');
  await page.locator('#digest-time').fill('17:30');
  await page.locator('#digest-timeZone').fill('Asia/Shanghai');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toHaveText('Saved.');
  await page.reload();
  await expect(page.locator('#digest-time')).toHaveValue('17:30');
  await expect(page.locator('#digest-day')).toHaveValue('4');
  await expect(page.locator('#digest-language')).toHaveValue('zh');

  await page.goto(`/entry/${LABEL}`);
  for (const [k, v] of Object.entries(GOOD)) await page.locator(`#value-${k}`).fill(v);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved and published.');

  // The in-app worker runs every 5 s.
  await expect.poll(() => wecom.accepted.length, { timeout: 30_000 }).toBe(2);
  const digest = wecom.accepted[1].text;
  expect(digest).toContain(LABEL.replace(/^(\d{4})-W(\d{2})$/, (_, y, w) => `${y}年第${Number(w)}周`));
  expect(digest).toContain('出金有效成功率 99.93%');
  expect(digest).toContain('A级 0 · B级 1 · C级 0 · D级 2');
  const link = /\((http:\/\/localhost:\d+\/s\/[A-Za-z0-9_-]{43}\/weeks\/[^)]+)\)/.exec(digest)?.[1];
  expect(link).toBeTruthy();

  // Opening the link, signed out, shows the week read-only.
  await page.context().clearCookies();
  await page.goto(link!);
  await expect(page.locator('body')).toContainText('99.93%');
  const [, year, week] = /^(\d{4})-W(\d{2})$/.exec(LABEL)!;
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Week ${Number(week)}, ${year}`);
  await screenshot(page, 'digest-link-week');

  // The link is listed on the shares page as the channel's.
  await login(page, 'admin');
  await page.goto('/admin/shares');
  await expect(page.locator('body')).toContainText('digest → Ops group e2e');
});
