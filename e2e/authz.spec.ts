// Authorisation matrix: every page, route handler and server action, called directly over HTTP by each kind
// of visitor, plainly, with the `x-middleware-subrequest` header (CVE-2025-29927) and as RSC requests.
// Expected access is data (PAGES, ACTIONS below): add a row when a route is added. 0 unexpected allows.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { fingerprint } from '@/tests/reliability/fingerprint';
import { createApiKey } from '@/db/queries/api-keys';
import { createShareLink } from '@/db/queries/share-links';
import { addChannel } from '@/db/queries/channels';
import { saveWeek } from '@/db/queries/save-week';
import { getUserByEmail } from '@/db/queries/users';
import { getWeekRecord } from '@/db/queries/weeks';
import { DEFAULT_METRICS, type Role } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { addWeeks, currentWeekStart, weekLabel } from '@/lib/weeks';
import { actionIds, callAction, classify, getFollowing, loginAs, SESSION_COOKIE, type ActionArgs } from '@/tests/reliability/e2e/http';
import { E2E_USERS } from './fixtures/config';
import { openE2eDb } from './fixtures/helpers';

type Who = 'anonymous' | 'forged' | 'share' | Role;
const EVERYONE: Who[] = ['anonymous', 'forged', 'share', 'viewer', 'editor', 'admin'];
const SHARE_WHO: Who[] = ['share', 'viewer'];
const RANK: Record<Who, number> = { anonymous: 0, forged: 0, share: 0, viewer: 1, editor: 2, admin: 3 };
/** Who may: a minimum role, 'public' (anyone), 'token' (anyone holding a valid share link) or 'nobody'. */
type Rule = Role | 'public' | 'token' | 'nobody';

const label = (w: string) => weekLabel(w, 'jan1');
const THIS_WEEK = currentWeekStart();
const PUBLISHED = addWeeks(THIS_WEEK, -1);
const OLD_PUBLISHED = addWeeks(THIS_WEEK, -40);
const DRAFT = addWeeks(THIS_WEEK, 30);

const shares = { full: '', scoped: '' };

function allowed(rule: Rule, who: Who): boolean | 'any' {
  if (rule === 'public') return 'any';
  if (rule === 'nobody') return false;
  if (rule === 'token') return true;
  return RANK[who] >= RANK[rule];
}

// ---- Pages and route handlers ------------------------------------------------------------------------------
interface PageRow {
  path: () => string;
  rule: Rule;
  /** Who to try; default everyone. Share pages are rate-limited per client (120 a minute), so fewer there. */
  who?: Who[];
  /** Text that only the allowed page contains; must never reach anyone turned away. */
  secret?: string;
}
const PAGES: PageRow[] = [
  { path: () => '/', rule: 'viewer' },
  { path: () => '/metrics/health_score', rule: 'viewer' },
  { path: () => `/weeks/${label(PUBLISHED)}`, rule: 'viewer' },
  { path: () => `/weeks/${label(PUBLISHED)}/print`, rule: 'viewer' },
  { path: () => `/weeks/${label(DRAFT)}`, rule: 'editor', secret: 'authz-draft-note' },
  { path: () => `/weeks/${label(DRAFT)}/print`, rule: 'editor', secret: 'authz-draft-note' },
  // Reading the whole report (issue 13): the board and the week's Markdown.
  { path: () => '/board', rule: 'viewer' },
  { path: () => `/weeks/${label(PUBLISHED)}/report.md?lang=zh`, rule: 'viewer' },
  { path: () => `/weeks/${label(PUBLISHED)}/report.md?lang=en&download=1`, rule: 'viewer' },
  { path: () => `/weeks/${label(DRAFT)}/report.md?lang=zh`, rule: 'editor', secret: 'authz-draft-note' },
  { path: () => '/entry', rule: 'editor' },
  { path: () => `/entry/${label(THIS_WEEK)}`, rule: 'editor' },
  { path: () => `/entry/${label(DRAFT)}`, rule: 'editor', secret: 'authz-draft-note' },
  { path: () => '/import', rule: 'editor' },
  { path: () => '/admin/users', rule: 'admin', secret: 'Eddie Editor' },
  { path: () => '/admin/metrics', rule: 'admin' },
  { path: () => '/admin/targets', rule: 'admin' },
  { path: () => '/admin/shares', rule: 'admin', secret: 'authz-scoped-link' },
  { path: () => '/admin/api-keys', rule: 'admin', secret: 'authz-api-key' },
  // /api/v1 takes a Bearer key only: no session cookie, whatever its role, reads a week there.
  { path: () => `/api/v1/weeks/${label(PUBLISHED)}`, rule: 'nobody' },
  { path: () => `/api/v1/weeks/${label(DRAFT)}`, rule: 'nobody', secret: 'authz-draft-note' },
  { path: () => '/api/v1/openapi.json', rule: 'public' },
  { path: () => '/admin/channels', rule: 'admin', secret: 'authz-channel' },
  { path: () => `/api/export/csv?from=${label(OLD_PUBLISHED)}`, rule: 'viewer' },
  { path: () => `/api/export/csv?from=${label(DRAFT)}&to=${label(DRAFT)}`, rule: 'viewer' },
  { path: () => '/api/health', rule: 'public' },
  { path: () => '/login', rule: 'public' },
  { path: () => '/forbidden', rule: 'public' },
  // A share link is its own credential: whoever holds it sees the published weeks in its scope, nothing more.
  { path: () => `/s/${shares.full}`, rule: 'token', who: SHARE_WHO },
  { path: () => `/s/${shares.full}/weeks/${label(PUBLISHED)}`, rule: 'token', who: SHARE_WHO },
  { path: () => `/s/${shares.full}/weeks/${label(DRAFT)}`, rule: 'nobody', secret: 'authz-draft-note', who: SHARE_WHO },
  { path: () => `/s/${shares.scoped}/weeks/${label(OLD_PUBLISHED)}`, rule: 'nobody', who: SHARE_WHO },
  { path: () => `/s/${shares.scoped}`, rule: 'token', who: SHARE_WHO },
  { path: () => `/s/${'A'.repeat(43)}`, rule: 'nobody', who: SHARE_WHO },
  { path: () => '/s/not-a-token', rule: 'nobody', who: SHARE_WHO },
];

