// Issue 16, the charts and the views: rate panels at 52 weeks, the phone overview, the wall screen at
// 1920×1080 and the legends in dark mode, each with a screenshot looked at by a person.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { getCatalogue, getPublishedBounds } from '@/db/queries/dashboard';
import { targetInForce } from '@/lib/kpi/targets';
import { createShareLink } from '@/db/queries/share-links';
import { login, openE2eDb, screenshot, withE2eDb } from './fixtures/helpers';

async function shot(target: Locator, name: string): Promise<void> {
  const dir = path.join(process.cwd(), 'e2e', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await target.screenshot({ path: path.join(dir, `${name}.png`) });
}

function storedTargets() {
  const db = openE2eDb();
  const { metrics, targets } = getCatalogue(db);
  const bounds = getPublishedBounds(db)!;
  db.$client.close();
  return { metrics, latest: bounds.latest, target: (key: string) => targetInForce(targets, key, bounds.latest) };
}

/** Waits until every panel of a card has drawn its chart. */
async function chartsDrawn(card: Locator) {
  const panels = card.getByTestId('chart-panel');
  const count = await panels.count();
  expect(count).toBeGreaterThan(0);
  await expect(card.locator('svg.recharts-surface')).toHaveCount(count);
  return count;
}

/** The page's colour as sRGB through a canvas (Tailwind 4 computes oklch), and WCAG contrast between two. */
async function contrastOf(page: Page, fg: Locator, bg: Locator, property: 'color' | 'fill' = 'color'): Promise<number> {
  const [a, b] = [await fg.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property), await bg.evaluate((el) => getComputedStyle(el).backgroundColor)];
  return page.evaluate(([x, y]) => {
    const rgb = (c: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = 1;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    const lum = (c: number[]) => {
      const [r, g, bl] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [hi, lo] = [lum(rgb(x)), lum(rgb(y))].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  }, [a, b]);
}

test('rates at 52 weeks: each rate its own panel, zoomed so its target line shows, ticks through the formatter', async ({ page }) => {
  const { metrics, target } = storedTargets();
  await page.setViewportSize({ width: 1440, height: 1000 });
  await login(page, 'viewer');
  await page.goto('/?range=52w');
  const card = page.getByTestId('chart-rates');
  const rates = metrics.filter((m) => m.kind === 'rate' && !m.truncate);
  expect(await chartsDrawn(card)).toBe(rates.length);

  for (const m of rates) {
    const chart = card.locator(`[data-metrics="${m.key}"]`);
    const [lo, hi] = (await chart.getAttribute('data-domain'))!.split(',').map(Number);
    const t = target(m.key)!;
    expect(lo, `${m.key} axis starts at or below its target`).toBeLessThanOrEqual(t.target);
    expect(hi, `${m.key} axis ends at or above its target`).toBeGreaterThanOrEqual(t.target);
    expect(hi - lo, `${m.key} is zoomed, not squashed into a shared axis`).toBeLessThan(1);
    expect(hi).toBeLessThanOrEqual(100);
    // The dashed target line is drawn inside the plot, not clipped away.
    const grid = await chart.locator('.recharts-cartesian-grid').boundingBox();
    const line = await chart.locator('.target-line path').first().boundingBox();
    expect(line && grid).toBeTruthy();
    expect(line!.y).toBeGreaterThanOrEqual(grid!.y - 1);
    expect(line!.y + line!.height).toBeLessThanOrEqual(grid!.y + grid!.height + 1);
    expect(line!.width).toBeGreaterThan(grid!.width * 0.9);
    // Ticks use the metric's own format (the formatter's rounding rules are lib/kpi/chart-groups.test.ts's).
    await expect(chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();
    const ticks = await chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(new RegExp(`^\\d+\\.\\d{${m.decimals}}%$`));
  }
  // 52 weekly points on the first panel, and the x axis is shared: only the last panel labels it.
  await expect(card.locator('[data-panel="0"] .recharts-line-dots').first().locator('circle')).toHaveCount(52);
  await expect(card.locator(`[data-panel="${rates.length - 1}"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value`).first()).toBeVisible();
  expect(await card.locator(`[data-panel="${rates.length - 1}"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value`).count()).toBeGreaterThan(2);
  expect(await card.locator('[data-panel="0"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').count()).toBe(0);

  // The legend names the target, the warning band and the incident markers.
  const legend = page.getByTestId('legend-rates');
  for (const text of ['target', 'warning band', 'Week with a graded incident', ...rates.map((m) => m.labelEn)]) await expect(legend).toContainText(text);
  // The tooltip goes through the formatter too.
  await card.locator('[data-panel="0"] .recharts-line-dots circle').last().hover();
  await expect(card.locator('[data-panel="0"] .recharts-tooltip-wrapper')).toContainText(/\d+\.\d{2}%/);

  // The progress axis runs 0–100.
  const progress = page.getByTestId('chart-progress');
  await chartsDrawn(progress);
  await expect(progress.locator('[data-domain]')).toHaveAttribute('data-domain', '0,100');
  await expect(progress.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible();
  expect(await progress.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).toEqual(['0%', '25%', '50%', '75%', '100%']);
  await shot(card, 'rates-52w');
});

test('phone: two tiles per row, the most important first, a chart within two screens, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'viewer');
  const tiles = page.getByTestId('tiles').locator('article');
  const boxes = await Promise.all([0, 1, 2].map(async (i) => (await tiles.nth(i).boundingBox())!));
  expect(Math.abs(boxes[0].y - boxes[1].y)).toBeLessThan(2);
  expect(boxes[1].x).toBeGreaterThan(boxes[0].x + boxes[0].width - 1);
  expect(boxes[2].y).toBeGreaterThan(boxes[0].y + boxes[0].height - 1);
  // Required metrics first: the progress figures (optional) come after every required one.
  const { metrics } = storedTargets();
  const order = await tiles.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('tile-', '')));
  const required = metrics.filter((m) => m.required).map((m) => m.key);
  expect(order.slice(0, required.length).sort()).toEqual([...required].sort());
  // Sparklines fill their tile.
  const tile = (await tiles.first().boundingBox())!;
  const spark = (await tiles.first().getByTestId('sparkline').boundingBox())!;
  expect(spark.width).toBeGreaterThan(tile.width * 0.75);

  const chart = page.getByTestId('chart-rates');
  await chartsDrawn(chart);
  const top = await chart.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(2 * 844);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, 'phone-overview');

  // A metric's week history table scrolls inside its own box instead of being cut off.
  await page.goto('/metrics/inbound_success_rate');
  const table = page.getByTestId('metric-history');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const box = table.locator('xpath=ancestor::*[contains(@class, "overflow-x-auto")][1]');
  const fits = await box.evaluate((el) => ({ inner: el.scrollWidth, outer: el.clientWidth, right: el.getBoundingClientRect().right }));
  expect(fits.right).toBeLessThanOrEqual(390);
  const tableWidth = (await table.boundingBox())!.width;
  expect(tableWidth <= fits.outer + 1 || fits.inner > fits.outer).toBe(true);
});

