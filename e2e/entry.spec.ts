import { expect, test, type Page } from '@playwright/test';
import { getWeekValues } from '@/db/queries/values';
import { getWeekRecord } from '@/db/queries/weeks';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { login, openE2eDb, screenshot } from './fixtures/helpers';

const thisWeek = currentWeekStart();
const label = weekLabel(thisWeek, 'jan1');

const GOOD: Record<string, string> = {
  inbound_success_rate: '99.97',
  outbound_success_rate: '99.96',
  first_attempt_success_rate: '99.31',
  availability: '99.998',
  incidents_a: '0',
  incidents_b: '0',
  incidents_c: '0',
  incidents_d: '1',
  health_score: '612',
};

async function fill(page: Page, values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) await page.locator(`#value-${key}`).fill(value);
}

function stored(weekStart: string) {
  const db = openE2eDb();
  try {
    return { week: getWeekRecord(weekStart, db), values: getWeekValues(weekStart, db) };
  } finally {
    db.$client.close();
  }
}

test('an editor enters a week: sees every error at once, fixes them, saves a draft, publishes', async ({ page }) => {
  await login(page, 'editor');
  await page.goto('/entry');
  await expect(page).toHaveURL(new RegExp(`/entry/${label}$`));

  await fill(page, { ...GOOD, inbound_success_rate: '199.99', outbound_success_rate: '99.9x', incidents_a: '1.5' });
  await page.locator('#done-data_classification_progress').fill('200');
  await page.locator('#total-data_classification_progress').fill('179');
  await page.getByRole('button', { name: 'Add event' }).click();
  await page.getByRole('button', { name: 'Save draft' }).click();

  // Refused in the browser before anything is sent: every field at once, the summary focused (issue 16).
  await expect(page.getByTestId('error-summary')).toContainText('Nothing was saved: 5 fields need fixing');
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.locator('#value-inbound_success_rate-error')).toHaveText('Enter a percentage from 0 to 100.');
  await expect(page.locator('#value-outbound_success_rate-error')).toHaveText('Enter a number, e.g. 99.95.');
  await expect(page.locator('#value-incidents_a-error')).toHaveText('Enter a whole number, 0 or more.');
  await expect(page.locator('#done-data_classification_progress-error')).toHaveText('Done cannot be more than the total.');
  await expect(page.locator('#incident-0-title-error')).toHaveText('Describe the event.');
  await expect(page.locator('#value-inbound_success_rate')).toHaveValue('199.99');
  await expect(page.locator('#value-outbound_success_rate')).toHaveValue('99.9x');
  await screenshot(page, 'entry-errors');
  expect(stored(thisWeek).week).toBeNull();

  await fill(page, GOOD);
  await page.locator('#done-data_classification_progress').fill('95');
  await page.locator('#total-data_classification_progress').fill('181');
  await expect(page.locator('#value-data_classification_progress')).toHaveValue('52.49');
  await page.locator('#incident-0-title').fill('对账文件下载超时，对账延迟');
  await page.locator('#incident-0-durationMinutes').fill('35');
  await page.locator('#incident-0-grade').selectOption('D');
  await page.locator('#incident-0-gradeStatus').selectOption('estimated');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Draft saved.');
  expect(stored(thisWeek).week?.status).toBe('draft');

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved and published.');
  const after = stored(thisWeek);
  expect(after.week?.status).toBe('published');
  expect(after.values.health_score.value).toBe(612);
  expect(after.values.data_classification_progress).toMatchObject({ value: 52.49, done: 95, total: 181 });

  await page.goto('/');
  await expect(page.getByTestId('week-label')).toHaveAttribute('data-week', label);
  await expect(page.getByTestId('tile-health_score').getByTestId('tile-value')).toHaveText('612 pts');
  await expect(page.getByTestId('tile-inbound_success_rate').getByTestId('tile-value')).toHaveText('99.97%');

  await page.goto(`/weeks/${label}`);
  const history = page.getByTestId('week-history');
  await expect(history).toContainText('editor@e2e.test');
  // Readable: metric names, what happened in words, formatted values; never JSON or keys (issue 15).
  await expect(history).toContainText('Eddie Editor');
  await expect(history).toContainText('System health score · added');
  await expect(history).toContainText('Week · published');
  await expect(history).toContainText('612 pts');
  await expect(history).not.toContainText('{');
  await expect(history).not.toContainText('health_score');
});

test('changing a published value needs a reason, and the history shows who, when and why', async ({ page }) => {
  await login(page, 'editor');
  await page.goto(`/entry/${label}`);
  await page.locator('#value-health_score').fill('615');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.locator('#reason-error')).toHaveText('Give a reason for changing published values.');
  expect(stored(thisWeek).values.health_score.value).toBe(612);
  await page.locator('#reason').fill('Score recomputed after the ops review');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved and published.');
  await page.goto(`/weeks/${label}`);
  const row = page.getByTestId('week-history').locator('tr', { hasText: 'Score recomputed after the ops review' });
  await expect(row).toContainText('editor@e2e.test');
  await expect(row).toContainText('612 pts');
  await expect(row).toContainText('615 pts');
  await screenshot(page, 'week-page');
});

test('two people changing one value: the second save is refused, shows the first, and applies only when resolved', async ({ browser }) => {
  const week = addWeeks(thisWeek, 1);
  const weekPath = `/entry/${weekLabel(week, 'jan1')}`;
  const first = await browser.newPage();
  const second = await browser.newPage();
  await login(first, 'editor');
  await login(second, 'admin');
  await first.goto(weekPath);
  await second.goto(weekPath);

  await first.locator('#value-health_score').fill('600');
  await first.getByRole('button', { name: 'Save draft' }).click();
  await expect(first.getByTestId('form-message')).toHaveText('Draft saved.');

  await second.locator('#value-health_score').fill('640');
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByTestId('form-message')).toContainText('Someone else saved this week');
  await expect(second.getByTestId('conflict-panel')).toContainText('editor@e2e.test');
  await expect(second.getByTestId('conflict-panel')).toContainText('600');
  await expect(second.locator('#value-health_score')).toHaveValue('640');
  await screenshot(second, 'entry-conflict');
  expect(stored(week).values.health_score.value).toBe(600);

  // Saving waits for the choice.
  await expect(second.getByRole('button', { name: 'Save draft' })).toBeDisabled();
  await second.getByTestId('conflict-values.health_score').getByTestId('choose-mine').check();
  await second.getByRole('button', { name: 'Save draft' }).click();
  await expect(second.getByTestId('form-message')).toHaveText('Draft saved.');
  expect(stored(week).values.health_score.value).toBe(640);
});