const VARIANTS: { name: string; headers: Record<string, string>; query?: string }[] = [
  { name: 'plain', headers: {} },
  { name: 'x-middleware-subrequest', headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } },
  { name: 'x-middleware-subrequest (legacy name)', headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } },
  { name: 'RSC header', headers: { RSC: '1' } },
  { name: '?_rsc= with RSC header', headers: { RSC: '1', 'Next-Router-State-Tree': '%5B%22%22%2C%7B%7D%5D' }, query: '_rsc=authz' },
];

const tokens: Partial<Record<Who, string>> = { forged: 'forged-session-token.c2lnbmF0dXJl' };
const ids = { viewer: '', admin: '', shareId: 0, apiKeyId: 0, channelId: 0 };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  const db = openE2eDb();
  const schema = weekEntrySchema(DEFAULT_METRICS);
  const admin = getUserByEmail(E2E_USERS.admin.email, db)!;
  ids.admin = admin.id;
  ids.viewer = getUserByEmail(E2E_USERS.viewer.email, db)!.id;
  if (!getWeekRecord(DRAFT, db)) {
    saveWeek(schema.parse({ weekStart: DRAFT, baseVersion: 0, intent: 'draft', notes: 'authz-draft-note', values: { health_score: { value: '111' } } }), { userId: admin.id, email: admin.email }, db);
  }
  const actor = { userId: admin.id, email: admin.email };
  shares.full = createShareLink({ label: 'authz-full-link', expiresIn: 'never' }, actor, db).token;
  const scoped = createShareLink({ label: 'authz-scoped-link', expiresIn: 'never', fromWeek: addWeeks(THIS_WEEK, -5), toWeek: PUBLISHED }, actor, db);
  shares.scoped = scoped.token;
  ids.shareId = scoped.id;
  ids.apiKeyId = createApiKey({ label: 'authz-api-key', scopes: ['kpi:write', 'kpi:read', 'report:publish'], expiresAt: null }, actor, db).id;
  // Port 9 (discard) on 127.0.0.1: allowed by the e2e server's WEBHOOK_ALLOW_HOSTS, never answers anything.
  ids.channelId = addChannel({ kind: 'webhook', url: 'http://127.0.0.1:9/authz-hook', secret: null, label: 'authz-channel' }, actor, db);
  db.$client.close();
  for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = await loginAs(request, role);
});

function cookieOf(who: Who): Record<string, string> {
  const token = tokens[who];
  return token ? { cookie: `${SESSION_COOKIE}=${token}` } : {};
}

async function fetchPage(request: APIRequestContext, path: string, who: Who, variant: (typeof VARIANTS)[number]) {
  const url = variant.query ? `${path}${path.includes('?') ? '&' : '?'}${variant.query}` : path;
  const res = await getFollowing(request, url, { ...cookieOf(who), ...variant.headers });
  const body = await res.text();
  return { outcome: await classify(res), body, status: res.status() };
}

