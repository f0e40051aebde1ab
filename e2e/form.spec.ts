// The weekly form as an ops lead meets it (issue 16): every problem at once with focus on the summary, a
// question before a published figure is cleared or a publication withdrawn, unsaved work guarded and kept on
// the device, and a week that has not started cannot be published.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { saveWeek } from '@/db/queries/save-week';
import { getWeekValues } from '@/db/queries/values';
import { getWeekRecord } from '@/db/queries/weeks';
import { user } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { E2E_USERS } from './fixtures/config';
import { login, screenshot, withE2eDb } from './fixtures/helpers';

// Its own week, far from the demo year and from every other journey's weeks.
const WEEK = addWeeks(currentWeekStart(), -120);
const LABEL = weekLabel(WEEK, 'jan1');
const FULL: Record<string, { value: string }> = {
  inbound_success_rate: { value: '99.97' },
  outbound_success_rate: { value: '99.93' },
  first_attempt_success_rate: { value: '99.31' },
  availability: { value: '99.998' },
  incidents_a: { value: '0' },
  incidents_b: { value: '0' },
  incidents_c: { value: '0' },
  incidents_d: { value: '1' },
  health_score: { value: '612' },
};

function stored() {
  return withE2eDb((db) => ({ week: getWeekRecord(WEEK, db), values: getWeekValues(WEEK, db) }));
}

test.beforeAll(() => {
  withE2eDb((db) => {
    if (getWeekRecord(WEEK, db)) return;
    const editor = db.select().from(user).where(eq(user.email, E2E_USERS.editor.email)).get()!;
    const result = saveWeek(weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: WEEK, baseVersion: 0, intent: 'publish', values: FULL }), { userId: editor.id, email: editor.email }, db);
    if (!result.ok) throw new Error(`seed failed: ${JSON.stringify(result)}`);
  });
});

async function openWeek(page: Page) {
  await login(page, 'editor');
  await page.goto(`/entry/${LABEL}`);
  await expect(page.getByTestId('week-status')).toContainText('Published');
}

test('a blank required field, a rate of 199.9 and a changed published value without a reason: all named at once, focus on the summary', async ({ page }) => {
  await openWeek(page);
  const before = stored();
  await page.locator('#value-outbound_success_rate').fill('');
  await page.locator('#value-inbound_success_rate').fill('199.9');
  await page.locator('#value-health_score').fill('615');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('3 fields need fixing');
  for (const id of ['value-outbound_success_rate', 'value-inbound_success_rate', 'reason']) {
    await expect(page.locator(`#${id}`), id).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator(`#${id}`), id).toHaveAttribute('aria-describedby', `${id}-error`);
  }
  await expect(page.locator('#value-inbound_success_rate-error')).toHaveText('Enter a percentage from 0 to 100.');
  await expect(page.locator('#reason-error')).toHaveText('Give a reason for changing published values.');
  await expect(page.locator('#value-outbound_success_rate-error')).toContainText('no data');
  await screenshot(page, 'form-errors');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  expect(stored()).toEqual(before);

  // A summary link takes the user to the field.
  await summary.getByRole('link', { name: /Pay-in effective success rate/ }).click();
  await expect(page.locator('#value-inbound_success_rate')).toBeFocused();
  // Errors as you type: fixing the rate clears its message at once, without saving.
  await page.locator('#value-inbound_success_rate').fill('99.95');
  await expect(page.locator('#value-inbound_success_rate')).toHaveAttribute('aria-invalid', 'false');

  // With the rest fixed, clearing the published figure is a question that says what the dashboard will show.
  await page.locator('#reason').fill('Channel report withdrawn for review');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const ask = page.getByTestId('confirm-panel');
  await expect(ask).toBeFocused();
  await expect(ask).toContainText('Payout effective success rate');
  await expect(ask).toContainText('“—” (no data)');
  await screenshot(page, 'form-confirm-clear');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(stored()).toEqual(before);
});

test('leaving with unsaved changes asks; the work is kept on the device and offered back', async ({ page }) => {
  await openWeek(page);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.locator('#notes').fill('Draft thoughts on the payout dip');
  await expect(page.getByTestId('save-state')).toContainText('Unsaved changes');

  // Refused: the page stays, the text stays.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('link', { name: 'Overview' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/entry/${LABEL}$`));
  await expect(page.locator('#notes')).toHaveValue('Draft thoughts on the payout dip');

  // Accepted: the page is left; coming back offers the copy kept on this device.
  const asked = new Promise<string>((resolve) => page.once('dialog', (d) => {
    resolve(d.message());
    void d.accept();
  }));
  await page.getByRole('link', { name: 'Overview' }).first().click();
  expect(await asked).toContain('unsaved changes');
  await expect(page).not.toHaveURL(/\/entry\//);
  await page.goto(`/entry/${LABEL}`);
  const offer = page.getByTestId('local-draft');
  await expect(offer).toBeVisible();
  await expect(page.locator('#notes')).toHaveValue('');
  await offer.getByRole('button', { name: 'Restore it' }).click();
  await expect(page.locator('#notes')).toHaveValue('Draft thoughts on the payout dip');
  await screenshot(page, 'form-restored');
  // Saving it clears the copy: the next visit offers nothing.
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved and published.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.goto(`/entry/${LABEL}`);
  await expect(page.locator('#notes')).toHaveValue('Draft thoughts on the payout dip');
  await expect(page.getByTestId('local-draft')).toHaveCount(0);
});

test('withdrawing a publication is confirmed first and then says what happened', async ({ page }) => {
  await openWeek(page);
  await page.getByRole('button', { name: 'Unpublish' }).click();
  const dialog = page.getByTestId('unpublish-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('stop showing this week');
  await screenshot(page, 'form-unpublish-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(stored().week?.status).toBe('published');

  await page.getByRole('button', { name: 'Unpublish' }).click();
  await dialog.getByRole('button', { name: 'Withdraw publication' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Publication withdrawn: this week is a draft again and readers no longer see it.');
  expect(stored().week?.status).toBe('draft');
  // Published again for the next run of this file.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved and published.');
});

test('a week that has not started can be drafted but not published', async ({ page }) => {
  await login(page, 'editor');
  const next = weekLabel(addWeeks(currentWeekStart(), 1), 'jan1');
  await page.goto(`/entry/${next}`);
  await expect(page.getByTestId('not-started')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
});

test('an admin form checks in the browser with the server’s own schema: every error at once, then as you type, nothing sent', async ({ page }) => {
  await login(page, 'admin');
  await page.goto('/admin/metrics');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.headers()['next-action']) posts.push(r.url());
  });
  await page.locator('#new-key').fill('Bad Key');
  await page.locator('#new-decimals').fill('9');
  await page.getByRole('button', { name: 'Add metric' }).click();
  for (const id of ['new-key', 'new-labelZh', 'new-labelEn', 'new-decimals']) await expect(page.locator(`#${id}`), id).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#new-key')).toBeFocused();
  await expect(page.getByTestId('form-message').first()).toContainText('4 fields need fixing');
  // As you type: a valid key clears its own error at once; the others stay.
  await page.locator('#new-key').fill('payout_latency_p95');
  await expect(page.locator('#new-key')).toHaveAttribute('aria-invalid', 'false');
  await expect(page.locator('#new-labelZh')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'admin-form-live-errors');
  expect(posts).toEqual([]);
});
