// Issue 13: a pasted report is saved whole. The preview lists its sections, each item's initiative (matched by
// title or new, changeable) and the findings; the save stores them; the next week's report matches them.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { getWeekReport } from '@/db/queries/report';
import { initiatives } from '@/db/schema';
import { login, screenshot, withE2eDb } from './fixtures/helpers';

const W20 = fs.readFileSync(path.resolve(process.cwd(), 'fixtures/reports/2024-W20.md'), 'utf8');
const W21 = W20.replace(/第20周 2024[-/]05[/-]18/g, '第21周 2024-05-25').replace('先享后付：开发进度 55%', '先享后付：开发进度 80%').replace('灵活用工结算项目：', '灵活用工结算：');

async function pasteAndPreview(page: Page, text: string) {
  await page.goto('/import');
  await page.getByRole('textbox', { name: 'Report', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('import-whole-report')).toBeVisible();
}

test('a whole report is previewed section by section, saved, and next week’s report matches its initiatives', async ({ page }) => {
  await login(page, 'editor');
  await pasteAndPreview(page, W20);
  const whole = page.getByTestId('import-whole-report');
  await expect(page.getByTestId('import-focus').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('import-focus')).toContainText('支付中心半年目标中期复盘');
  const objectives = page.getByTestId('import-objectives');
  await expect(objectives).toContainText('O1 服务业务');
  await expect(objectives.locator('[data-match="new"]').first()).toBeVisible();
  await expect(objectives.getByText('progress 55%')).toBeVisible();
  await expect(page.getByTestId('import-findings').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('import-findings')).toContainText('Resolved');
  await expect(page.getByTestId('import-reflection')).toContainText('对外部依赖的变更要有主动探测');
  await expect(page.getByTestId('import-next-week').locator('li')).toHaveCount(4);
  await screenshot(page, 'import-whole-report');
  await whole.scrollIntoViewIfNeeded();

  await page.getByRole('button', { name: 'Save as draft', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Saved 2024-W20 as a draft.');
  const saved = withE2eDb((db) => getWeekReport('2024-05-13', { includeInternal: true }, db));
  expect(saved.focus).toHaveLength(3);
  expect(saved.findings).toHaveLength(3);
  const pay = saved.objectives.flatMap((o) => o.initiatives).find((i) => i.title === '先享后付');
  expect(pay?.update).toMatchObject({ progress: 55 });

  // The following week: every item matches an initiative saved above, the reworded one too.
  const before = withE2eDb((db) => db.select().from(initiatives).all().length);
  await pasteAndPreview(page, W21);
  const reworded = page.getByTestId('import-initiative-O1.0');
  await expect(reworded.locator('span').first()).toHaveText('灵活用工结算');
  await expect(reworded).toHaveAttribute('data-match', 'matched');
  await expect(reworded).toContainText('matches “灵活用工结算项目”');
  await expect(page.getByTestId('import-objectives').locator('[data-match="new"]')).toHaveCount(0);
  // The user says this one is a separate initiative.
  await reworded.getByRole('combobox').selectOption('new');
  await page.getByRole('button', { name: 'Save as draft', exact: true }).click();
  await expect(page.getByTestId('import-message')).toContainText('Saved 2024-W21 as a draft.');
  const after = withE2eDb((db) => db.select().from(initiatives).all().map((i) => i.title));
  expect(after).toHaveLength(before + 1);
  expect(after).toEqual(expect.arrayContaining(['灵活用工结算项目', '灵活用工结算']));
  const next = withE2eDb((db) => getWeekReport('2024-05-20', { includeInternal: true }, db));
  expect(next.objectives.flatMap((o) => o.initiatives).find((i) => i.title === '先享后付')?.update?.progress).toBe(80);
});

test('the week’s Markdown: editors read the draft whole report in zh and en, viewers get no draft', async ({ page, browser }) => {
  await login(page, 'editor');
  await pasteAndPreview(page, W20);
  await page.getByRole('button', { name: 'Save as draft', exact: true }).click();
  await expect(page.getByTestId('import-message')).toBeVisible();
  const zh = await page.request.get('/weeks/2024-W20/report.md');
  expect(zh.status()).toBe(200);
  expect(zh.headers()['content-type']).toContain('text/markdown');
  const text = await zh.text();
  expect(text).toMatch(/^# 第20周 2024-05-18\n/);
  for (const part of ['## 【重点工作】', '1. 支付中心半年目标中期复盘', '先享后付：开发进度 55%', '测试环境使用生产脱敏数据未审批——审批流程已上线，已关闭', '对外部依赖的变更要有主动探测', '1. 先享后付开发进度推进至80%']) expect(text).toContain(part);
  const en = await page.request.get('/weeks/2024-W20/report.md?lang=en&download=1');
  expect(await en.text()).toContain('# Week 20 2024-05-18');
  expect(en.headers()['content-disposition']).toContain('attachment');

  const viewer = await browser.newPage();
  await login(viewer, 'viewer');
  expect((await viewer.request.get('/weeks/2024-W20/report.md')).status()).toBe(404);
  await viewer.close();
});