test('the wall screen fits 1920×1080 with no controls, large type, and says when it last refreshed', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, 'viewer');
  await page.goto('/?kiosk=1&refresh=5');
  for (const id of ['rates', 'availability', 'incidents', 'health', 'progress']) await expect(page.getByTestId(`chart-${id}`).locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('kiosk-refreshed')).toContainText(/Refreshed \d{2}:\d{2}:\d{2}/);
  const size = await page.evaluate(() => ({ sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight, sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth }));
  expect(size.sh).toBeLessThanOrEqual(size.ch);
  expect(size.sw).toBeLessThanOrEqual(size.cw);
  // Nothing to press: no header, no range picker, no links, buttons or fields.
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('range-picker')).toHaveCount(0);
  expect(await page.locator('main a:visible, main button:visible, main input:visible, main select:visible').count()).toBe(0);
  // Every chart card is fully on the screen and tall enough to read.
  for (const id of ['rates', 'availability', 'incidents', 'health', 'progress']) {
    const b = (await page.getByTestId(`chart-${id}`).boundingBox())!;
    expect(b.y + b.height, id).toBeLessThanOrEqual(1080);
    expect(b.height, id).toBeGreaterThan(200);
  }
  const valueSize = await page.getByTestId('tile-value').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(valueSize).toBeGreaterThanOrEqual(36);
  await screenshot(page, 'kiosk-1920');

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

  // It refreshes itself (?refresh=5 here; five minutes by default) and the time shown moves with it.
  const first = await page.getByTestId('kiosk-refreshed').getAttribute('data-rendered-at');
  await expect(page.getByTestId('kiosk-refreshed')).not.toHaveAttribute('data-rendered-at', first!, { timeout: 15_000 });
});

