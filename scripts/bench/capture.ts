// What a real browser asks the server for, captured once per run from Chromium (Playwright) on the
// benchmark's server: the requests a first load of the dashboard makes after the document (RSC prefetches,
// anything else the page fetches), and the requests of each client-side navigation (a range switch, the week page, a
// metric page) with their real headers, `_rsc` value and router state tree. The load generator replays
// them with each simulated viewer's own cookie.
import { chromium, type Page, type Request } from '@playwright/test';

export interface CapturedRequest {
  path: string;
  headers: Record<string, string>;
  kind: 'prefetch' | 'rsc' | 'other';
}

export interface Capture {
  /** After the dashboard document: everything the page fetches by itself (prefetches, data). */
  afterDocument: CapturedRequest[];
  navigations: { range: CapturedRequest[]; week: CapturedRequest[]; metric: CapturedRequest[] };
  /** Static JS the dashboard document loads (for the burst: a first visit downloads it). */
  scripts: string[];
  /** After a share page's document, in a browser with no session (the link is all a reader has). */
  shareAfterDocument: CapturedRequest[];
  shareScripts: string[];
}

const DROP = new Set(['cookie', 'host', 'connection', 'content-length', 'accept-encoding', 'user-agent']);

function kindOf(path: string, headers: Record<string, string>): CapturedRequest['kind'] {
  if (headers['next-router-prefetch'] || headers['next-router-segment-prefetch']) return 'prefetch';
  if (headers.rsc) return 'rsc';
  return 'other';
}

function recorder(page: Page, origin: string) {
  let recorded: CapturedRequest[] = [];
  const scripts: string[] = [];
  page.on('request', (req: Request) => {
    void (async () => {
      const url = new URL(req.url());
      if (url.origin !== origin || req.method() !== 'GET') return;
      const path = url.pathname + url.search;
      if (path.startsWith('/_next/static/')) {
        if (path.endsWith('.js')) scripts.push(path);
        return;
      }
      if (req.resourceType() === 'document') return;
      const all = await req.allHeaders();
      const headers = Object.fromEntries(Object.entries(all).filter(([k]) => !DROP.has(k.toLowerCase()) && !k.startsWith(':')));
      recorded.push({ path, headers, kind: kindOf(path, headers) });
    })();
  });
  return {
    take: () => {
      const out = recorded;
      recorded = [];
      return out;
    },
    scripts,
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(1500);
}

export async function captureBrowser(origin: string, sessionCookie: string, sharePath: string): Promise<Capture> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const [name, ...rest] = sessionCookie.split('=');
    await context.addCookies([{ name, value: rest.join('='), domain: new URL(origin).hostname, path: '/', httpOnly: true, secure: name.startsWith('__Host-'), sameSite: 'Lax' }]);
    const page = await context.newPage();
    const rec = recorder(page, origin);

    // A busy machine may answer the very first load slowly: wait for the tiles, then let the page settle.
    await page.goto(`${origin}/`, { timeout: 60_000 });
    const shown = await page.getByTestId('tiles').waitFor({ timeout: 60_000 }).then(() => true, () => false);
    if (!shown) throw new Error(`capture: the dashboard did not render in the browser (at ${page.url()}: "${(await page.title()).slice(0, 80)}")`);
    await settle(page);
    const afterDocument = rec.take();

    page.setDefaultTimeout(60_000);
    await page.getByTestId('range-picker').getByRole('link').nth(1).click();
    await page.waitForURL(/range=/);
    await settle(page);
    const range = rec.take();

    await page.getByTestId('week-label').getByRole('link').click();
    await page.waitForURL(/\/weeks\//);
    await settle(page);
    const week = rec.take();

    await page.goto(`${origin}/`);
    await settle(page);
    rec.take();
    await page.getByTestId('tiles').getByRole('link').first().click();
    await page.waitForURL(/\/metrics\//);
    await settle(page);
    const metric = rec.take();

    const reader = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } })).newPage();
    const shareRec = recorder(reader, origin);
    await reader.goto(origin + sharePath, { timeout: 60_000 });
    if (!(await reader.getByTestId('tiles').waitFor({ timeout: 60_000 }).then(() => true, () => false))) throw new Error(`capture: the share page did not render in the browser (at ${reader.url()})`);
    await settle(reader);
    return { afterDocument, navigations: { range, week, metric }, scripts: [...new Set(rec.scripts)], shareAfterDocument: shareRec.take(), shareScripts: [...new Set(shareRec.scripts)] };
  } finally {
    await browser.close();
  }
}