test('pages and route handlers: 0 unexpected allows across identities and header tricks', async ({ request }) => {
  test.setTimeout(300_000);
  const unexpected: string[] = [];
  let checked = 0;
  for (const page of PAGES) {
    for (const who of page.who ?? EVERYONE) {
      const expected = allowed(page.rule, who);
      for (const variant of VARIANTS) {
        const path = page.path();
        const { outcome, body } = await fetchPage(request, path, who, variant);
        checked++;
        const line = `${who} ${variant.name} ${path}: ${outcome}`;
        if (outcome === 'error') unexpected.push(`${line} (server error)`);
        else if (expected === true && outcome !== 'allow') unexpected.push(`${line} (expected allow)`);
        else if (expected === false && outcome === 'allow') unexpected.push(`${line} (UNEXPECTED ALLOW)`);
        if (expected === false && page.secret && body.includes(page.secret)) unexpected.push(`${line} (leaked "${page.secret}")`);
      }
    }
  }
  console.log(`[authz] pages: ${checked} requests, ${unexpected.length} unexpected`);
  if (unexpected.length) console.log(unexpected.join("\n"));
  expect(unexpected).toEqual([]);
  expect(checked).toBe(PAGES.reduce((n, p) => n + (p.who ?? EVERYONE).length, 0) * VARIANTS.length);
});

