// Two editors in two browsers on one week. Different fields: the second save merges, both survive.
// The same field: the second sees theirs and mine side by side, picks, and only then can save.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { listIncidents } from '@/db/queries/incidents';
import { saveWeek } from '@/db/queries/save-week';
import { getUserByEmail } from '@/db/queries/users';
import { getWeekValues } from '@/db/queries/values';
import { getWeekRecord } from '@/db/queries/weeks';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { weekLabel } from '@/lib/weeks';
import { E2E_USERS } from './fixtures/config';
import { login, openE2eDb } from './fixtures/helpers';

function stored(weekStart: string) {
  const db = openE2eDb();
  try {
    return { week: getWeekRecord(weekStart, db), values: getWeekValues(weekStart, db), incidents: listIncidents(weekStart, db) };
  } finally {
    db.$client.close();
  }
}

/** The editor and the admin (who may edit too), each in a browser context of their own, on the same week. */
async function twoEditors(browser: Browser, weekStart: string): Promise<[Page, Page]> {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await login(a, 'editor');
  await login(b, 'admin');
  const url = `/entry/${weekLabel(weekStart, 'jan1')}`;
  await a.goto(url);
  await b.goto(url);
  return [a, b];
}

test('different fields: the second editor’s save keeps the first one’s value and event', async ({ browser }) => {
  const week = '2022-06-06';
  const [a, b] = await twoEditors(browser, week);

  await a.locator('#value-health_score').fill('600');
  await a.getByRole('button', { name: 'Add event' }).click();
  await a.locator('#incident-0-title').fill('对账文件延迟');
  await a.getByRole('button', { name: 'Save draft' }).click();
  await expect(a.getByTestId('form-message')).toHaveText('Draft saved.');

  // B opened the week before A saved: the form still shows no health score and no event.
  await b.locator('#value-first_attempt_success_rate').fill('99.31');
  await b.getByRole('button', { name: 'Save draft' }).click();
  await expect(b.getByTestId('form-message')).toHaveText('Draft saved.');
  await expect(b.getByTestId('conflict-panel')).toHaveCount(0);

  const s = stored(week);
  expect(s.values.health_score.value).toBe(600);
  expect(s.values.first_attempt_success_rate.value).toBe(99.31);
  expect(s.incidents.map((e) => e.title)).toEqual(['对账文件延迟']);
  // B's form now holds what is stored, A's fields included, so a further save cannot undo them.
  await expect(b.locator('#value-health_score')).toHaveValue('600');
  await expect(b.locator('#incident-0-title')).toHaveValue('对账文件延迟');
  await expect(b.getByTestId('week-status')).toContainText('v2');
  await b.locator('#notes').fill('B 的备注');
  await b.getByRole('button', { name: 'Save draft' }).click();
  // The message reads the same as after the first save: the version tells this save has landed.
  await expect(b.getByTestId('week-status')).toContainText('v3');
  await expect(b.getByTestId('form-message')).toHaveText('Draft saved.');
  expect(stored(week).values.health_score.value).toBe(600);
  expect(stored(week).incidents).toHaveLength(1);
  expect(stored(week).week?.notes).toBe('B 的备注');
});

test('the same field: the second editor sees theirs and mine, must choose, and the choice is stored', async ({ browser }) => {
  const week = '2022-06-13';
  const [a, b] = await twoEditors(browser, week);

  await a.locator('#value-health_score').fill('600');
  await a.locator('#internalNotes').fill('A 的内部备注');
  await a.getByRole('button', { name: 'Save draft' }).click();
  await expect(a.getByTestId('form-message')).toHaveText('Draft saved.');

  await b.locator('#value-health_score').fill('640');
  await b.locator('#value-first_attempt_success_rate').fill('99.31');
  await b.getByRole('button', { name: 'Save draft' }).click();
  await expect(b.getByTestId('form-message')).toContainText('Someone else saved this week');
  const panel = b.getByTestId('conflict-panel');
  const row = panel.getByTestId('conflict-values.health_score');
  await expect(row).toContainText('System health score');
  await expect(row.getByTestId('theirs-value')).toHaveText('600 pts');
  await expect(row).toContainText('editor@e2e.test');
  await expect(row.getByTestId('mine-value')).toHaveText('640 pts');
  await expect(panel).not.toContainText('health_score');
  // Only the health score conflicts; A's internal note came into B's form on its own.
  await expect(panel.locator('li')).toHaveCount(1);
  await expect(b.locator('#internalNotes')).toHaveValue('A 的内部备注');
  await expect(b.getByRole('button', { name: 'Save draft' })).toBeDisabled();
  expect(stored(week).values.health_score.value).toBe(600);
  expect(stored(week).values.first_attempt_success_rate).toBeUndefined();

  fs.mkdirSync(path.join(process.cwd(), 'e2e', 'screenshots'), { recursive: true });
  await panel.screenshot({ path: path.join(process.cwd(), 'e2e', 'screenshots', 'conflict-panel.png') });

  await row.getByTestId('choose-theirs').check();
  await expect(b.locator('#value-health_score')).toHaveValue('600');
  await expect(b.getByTestId('conflict-status')).toHaveText('Every field is chosen: save to apply.');
  await b.getByRole('button', { name: 'Save draft' }).click();
  await expect(b.getByTestId('form-message')).toHaveText('Draft saved.');

  const s = stored(week);
  expect(s.values.health_score.value).toBe(600);
  expect(s.values.first_attempt_success_rate.value).toBe(99.31);
  expect(s.week?.internalNotes).toBe('A 的内部备注');
  await b.reload();
  await expect(b.locator('#value-health_score')).toHaveValue('600');
  await expect(b.locator('#value-first_attempt_success_rate')).toHaveValue('99.31');
});

test('an event one editor edits and the other deletes: the second chooses, and keeping theirs keeps the event', async ({ browser }) => {
  const week = '2022-06-20';
  const db = openE2eDb();
  try {
    const admin = getUserByEmail(E2E_USERS.admin.email, db)!;
    const event = { title: '渠道超时', startedAt: `${week}T10:00`, endedAt: '', durationMinutes: '12', grade: '', gradeStatus: '', cause: '', handling: '' };
    const entry = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: week, baseVersion: 0, intent: 'draft', incidents: [event] });
    expect(saveWeek(entry, { userId: admin.id, email: admin.email }, db)).toMatchObject({ ok: true });
  } finally {
    db.$client.close();
  }
  const [a, b] = await twoEditors(browser, week);

  await a.locator('#incident-0-cause').fill('银行接口限流');
  await a.getByRole('button', { name: 'Save draft' }).click();
  await expect(a.getByTestId('form-message')).toHaveText('Draft saved.');

  await b.getByRole('button', { name: 'Remove event 1' }).click();
  await b.getByRole('button', { name: 'Save draft' }).click();
  const id = stored(week).incidents[0].id;
  const row = b.getByTestId(`conflict-incidents.${id}`);
  await expect(row).toContainText('渠道超时');
  await expect(row.getByTestId('theirs-value')).toHaveText('Cause: 银行接口限流');
  await expect(row.getByTestId('mine-value')).toHaveText('deleted');
  expect(stored(week).incidents).toHaveLength(1);

  await row.getByTestId('choose-theirs').check();
  await expect(b.locator('#incident-0-cause')).toHaveValue('银行接口限流');
  await b.getByRole('button', { name: 'Save draft' }).click();
  await expect(b.getByTestId('form-message')).toHaveText('No changes to save.');
  expect(stored(week).incidents.map((e) => [e.id, e.cause])).toEqual([[id, '银行接口限流']]);
});
