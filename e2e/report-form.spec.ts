// The weekly form's report sections (issue 13): an editor fills every section and publishes; the next week's
// form lists last week's plan to check off (a reason required when not done), carries an unfinished item
// forward and carries each initiative's status and progress; two editors changing different initiatives'
// updates both keep theirs.
import { expect, test, type Page } from '@playwright/test';
import { createFinding, createInitiative, ensureObjective } from '@/db/queries/report-admin';
import { getWeekReport } from '@/db/queries/report';
import { initiatives } from '@/db/schema';
import { weekLabel } from '@/lib/weeks';
import { login, openE2eDb, screenshot, withE2eDb } from './fixtures/helpers';

const W1 = '2022-05-02';
const W2 = '2022-05-09';
const actor = { userId: 'e2e-seed', email: 'seed@e2e.test' };
const ids = { o1: 0, pay: 0, bot: 0, finding: 0 };

function stored(weekStart: string) {
  const db = openE2eDb();
  try {
    return getWeekReport(weekStart, { includeInternal: true }, db);
  } finally {
    db.$client.close();
  }
}

test.beforeAll(() => {
  const db = openE2eDb();
  try {
    const o1 = (ids.o1 = ensureObjective({ code: 'O1', titleZh: '服务业务', titleEn: 'Serve the business', period: '2022H1' }, actor, db));
    ids.pay = createInitiative({ objectiveId: o1, title: '新支付能力建设', owner: '张三' }, actor, db);
    ids.bot = createInitiative({ objectiveId: o1, title: '小贝帮帮项目' }, actor, db);
    ids.finding = createFinding({ title: '数据分级未完成', source: '审计', openedWeek: W1, dueDate: '2022-06-30' }, actor, db);
  } finally {
    db.$client.close();
  }
});

const entry = (page: Page, week: string) => page.goto(`/entry/${weekLabel(week, 'jan1')}`);

test('an editor fills the report sections and publishes; the next week checks off the plan and carries forward', async ({ page }) => {
  await login(page, 'editor');
  await entry(page, W1);

  await page.getByTestId('rf-focus-add').click();
  await page.locator('#rf-focus-0').fill('支付账户2.0升级上线');
  await page.locator(`#rf-init-${ids.pay}-status`).selectOption('on_track');
  await page.locator(`#rf-init-${ids.pay}-progress`).fill('40');
  await page.locator(`#rf-init-${ids.pay}-text`).fill('- 渠道A **已投产**\n- 渠道B 开发中 <b>x</b>');
  // The preview is text-safe: bold is bold, markup stays text.
  const preview = page.getByTestId(`rf-init-${ids.pay}`).getByTestId('md-preview');
  await expect(preview.locator('strong')).toHaveText('已投产');
  await expect(preview).toContainText('渠道B 开发中 <b>x</b>');
  await page.locator(`#rf-init-${ids.bot}-status`).selectOption('at_risk');
  await page.locator(`#rf-finding-${ids.finding}-note`).fill('材料已提交，等待受理');
  await page.getByTestId('rf-other-add').click();
  await page.locator('#rf-other-0').fill('配合年度审计');
  // Marked internal in the form: kept for signed-in readers, never on a share link.
  await page.getByTestId('rf-other-0-internal').check();
  await page.locator('#rf-reflection').fill('暂无');
  await page.getByTestId('rf-nextWeek-add').click();
  await page.locator('#rf-nextWeek-0').fill('Hive迁移第二批');
  await page.getByTestId('rf-nextWeek-add').click();
  await page.locator('#rf-nextWeek-1').fill('完成渠道B联调');
  // Reorder with a button, no dragging.
  await page.getByRole('button', { name: 'Move up Plan 2' }).click();
  await expect(page.locator('#rf-nextWeek-0')).toHaveValue('完成渠道B联调');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const anyway = page.getByRole('button', { name: 'Publish without them' });
  await expect(anyway.or(page.getByTestId('form-message').filter({ hasText: 'Saved and published.' }))).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(page.getByTestId('form-message')).toHaveText('Saved and published.');
  await screenshot(page, 'report-form');

  const w1 = stored(W1);
  expect(w1.focus.map((i) => i.text)).toEqual(['支付账户2.0升级上线']);
  expect(w1.nextWeek.map((i) => i.text)).toEqual(['完成渠道B联调', 'Hive迁移第二批']);
  expect(w1.other.map((i) => [i.text, i.internal])).toEqual([['配合年度审计', true]]);
  expect(withE2eDb((db) => getWeekReport(W1, { includeInternal: false }, db)).other).toEqual([]);
  expect(w1.reflection).toBe('暂无');
  const pay = w1.objectives.flatMap((o) => o.initiatives).find((i) => i.id === ids.pay);
  expect(pay?.update).toMatchObject({ status: 'on_track', progress: 40 });
  expect(w1.findings.find((f) => f.id === ids.finding)?.note?.text).toBe('材料已提交，等待受理');

  // The next week: last week's plan to check off; status and progress carried, text empty.
  await entry(page, W2);
  await expect(page.getByTestId('rf-planned').locator('legend')).toHaveText(['1. 完成渠道B联调', '2. Hive迁移第二批']);
  await expect(page.locator(`#rf-init-${ids.pay}-status`)).toHaveValue('on_track');
  await expect(page.locator(`#rf-init-${ids.pay}-progress`)).toHaveValue('40');
  await expect(page.locator(`#rf-init-${ids.pay}-text`)).toHaveValue('');
  await expect(page.locator(`#rf-init-${ids.bot}-status`)).toHaveValue('at_risk');

  await page.getByTestId('rf-plan-0').getByLabel('Done', { exact: true }).check();
  await page.getByTestId('rf-plan-1').getByLabel('Not done').check();
  await page.getByRole('button', { name: 'Save draft' }).click();
  const reason = page.locator('#rf-plan-1-reason');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#rf-plan-1-reason-error')).toHaveText('Say why it was not done in full.');
  await expect(reason).toHaveAttribute('aria-describedby', 'rf-plan-1-reason-error');
  expect(stored(W2).planChecks.every((c) => c.outcome === null)).toBe(true);

  await reason.fill('数仓排期冲突');
  await page.getByTestId('rf-plan-1').getByRole('button', { name: 'Carry forward' }).click();
  await expect(page.getByTestId('rf-plan-1-carried')).toBeVisible();
  await expect(page.locator('#rf-nextWeek-0')).toHaveValue('Hive迁移第二批');
  await expect(page.getByTestId('rf-nextWeek')).toContainText('Carried from last week');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Draft saved.');

  const w2 = stored(W2);
  expect(w2.planChecks.map((c) => [c.text, c.outcome, c.reason])).toEqual([
    ['完成渠道B联调', 'done', ''],
    ['Hive迁移第二批', 'not_done', '数仓排期冲突'],
  ]);
  const hive = w1.nextWeek.find((i) => i.text === 'Hive迁移第二批')!;
  expect(w2.nextWeek).toMatchObject([{ text: 'Hive迁移第二批', carriedFrom: hive.id }]);
  // A draft save writes only what was said: the untouched, prefilled status is not stored yet (publishing does).
  expect(w2.objectives.flatMap((o) => o.initiatives).find((i) => i.id === ids.pay)?.update).toBeNull();
});