// ---- Server actions ----------------------------------------------------------------------------------------
interface ActionRow {
  /** Skipped while no page imports the action (it is then not in the build and cannot be called). */
  unlessUnbuilt?: boolean;
  key: string;
  path: string;
  rule: Rule;
  /** What a turned-away caller is told. */
  denied: RegExp;
  /** A real, effectful request: if it ever got through for the wrong person, the database would show it. */
  attack: () => ActionArgs;
  /** A harmless request (invalid input) for the people who are allowed: proves they pass the check. */
  probe: () => ActionArgs;
}
const USERS = 'app/(app)/admin/users/actions.ts';
const METRICS = 'app/(app)/admin/metrics/actions.ts';
const SHARES = 'app/(app)/admin/shares/actions.ts';
const API_KEYS = 'app/(app)/admin/api-keys/actions.ts';
const API_KEYS_DENIED = /Only admins can manage API keys|只有管理员可以管理 API 密钥/;
const CHANNELS = 'app/(app)/admin/channels/actions.ts';
const ACTIONS: ActionRow[] = [
  { key: `${USERS}#createUserAction`, path: '/admin/users', rule: 'admin', denied: /Only admins can add users/, attack: () => ({ form: { email: 'intruder@e2e.test', name: 'Intruder', role: 'admin', password: 'intruder-password-123' } }), probe: () => ({ form: {} }) },
  { key: `${USERS}#changeRoleAction`, path: '/admin/users', rule: 'admin', denied: /Only admins can change roles/, attack: () => ({ form: { userId: ids.viewer, role: 'admin' } }), probe: () => ({ form: { userId: '', role: 'x' } }) },
  { key: `${USERS}#setDisabledAction`, path: '/admin/users', rule: 'admin', denied: /Only admins can disable users/, attack: () => ({ form: { userId: ids.admin, disabled: 'true' } }), probe: () => ({ form: { userId: 'no-such-user', disabled: 'false' } }) },
  { key: `${METRICS}#addMetricAction`, path: '/admin/metrics', rule: 'admin', denied: /Only admins can change the catalogue/, attack: () => ({ form: { key: 'intruder_metric', labelZh: '入侵', labelEn: 'Intruder', unit: '', decimals: '0', kind: 'count', direction: 'lower', sortOrder: '999' } }), probe: () => ({ form: {} }) },
  { key: `${METRICS}#updateMetricAction`, path: '/admin/metrics', rule: 'admin', denied: /Only admins can change the catalogue/, attack: () => ({ form: { key: 'health_score', version: '1', labelZh: '黑', labelEn: 'Hacked', unit: '', decimals: '0', direction: 'higher', sortOrder: '1', archived: 'on' } }), probe: () => ({ form: {} }) },
  { key: 'app/(app)/admin/targets/actions.ts#setTargetAction', path: '/admin/targets', rule: 'admin', denied: /Only admins can set targets/, attack: () => ({ form: { metricKey: 'health_score', effectiveFrom: label(THIS_WEEK), target: '1', warning: '' } }), probe: () => ({ form: {} }) },
  { key: `${SHARES}#createShareLinkAction`, path: '/admin/shares', rule: 'admin', denied: /Only admins can create share links/, attack: () => ({ form: { label: 'intruder link', expiresIn: 'never', fromWeek: '', toWeek: '' } }), probe: () => ({ form: { label: '' } }) },
  { key: `${SHARES}#revokeShareLinkAction`, path: '/admin/shares', rule: 'admin', denied: /Only admins can revoke share links/, attack: () => ({ form: { id: String(ids.shareId) } }), probe: () => ({ form: { id: '0' } }) },
  { key: `${CHANNELS}#addChannelAction`, path: '/admin/channels', rule: 'admin', denied: /Only admins can add channels/, attack: () => ({ form: { kind: 'webhook', url: 'http://127.0.0.1:9/intruder', secret: '', label: 'intruder channel' } }), probe: () => ({ form: { kind: 'x' } }) },
  { key: `${CHANNELS}#removeChannelAction`, path: '/admin/channels', rule: 'admin', denied: /Only admins can remove channels/, attack: () => ({ form: { id: String(ids.channelId) } }), probe: () => ({ form: { id: '0' } }) },
  { key: `${CHANNELS}#testChannelAction`, path: '/admin/channels', rule: 'admin', denied: /Only admins can send test messages/, attack: () => ({ form: { id: String(ids.channelId) } }), probe: () => ({ form: { id: '0' } }) },
  { key: `${CHANNELS}#saveDigestSettingsAction`, path: '/admin/channels', rule: 'admin', denied: /Only admins can change digest settings/, attack: () => ({ form: { language: 'en', enabled: 'on', day: '1', time: '00:00', timeZone: 'UTC' } }), probe: () => ({ form: { language: 'xx' } }) },
  { key: `${SHARES}#rotateShareLinkAction`, path: '/admin/shares', rule: 'admin', denied: /Only admins can rotate share links/, attack: () => ({ form: { id: String(ids.shareId) } }), probe: () => ({ form: { id: '0' } }) },
  { key: `${API_KEYS}#createApiKeyAction`, path: '/admin/api-keys', rule: 'admin', denied: API_KEYS_DENIED, attack: () => ({ form: { label: 'intruder key', scopes: 'report:publish', expiresIn: 'never' } }), probe: () => ({ form: { label: '' } }) },
  { key: `${API_KEYS}#revokeApiKeyAction`, path: '/admin/api-keys', rule: 'admin', denied: API_KEYS_DENIED, attack: () => ({ form: { id: String(ids.apiKeyId) } }), probe: () => ({ form: { id: '0' } }) },
  {
    key: 'app/(app)/entry/actions.ts#saveWeekAction',
    path: `/entry/${label(THIS_WEEK)}`,
    rule: 'editor',
    denied: /You are not allowed to edit weeks/,
    attack: () => ({ json: [{ weekStart: DRAFT, baseVersion: 1, intent: 'publish', confirmMissing: true, values: { health_score: { value: '1' } } }] }),
    probe: () => ({ json: [{}] }),
  },
  { key: 'app/(app)/import/actions.ts#previewReportAction', path: '/import', rule: 'editor', denied: /You are not allowed to import weeks/, attack: () => ({ json: [{ text: '# 第29周 2023-07-15\n- 健康分：1' }] }), probe: () => ({ json: [{}] }) },
  { key: 'app/(app)/import/actions.ts#importReportAction', path: '/import', rule: 'editor', denied: /You are not allowed to import weeks/, attack: () => ({ json: [{ text: '# 第29周 2023-07-15\n- 健康分：1', intent: 'publish', baseVersion: 1, confirmMissing: true, reason: 'x' }] }), probe: () => ({ json: [{}] }) },
  // Issue 13 (R1): objectives, initiatives and findings. Checked once a page wires them (an action no page
  // imports is not in the build, so it cannot be called at all).
  ...(
    [
      ['createObjectiveAction', { code: 'O9', titleZh: '入侵', period: '2024H1' }],
      ['createInitiativeAction', { objectiveId: 1, title: '入侵' }],
      ['updateInitiativeAction', { id: 1, title: '入侵' }],
      ['archiveInitiativeAction', { id: 1, archived: true }],
      ['createFindingAction', { title: '入侵', openedWeek: '2024-01-01' }],
      ['updateFindingAction', { id: 1, title: '入侵' }],
    ] as const
  )
    .map(([name, attack]): ActionRow => ({ key: `app/(app)/entry/report-actions.ts#${name}`, path: `/entry/${label(THIS_WEEK)}`, rule: 'editor', denied: /You are not allowed to edit weeks/, attack: () => ({ json: [attack] }), probe: () => ({ json: [{}] }), unlessUnbuilt: true })),
];
/** Refused: the action's own message (any language) or its machine-readable kind. */
const refused = (action: ActionRow, text: string) => action.denied.test(text) || /"kind":"forbidden"/.test(text);

