// Security headers on every HTML response, and the app still working under its Content-Security-Policy:
// log in, charts render, forms submit, with no CSP violation reported by the browser.
import { expect, test, type Page } from '@playwright/test';
import { createShareLink } from '@/db/queries/share-links';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { getFollowing, loginAs, SESSION_COOKIE } from '@/tests/reliability/e2e/http';
import { login, openE2eDb } from './fixtures/helpers';

const label = (w: string) => weekLabel(w, 'jan1');
const THIS_WEEK = currentWeekStart();
const PUBLISHED = addWeeks(THIS_WEEK, -1);
const FORM_WEEK = addWeeks(THIS_WEEK, 31);
let shareToken = '';

test.beforeAll(() => {
  const db = openE2eDb();
  shareToken = createShareLink({ label: 'headers-link', expiresIn: 'never' }, null, db).token;
  db.$client.close();
});

const PAGES = () => [
  '/',
  '/metrics/health_score',
  `/weeks/${label(PUBLISHED)}`,
  `/weeks/${label(PUBLISHED)}/print`,
  `/entry/${label(FORM_WEEK)}`,
  '/import',
  '/admin/users',
  '/admin/metrics',
  '/admin/targets',
  '/admin/shares',
  '/forbidden',
  '/login',
  `/s/${shareToken}`,
  `/s/${shareToken}/weeks/${label(PUBLISHED)}`,
  '/no-such-page',
];

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  const csp = headers['content-security-policy'];
  expect(csp, `${where}: CSP`).toBeTruthy();
  const d = directives(csp);
  expect(d['object-src'], where).toEqual(["'none'"]);
  expect(d['base-uri'], where).toEqual(["'none'"]);
  expect(d['frame-ancestors'], where).toEqual(["'none'"]);
  expect(d['script-src'].some((v) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(v)), `${where}: script nonce`).toBe(true);
  expect(d['script-src'], where).not.toContain("'unsafe-inline'");
  expect(d['script-src'], where).not.toContain("'unsafe-eval'");
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['x-frame-options'], where).toBe('DENY');
  return d;
}

/** Every nonce seen, per response: a nonce must never be served twice. */
const seenNonces: string[] = [];

test('every HTML response carries the CSP (its nonce on every script), nosniff and frame denial', async ({ request }) => {
  const admin = await loginAs(request, 'admin');
  let checked = 0;
  for (const who of [{ cookie: `${SESSION_COOKIE}=${admin}` }, {}] as Record<string, string>[]) {
    for (const path of PAGES()) {
      // Redirects (to /login, /forbidden) are checked on every hop, the final page included.
      let res = await request.get(path, { headers: who, maxRedirects: 0 });
      for (let hop = 0; hop < 5; hop++) {
        expectSecurityHeaders(res.headers(), `${path} (${res.status()})`);
        checked++;
        if (res.status() < 300 || res.status() >= 400) break;
        res = await request.get(res.headers()['location'], { headers: who, maxRedirects: 0 });
      }
      if (!(res.headers()['content-type'] ?? '').includes('text/html')) continue;
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'])![1];
      seenNonces.push(nonce);
      // Every script the server wrote carries this response's nonce; nothing inline runs without it.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
    }
  }
  // Route handlers and RSC answers get the headers too.
  for (const [path, headers] of [['/api/health', {}], ['/api/export/csv', { cookie: `${SESSION_COOKIE}=${admin}` }], ['/', { cookie: `${SESSION_COOKIE}=${admin}`, RSC: '1' }]] as const) {
    const res = await getFollowing(request, path, headers);
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    checked++;
  }
  console.log(`[headers] ${checked} responses checked, ${new Set(seenNonces).size} distinct nonces in ${seenNonces.length} pages`);
});

// Every page, repeated, gets a fresh nonce in the header and in every tag of the body: nothing the server
// keeps between requests (db/queries/shared-reads.ts keeps data, never markup) can replay an old one.
test('a nonce is never served twice, repeated pages included', async ({ request }) => {
  const admin = await loginAs(request, 'admin');
  const nonces: string[] = [];
  for (let i = 0; i < 3; i++) {
    for (const path of ['/', `/weeks/${label(PUBLISHED)}`, '/metrics/health_score', '/import']) {
      const res = await request.get(path, { headers: { cookie: `${SESSION_COOKIE}=${admin}` } });
      const nonce = /'nonce-([^']+)'/.exec(res.headers()['content-security-policy'] ?? '')?.[1] ?? '';
      nonces.push(nonce);
      const body = await res.text();
      expect(body).toContain(`nonce="${nonce}"`);
      expect(body.match(/nonce="([^"]*)"/g)?.every((n) => n === `nonce="${nonce}"`)).toBe(true);
    }
  }
  expect(new Set(nonces).size).toBe(nonces.length);
});

/** Collects CSP violations as the browser reports them (events and console). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

test('the app works under the CSP: login, charts, forms, navigation — no violations', async ({ page }) => {
  const violations = await watchCsp(page);
  await login(page, 'editor');
  // Charts (recharts SVG) render on the overview and on a metric page.
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
  expect(await page.locator('svg.recharts-surface').count()).toBeGreaterThan(3);
  await page.goto('/metrics/health_score');
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
  // Client-side navigation (RSC fetches) and a client form: save a draft of a far-off week.
  await page.goto(`/entry/${label(FORM_WEEK)}`);
  await page.locator('#value-health_score').fill('432');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('form-message')).toHaveText('Draft saved.');
  await page.goto('/');
  await page.getByRole('link', { name: /Week details|本周详情/ }).first().click();
  await expect(page).toHaveURL(/\/weeks\//);
  await page.goto('/import');
  await expect(page.getByRole('heading').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('a share page works under the CSP with no violations', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto(`/s/${shareToken}`);
  await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('framing is refused by the browser', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(m.text()));
  await page.goto('/api/health');
  const target = new URL('/login', page.url()).href;
  await page.setContent(`<iframe id="control" srcdoc="<input name='email'>"></iframe><iframe id="framed" src="${target}"></iframe>`);
  // Control: a frame the browser may show is found by this very check, so a count of 0 below means "refused".
  await expect(page.frameLocator('#control').locator('input[name="email"]')).toHaveCount(1);
  // The browser says it refused our login page, naming the rule (frame-ancestors 'none' / X-Frame-Options: DENY).
  await expect.poll(() => messages.filter((m) => /frame-ancestors|X-Frame-Options/i.test(m)), { timeout: 10_000 }).not.toEqual([]);
  await expect(page.frameLocator('#framed').locator('input[name="email"]')).toHaveCount(0);
});
