// The language crawler (issue 15): an admin with a zh-CN browser visits every page of the app and fails on any
// visible word in Latin letters outside a short allow-list; the same in English for Chinese characters.
// Text people entered (names, notes, report content, event titles) sits in [data-content="user"], identifiers
// a machine reads (metric keys, API scopes and paths) in [data-content="code"]; both are skipped.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createShareLink } from '@/db/queries/share-links';
import { saveWeek } from '@/db/queries/save-week';
import { getUserByEmail } from '@/db/queries/users';
import { getWeekRecord } from '@/db/queries/weeks';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { E2E_USERS } from './fixtures/config';
import { openE2eDb, screenshot } from './fixtures/helpers';

type Lang = 'zh' | 'en';

// Words a Chinese page may show in Latin letters: the product, file formats, domain acronyms.
// "English" is the language switch, naming the other language in its own script.
const LATIN_ALLOWED = new Set(['Weekline', 'CSV', 'PDF', 'API', 'KPI', 'Hive', 'JSON', 'Markdown', 'English']);
// Stripped before looking for words: e-mail addresses, URLs, week labels, times and grade codes (A, D, AB…).
const NEUTRAL = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /https?:\/\/[\w\-./?=&#%:]+/g,
  /\b\d{4}-?W\d{1,2}\b/g,
  /\b[A-D]{1,2}\b/g,
];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// The language switch names the other language in its own script.
const CJK_ALLOWED = ['中文'];

async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element | null) => !!el?.closest('[data-content], script, style, noscript, template');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!text || !el || skip(el)) continue;
      const inSelect = !!el.closest('select');
      if (!inSelect && !el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
      if (!skip(el)) out.push((el as HTMLInputElement).placeholder);
    }
    for (const el of document.querySelectorAll('input[type=submit], input[type=button]')) {
      if (!skip(el)) out.push((el as HTMLInputElement).value);
    }
    out.push(document.title);
    return out;
  });
}

function offending(texts: string[], lang: Lang): string[] {
  const bad = new Set<string>();
  for (const raw of texts) {
    if (lang === 'zh') {
      const text = NEUTRAL.reduce((s, re) => s.replace(re, ' '), raw);
      for (const word of text.match(/[A-Za-z]+/g) ?? []) if (!LATIN_ALLOWED.has(word)) bad.add(`${word}  ←  ${raw.slice(0, 80)}`);
    } else {
      const text = CJK_ALLOWED.reduce((s, w) => s.replaceAll(w, ' '), raw);
      if (CJK.test(text)) bad.add(raw.slice(0, 80));
    }
  }
  return [...bad];
}

async function check(page: Page, lang: Lang, where: string, shot?: string) {
  await page.waitForLoadState('networkidle');
  // A client redirect or refresh right after load replaces the document: read the page it settles on.
  let texts: string[] | null = null;
  for (let attempt = 0; texts === null; attempt++) {
    try {
      await page.waitForFunction(() => document.body !== null);
      texts = await visibleText(page);
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.waitForLoadState('networkidle');
    }
  }
  const bad = offending(texts, lang);
  if (shot && lang === 'zh') await screenshot(page, shot);
  expect.soft(bad, `${where} (${lang}) shows text outside ${lang === 'zh' ? 'Chinese' : 'English'}`).toEqual([]);
}

async function browse(browser: Browser, lang: Lang): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  await context.addCookies([{ name: 'weekline.lang', value: lang, domain: 'localhost', path: '/' }]);
  return context.newPage();
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.locator('input[name=email]').fill(E2E_USERS.admin.email);
  await page.locator('input[name=password]').fill(E2E_USERS.admin.password);
  await page.locator('form button[type=submit]').click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByTestId('current-user')).toBeVisible();
}

function prepare(week: string): { sharePath: string } {
  const db = openE2eDb();
  try {
    const editor = getUserByEmail(E2E_USERS.editor.email, db)!;
    // A published week with an event, then a change with a reason: the history has rows of every kind.
    const event = { title: '渠道超时', startedAt: `${week}T10:00`, endedAt: '', durationMinutes: '125', grade: 'D', gradeStatus: 'final', cause: '限流', handling: '扩容' };
    const first = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: week, baseVersion: 0, intent: 'draft', values: { health_score: { value: '600' } }, notes: '第一版', incidents: [event] });
    saveWeek(first, { userId: editor.id, email: editor.email }, db);
    const share = createShareLink({ label: '管理层', expiresIn: '30d' }, { userId: editor.id, email: editor.email }, db);
    return { sharePath: share.path };
  } finally {
    db.$client.close();
  }
}

/** Opens the week's form, lets the editor save the same value underneath, then saves: the conflict panel. */
async function conflict(page: Page, week: string, value: string) {
  await page.goto(`/entry/${weekLabel(week, 'jan1')}`);
  const db = openE2eDb();
  try {
    const editor = getUserByEmail(E2E_USERS.editor.email, db)!;
    // The version the open form was loaded at: the editor saves on top of it, so the admin's save conflicts.
    const version = getWeekRecord(week, db)!.version;
    const entry = weekEntrySchema(DEFAULT_METRICS).parse({ weekStart: week, baseVersion: version, intent: 'draft', values: { health_score: { value: '610' } } });
    saveWeek(entry, { userId: editor.id, email: editor.email }, db);
  } finally {
    db.$client.close();
  }
  await page.locator('#value-health_score').fill(value);
  await page.locator('form:has(#value-health_score) button[type=submit]').click();
  await expect(page.getByTestId('conflict-panel')).toBeVisible();
}