/** Open to everyone by design; listed so that a new action without a row fails the completeness check. */
const PUBLIC_ACTIONS = ['app/login/actions.ts#loginAction', 'app/login/actions.ts#logoutAction', 'app/actions.ts#setLanguageAction', 'app/actions.ts#setThemeAction'];

/** Rows that change on their own while the server runs (sessions, rate limits) are not "data". */
function dataFingerprint() {
  const db = openE2eDb();
  // outbox: the server's digest worker settles (and retries) deliveries by itself. A share link's view count
  // and last use, and the share pages' rate counts, are written after the response in batches
  // (db/queries/share-views.ts, share-rate.ts), so the earlier tests' share views may land at any time.
  const text = fingerprint(db.$client, ['session', 'login_attempts', 'verification', 'outbox', 'share_rate'], { share_links: ['views', 'last_used_at'] });
  db.$client.close();
  return text;
}

test('every server action in the build has a row in the matrix', () => {
  const listed = new Set([...ACTIONS.map((a) => a.key), ...PUBLIC_ACTIONS]);
  const missing = [...actionIds().keys()].filter((k) => !listed.has(k));
  expect(missing).toEqual([]);
});

test('server actions: 0 unexpected allows; refused attacks change nothing', async ({ request }) => {
  test.setTimeout(300_000);
  const ids = actionIds();
  const unexpected: string[] = [];
  let checked = 0;
  const before = dataFingerprint();
  for (const action of ACTIONS) {
    const id = ids.get(action.key);
    if (!id && action.unlessUnbuilt) continue;
    expect(id, action.key).toBeTruthy();
    for (const who of EVERYONE) {
      const ok = allowed(action.rule, who) === true;
      for (const headers of [{}, { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' }] as Record<string, string>[]) {
        // In English, so each refusal is recognised by its English words (the reader's language is Chinese by default).
        const res = await callAction(request, { id: id!, path: action.path, args: ok ? action.probe() : action.attack(), cookie: tokens[who], headers: { 'accept-language': 'en-US', ...headers } });
        const text = await res.text();
        checked++;
        const line = `${who} ${action.key}${Object.keys(headers).length ? ' +x-middleware-subrequest' : ''}: HTTP ${res.status()}`;
        if (res.status() >= 500) unexpected.push(`${line} (server error) ${text.slice(0, 200)}`);
        else if (ok && refused(action, text)) unexpected.push(`${line} (expected allow, was refused)`);
        else if (!ok && !refused(action, text)) unexpected.push(`${line} (UNEXPECTED ALLOW?) ${text.slice(0, 200)}`);
      }
    }
  }
  console.log(`[authz] actions: ${checked} calls, ${unexpected.length} unexpected`);
  expect(unexpected).toEqual([]);
  expect(dataFingerprint()).toBe(before);
});

test('server-action POSTs with a foreign or null Origin are refused and change nothing', async ({ request }) => {
  const id = actionIds().get('app/(app)/entry/actions.ts#saveWeekAction')!;
  const version = (() => {
    const db = openE2eDb();
    const v = getWeekRecord(DRAFT, db)!.version;
    db.$client.close();
    return v;
  })();
  const before = dataFingerprint();
  const attack: ActionArgs = { json: [{ weekStart: DRAFT, baseVersion: version, intent: 'draft', values: { health_score: { value: '222' } } }] };
  for (const origin of ['null', 'http://evil.example', `http://localhost.evil.example`, 'http://localhost:1']) {
    for (const path of [`/entry/${label(THIS_WEEK)}`, '/', '/login']) {
      const res = await callAction(request, { id, path, args: attack, cookie: tokens.editor, headers: { origin } });
      expect(res.status(), `${origin} → ${path}`).toBeGreaterThanOrEqual(400);
      expect(await res.text()).not.toContain('Draft saved');
    }
  }
  expect(dataFingerprint()).toBe(before);
  // The same request from our own origin goes through: the refusals above are about the origin alone.
  const same = await callAction(request, { id, path: `/entry/${label(THIS_WEEK)}`, args: attack, cookie: tokens.editor });
  expect(await same.text()).toContain('"ok":true');
});