test('dark mode: legends readable, grade and marker colours pass contrast; print is light whatever the screen theme', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await login(page, 'viewer');
  // The header's toggle sets this cookie (views.spec.ts presses it); set directly so the page loads dark.
  await page.context().addCookies([{ name: 'weekline.theme', value: 'dark', url: page.url() }]);
  await page.goto('/?range=52w');
  await expect(page.locator('html')).toHaveClass(/dark/);
  const rates = page.getByTestId('chart-rates');
  const incidents = page.getByTestId('chart-incidents');
  await chartsDrawn(rates);
  await expect(incidents.locator('svg.recharts-surface')).toBeVisible();

  for (const id of ['rates', 'availability', 'health', 'progress', 'incidents']) {
    const card = page.getByTestId(`chart-${id}`);
    const legend = page.getByTestId(`legend-${id}`);
    await expect(legend).toBeVisible();
    for (const text of await legend.locator('li span').all()) expect(await contrastOf(page, text, card), `${id} legend text`).toBeGreaterThanOrEqual(4.5);
  }
  await expect(page.getByTestId('legend-incidents')).toContainText('Grade A');
  for (const swatch of await page.getByTestId('legend-incidents').locator('rect').all()) {
    expect(await contrastOf(page, swatch, incidents, 'fill'), 'grade swatch on the dark card').toBeGreaterThanOrEqual(3);
  }
  // The incident markers are drawn and named.
  await expect(page.getByTestId('legend-rates')).toContainText('Week with a graded incident');
  expect(await rates.locator('.incident-marker').count()).toBeGreaterThan(0);
  await shot(page.locator('main'), 'dark-legends');

  const label = await page.getByTestId('week-label').getAttribute('data-week');
  await page.goto(`/weeks/${label}/print`);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => ({ body: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color, scheme: getComputedStyle(document.documentElement).colorScheme }));
  await page.emulateMedia({ media: 'screen' });
  expect(printed.scheme).toBe('light');
  // The print view is light on screen too (it is the review's page), and printed on white.
  expect(printed.body).toBe('rgb(255, 255, 255)');
  expect(await page.evaluate(([bg, fg]) => {
    const rgb = (c: string) => {
      const cv = document.createElement('canvas');
      cv.width = cv.height = 1;
      const ctx = cv.getContext('2d')!;
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
    };
    const [b, f] = [rgb(bg), rgb(fg)];
    return b.every((v) => v > 200) && f.every((v) => v < 80);
  }, [printed.body, printed.text])).toBe(true);
});

test('a metric page draws its legend and a progress metric on 0–100', async ({ page }) => {
  await login(page, 'viewer');
  await page.goto('/metrics/data_classification_progress');
  await expect(page.getByTestId('chart-metric').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('chart-metric').locator('[data-domain]')).toHaveAttribute('data-domain', '0,100');
  await expect(page.getByTestId('legend-metric')).toContainText('target');
});

test('the charts draw from the page itself: no request for their series, signed in or through a share link', async ({ page, browser }) => {
  // The series travel in the page (components/charts/charts-data.tsx): a view costs the server one request.
  const dataRequests = (p: Page) => {
    const seen: string[] = [];
    p.on('request', (req) => {
      const url = new URL(req.url());
      if (!url.pathname.startsWith('/_next/static/') && req.resourceType() !== 'document') seen.push(url.pathname + url.search);
    });
    return seen;
  };
  await login(page, 'viewer');
  const signedIn = dataRequests(page);
  await page.goto('/?range=26w');
  for (const id of ['rates', 'availability', 'incidents', 'health', 'progress']) await expect(page.getByTestId(`chart-${id}`).locator('svg.recharts-surface').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(signedIn).toEqual([]);

  // A range switch brings the new range's series with the navigation: the charts follow, nothing else is asked.
  await page.getByTestId('range-picker').getByRole('link', { name: '13' }).click();
  await page.waitForURL(/range=13w/);
  await expect(page.getByTestId('chart-health').locator('svg.recharts-surface').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(signedIn.filter((p) => !p.startsWith('/?range=13w'))).toEqual([]);

  const token = withE2eDb((db) => createShareLink({ label: 'Charts in the page', expiresIn: '1d' }, null, db).token);
  const reader = await (await browser.newContext()).newPage();
  const shared = dataRequests(reader);
  await reader.goto(`/s/${token}`);
  await expect(reader.getByTestId('chart-rates').locator('svg.recharts-surface').first()).toBeVisible();
  await reader.waitForLoadState('networkidle');
  expect(shared).toEqual([]);
  await reader.context().close();
});