test('two editors changing different initiatives’ updates both keep theirs', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await login(a, 'editor');
  await login(b, 'admin');
  await entry(a, W2);
  await entry(b, W2);

  await a.locator(`#rf-init-${ids.pay}-text`).fill('渠道B 联调完成');
  await a.locator(`#rf-init-${ids.pay}-progress`).fill('60');
  await a.getByRole('button', { name: 'Save draft' }).click();
  await expect(a.getByTestId('form-message')).toHaveText('Draft saved.');

  // B opened the week before A saved and changes another initiative.
  await b.locator(`#rf-init-${ids.bot}-status`).selectOption('off_track');
  await b.getByRole('button', { name: 'Save draft' }).click();
  await expect(b.getByTestId('form-message')).toHaveText('Draft saved.');
  await expect(b.getByTestId('conflict-panel')).toHaveCount(0);

  const all = stored(W2).objectives.flatMap((o) => o.initiatives);
  expect(all.find((i) => i.id === ids.pay)?.update).toMatchObject({ progress: 60, text: '渠道B 联调完成' });
  expect(all.find((i) => i.id === ids.bot)?.update).toMatchObject({ status: 'off_track' });
  // B's form continues from what is stored, A's update included.
  await expect(b.locator(`#rf-init-${ids.pay}-text`)).toHaveValue('渠道B 联调完成');
});

test('add an initiative under a group, rename one, archive one, move a finding’s due date: each an audited write', async ({ page }) => {
  await login(page, 'editor');
  await entry(page, W2);
  const form = page.getByTestId(`rf-new-${ids.o1}`);
  await page.getByTestId(`rf-new-${ids.o1}-open`).click();
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await expect(page.locator(`#rf-new-${ids.o1}-title`)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#rf-new-${ids.o1}-title-error`)).toHaveText('Give it a title.');

  await page.locator(`#rf-new-${ids.o1}-title`).fill('渠道C接入');
  await page.locator(`#rf-new-${ids.o1}-parent`).selectOption({ label: '新支付能力建设' });
  await form.getByRole('button', { name: 'Add initiative' }).click();
  await expect(page.getByRole('heading', { name: '渠道C接入' })).toBeVisible();

  await page.getByRole('button', { name: 'Rename 小贝帮帮项目' }).click();
  await page.getByTestId(`rf-init-${ids.bot}`).getByLabel('Title').fill('小贝帮帮2.0');
  await page.getByRole('button', { name: 'Save title' }).click();
  await expect(page.getByRole('heading', { name: '小贝帮帮2.0' })).toBeVisible();

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Archive 渠道C接入' }).click();
  await expect(page.getByRole('heading', { name: '渠道C接入' })).toHaveCount(0);

  // A finding's due date is its own audited write.
  await page.locator(`#rf-finding-${ids.finding}-due`).fill('2022-07-15');
  await page.getByRole('button', { name: 'Save due date' }).click();
  await expect(page.getByRole('button', { name: 'Save due date' })).toHaveCount(0);
  expect(stored(W2).findings.find((f) => f.id === ids.finding)?.dueDate).toBe('2022-07-15');

  const db = openE2eDb();
  try {
    const rows = db.select().from(initiatives).all();
    const added = rows.find((r) => r.title === '渠道C接入');
    expect(added?.parentId).toBe(ids.pay);
    expect(added?.archivedAt).not.toBeNull();
    expect(rows.find((r) => r.id === ids.bot)?.title).toBe('小贝帮帮2.0');
  } finally {
    db.$client.close();
  }
});