// With one figure off, so the preview shows a warning in the reader's language too.
const SAMPLE = fs.readFileSync(path.resolve(process.cwd(), 'fixtures/reports/2023-W30.md'), 'utf8').replace('完成率：42.94%', '完成率：45.94%');

for (const lang of ['zh', 'en'] as const) {
  test(`every page reads in ${lang === 'zh' ? 'Chinese' : 'English'} only`, async ({ browser }) => {
    test.setTimeout(180_000);
    const week = lang === 'zh' ? '2021-03-01' : '2021-03-08';
    const { sharePath } = prepare(week);
    const label = weekLabel(week, 'jan1');
    const page = await browse(browser, lang);

    await page.goto('/login');
    await check(page, lang, 'login');
    // Sent empty: the schema's messages (keys) in the reader's language; not an attempt, nothing is counted.
    await page.waitForLoadState('networkidle');
    await page.locator('form button[type=submit]').click();
    await expect(page.locator('#email-error')).toBeVisible();
    await check(page, lang, 'login with errors');
    await signIn(page);

    const pages: [string, string, string?][] = [
      ['/', 'dashboard', 'lang-dashboard'],
      [`/weeks/${label}`, 'week (with its history)', 'week-history'],
      [`/weeks/${label}/print`, 'print'],
      ['/metrics/inbound_success_rate', 'metric page', 'metric-page'],
      ['/metrics/health_score', 'metric page (points)'],
      ['/board', 'leadership board'],
      ['/entry', 'entry'],
      ['/admin/users', 'users admin'],
      ['/admin/targets', 'targets admin'],
      ['/admin/metrics', 'metrics admin'],
      ['/admin/shares', 'share admin', 'share-admin'],
      ['/admin/api-keys', 'API keys admin'],
      ['/admin/channels', 'channels admin'],
      ['/no-such-page', '404'],
      ['/forbidden', '403'],
    ];
    for (const [url, what, shot] of pages) {
      await page.goto(url);
      await check(page, lang, what, shot);
    }

    // The admin forms sent empty (or with a wrong time): their messages come from the actions and schemas as
    // catalogue keys, rendered in the reader's language. Nothing is saved: every one fails validation.
    const adminForms: [string, string, string, string?, ((p: Page) => Promise<void>)?][] = [
      ['/admin/users', 'new-password', 'new-user form with errors', 'admin-users-errors'],
      ['/admin/metrics', 'new-key', 'new-metric form with errors', 'admin-metrics-errors'],
      ['/admin/targets', 't-target', 'new-target form with errors', 'admin-targets-errors', (p) => p.locator('#t-effectiveFrom').fill('')],
      ['/admin/channels', 'channel-url', 'new-channel form with errors', 'admin-channels-errors'],
      ['/admin/channels', 'digest-time', 'digest settings with errors', undefined, (p) => p.locator('#digest-time').fill('25:00')],
      ['/admin/api-keys', 'api-key-label', 'new-API-key form with errors', 'admin-api-keys-errors'],
      ['/admin/shares', 'share-label', 'new-share form with errors', 'admin-shares-errors'],
    ];
    for (const [url, field, what, shot, fill] of adminForms) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const form = page.locator(`form:has(#${field})`);
      await fill?.(page);
      await form.locator('button[type=submit]').click();
      await expect(form.locator(`#${field}-error`)).toBeVisible();
      await expect(form.locator('[role=alert]').first()).toBeVisible();
      await check(page, lang, what, shot);
    }

    // The entry form with every error shown.
    await page.goto(`/entry/${weekLabel(addWeeks(currentWeekStart(), 0), 'jan1')}`);
    await page.locator('#value-health_score').fill('abc');
    await page.locator('form:has(#value-health_score) button[type=submit]').click();
    await expect(page.locator('[role=alert], [aria-invalid=true]').first()).toBeVisible();
    await check(page, lang, 'entry with errors');

    // The import preview.
    await page.goto('/import');
    await page.locator('textarea').first().fill(SAMPLE);
    await page.locator('form:has(textarea) button[type=submit]').click();
    await expect(page.getByTestId('import-preview')).toBeVisible();
    await expect(page.getByTestId('preview-warnings').locator('li[data-code="percent_mismatch"]')).toBeVisible();
    await check(page, lang, 'import preview', 'import-preview-zh');

    await conflict(page, week, '640');
    await check(page, lang, 'conflict panel');
    if (lang === 'zh') await page.getByTestId('conflict-panel').screenshot({ path: path.join(process.cwd(), 'e2e', 'screenshots', 'conflict-panel-zh.png') });

    await page.goto(sharePath);
    await check(page, lang, 'share page');
    await page.context().clearCookies({ name: 'weekline.session' });
  });
}
