// The /api/v1 route handlers, called as Next calls them, on a real SQLite database (:memory: with the real
// migrations) installed as the app's one connection.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/index';
import { claimIdempotencyKey } from '@/db/queries/api-idempotency';
import { createApiKey } from '@/db/queries/api-keys';
import { listIncidents } from '@/db/queries/incidents';
import { saveWeek } from '@/db/queries/save-week';
import { getWeekValues } from '@/db/queries/values';
import { getWeekRecord } from '@/db/queries/weeks';
import { apiIdempotency, revisions, user } from '@/db/schema';
import { openTestDatabase } from '@/db/setup';
import { requestFingerprint } from '@/lib/api/request';
import type { ApiScope } from '@/lib/api/scopes';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { GET as getOpenapi } from './openapi.json/route';
import { POST as publish } from './weeks/[label]/publish/route';
import { GET as getWeek } from './weeks/[label]/route';
import { PUT as putValues } from './weeks/[label]/values/route';

process.env.WEEK_NUMBERING = 'jan1';
const WEEK = '2023-07-10'; // 2023-W29 in the team's numbering
const LABEL = '2023-W29';
const admin = { userId: 'u-admin', email: 'admin@example.com' };
let db: Db;

beforeEach(() => {
  db = openTestDatabase();
  (globalThis as { weeklineDb?: Db }).weeklineDb = db;
  db.insert(user).values({ id: admin.userId, email: admin.email, name: 'Admin', role: 'admin' }).run();
});

const keyWith = (scopes: ApiScope[], expiresAt: Date | null = null) => createApiKey({ label: `key ${scopes.join('+')}`, scopes, expiresAt }, admin, db).key;

interface Call {
  key?: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

function request(method: string, path: string, { key, body, raw, headers = {} }: Call): Request {
  const text = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  return new Request(`http://localhost:3000${path}`, {
    method,
    body: text,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(text !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
  });
}
const ctx = (label: string) => ({ params: Promise.resolve({ label }) });
const put = (call: Call, label = LABEL) => putValues(request('PUT', `/api/v1/weeks/${label}/values`, call), ctx(label));
const get = (call: Call, label = LABEL) => getWeek(request('GET', `/api/v1/weeks/${label}`, call), ctx(label));
const post = (call: Call, label = LABEL) => publish(request('POST', `/api/v1/weeks/${label}/publish`, call), ctx(label));

const schema = weekEntrySchema(DEFAULT_METRICS);
const REQUIRED = Object.fromEntries(DEFAULT_METRICS.filter((m) => m.required).map((m) => [m.key, { value: m.kind === 'count' ? '0' : m.kind === 'score' ? '650' : '99.99' }]));

/** A week entered through the form: five values, notes and one incident. */
function seedWeek(intent: 'draft' | 'publish') {
  const saved = saveWeek(
    schema.parse({
      weekStart: WEEK,
      baseVersion: 0,
      intent,
      confirmMissing: true,
      notes: 'form notes',
      internalNotes: 'internal',
      values: { ...REQUIRED, health_score: { value: '650' }, hive_migration_progress: { done: '10', total: '40' } },
      incidents: [{ title: 'Card gateway timeouts', startedAt: '2023-07-11T09:00', endedAt: '2023-07-11T09:30', durationMinutes: '', grade: 'C', gradeStatus: 'final', cause: 'x', handling: 'y' }],
    }),
    admin,
    db,
  );
  if (!saved.ok) throw new Error(saved.kind);
  return saved;
}

const revisionCount = () => db.select().from(revisions).all().length;

describe('PUT /api/v1/weeks/{label}/values', () => {
  it('merges: three metrics change, every other value, the notes and the incidents stay', async () => {
    seedWeek('draft');
    const key = keyWith(['kpi:write']);
    const before = getWeekValues(WEEK, db);
    const incidents = listIncidents(WEEK, db);
    const revisionsBefore = revisionCount();
    const res = await put({ key, body: { values: { inbound_success_rate: 99.5, availability: 99.9, hive_migration_progress: { done: 20, total: 40 } } } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const body = await res.json();
    expect(body).toMatchObject({ week: LABEL, weekStart: WEEK, status: 'draft', version: 2, changes: 3 });
    const after = getWeekValues(WEEK, db);
    expect(after.inbound_success_rate.value).toBe(99.5);
    expect(after.availability.value).toBe(99.9);
    expect(after.hive_migration_progress).toMatchObject({ value: 50, done: 20, total: 40 });
    for (const key of Object.keys(before).filter((k) => !['inbound_success_rate', 'availability', 'hive_migration_progress'].includes(k))) {
      expect(after[key]).toEqual(before[key]);
    }
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(listIncidents(WEEK, db)).toEqual(incidents);
    expect(getWeekRecord(WEEK, db)).toMatchObject({ notes: 'form notes', internalNotes: 'internal', status: 'draft' });
    const added = db.select().from(revisions).all().slice(revisionsBefore);
    expect(added.map((r) => r.metricKey).sort()).toEqual(['availability', 'hive_migration_progress', 'inbound_success_rate']);
    expect(added[0].userEmail).toMatch(/^api key #1 /);
  });

  it('creates a draft week when there is none', async () => {
    const res = await put({ key: keyWith(['kpi:write']), body: { values: { health_score: 612 } } }, '2023-07-12');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ week: LABEL, status: 'draft', version: 1, values: { health_score: { value: 612 } } });
  });

  it('a published week needs a reason (422 with a field error, nothing written); with one it stays published', async () => {
    seedWeek('publish');
    const key = keyWith(['kpi:write']);
    const revisionsBefore = revisionCount();
    const refused = await put({ key, body: { values: { health_score: 640 } } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect((await refused.json()).errors).toEqual([{ pointer: '/reason', field: 'reason', message: expect.any(String) }]);
    expect(getWeekValues(WEEK, db).health_score.value).toBe(650);
    expect(revisionCount()).toBe(revisionsBefore);
    expect(db.select().from(user).where(eq(user.email, 'api@weekline.local')).all()).toEqual([]);

    const ok = await put({ key, body: { values: { health_score: 640 }, reason: 'monitoring corrected' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'published', version: 2 });
    expect(db.select().from(revisions).all().at(-1)).toMatchObject({ metricKey: 'health_score', reason: 'monitoring corrected' });
  });

  it('honours If-Match: 412 on another version, writing nothing', async () => {
    seedWeek('draft');
    const key = keyWith(['kpi:write']);
    const stale = await put({ key, body: { values: { health_score: 1 } }, headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"1"');
    expect((await stale.json()).type).toBe('urn:weekline:problem:version-mismatch');
    expect(getWeekValues(WEEK, db).health_score.value).toBe(650);
    expect((await put({ key, body: { values: { health_score: 1 } }, headers: { 'if-match': '"1"' } })).status).toBe(200);
    expect((await put({ key, body: { values: { health_score: 2 } }, headers: { 'if-match': '*' } }, '2024-W02')).status).toBe(412);
    expect((await put({ key, body: { values: { health_score: 2 } }, headers: { 'if-match': 'soon' } })).status).toBe(400);
  });

  it('validates with the form rules: every field error at once, nothing written', async () => {
    const key = keyWith(['kpi:write']);
    const res = await put({ key, body: { values: { inbound_success_rate: 100.5, nope: 3, incidents_a: -1 } } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/values/inbound_success_rate', '/values/incidents_a', '/values/nope']);
    expect(getWeekRecord(WEEK, db)).toBeNull();
  });

  it('answers oversized, malformed and non-JSON bodies with a problem, never a 500', async () => {
    const key = keyWith(['kpi:write']);
    const big = await put({ key, raw: JSON.stringify({ values: { health_score: 1 }, reason: 'x'.repeat(70_000) }) });
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toBe('application/problem+json');
    expect((await put({ key, raw: '{"values":' })).status).toBe(400);
    expect((await put({ key, raw: '' })).status).toBe(400);
    expect((await put({ key, raw: '{}', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await put({ key, body: { values: { health_score: 1 } } }, 'next-week')).status).toBe(404);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer without writing; another body with the key is 422; a running first is 409', async () => {
    const key = keyWith(['kpi:write']);
    const headers = { 'idempotency-key': 'push-2023-W29-1' };
    const first = await put({ key, body: { values: { health_score: 600 } }, headers });
    const firstBody = await first.text();
    const revisionsAfterFirst = revisionCount();
    // Someone else changes the week meanwhile: the replay still answers what the first request did.
    await put({ key, body: { values: { health_score: 601 } } });
    const revisionsBeforeReplay = revisionCount();
    const replay = await put({ key, body: { values: { health_score: 600 } }, headers });
    expect(replay.status).toBe(first.status);
    expect(await replay.text()).toBe(firstBody);
    expect(replay.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(revisionCount()).toBe(revisionsBeforeReplay);
    expect(revisionsAfterFirst).toBeGreaterThan(0);
    expect(getWeekValues(WEEK, db).health_score.value).toBe(601);

    const other = await put({ key, body: { values: { health_score: 602 } }, headers });
    expect(other.status).toBe(422);
    expect((await other.json()).type).toBe('urn:weekline:problem:idempotency-key-reused');
    expect(getWeekValues(WEEK, db).health_score.value).toBe(601);

    // A first request that is still running (claimed by another process, no answer yet).
    const bytes = JSON.stringify({ values: { health_score: 603 } });
    const keyId = db.select().from(apiIdempotency).get()!.keyId;
    claimIdempotencyKey(keyId, 'in-flight', requestFingerprint('PUT', `/api/v1/weeks/${LABEL}/values`, bytes), db);
    const running = await put({ key, raw: bytes, headers: { 'idempotency-key': 'in-flight' } });
    expect(running.status).toBe(409);
    expect(getWeekValues(WEEK, db).health_score.value).toBe(601);
  });

  it('is per key: another key with the same Idempotency-Key writes', async () => {
    const headers = { 'idempotency-key': 'same' };
    expect((await put({ key: keyWith(['kpi:write']), body: { values: { health_score: 600 } }, headers })).status).toBe(200);
    const second = await put({ key: keyWith(['kpi:write', 'kpi:read']), body: { values: { health_score: 610 } }, headers });
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(getWeekValues(WEEK, db).health_score.value).toBe(610);
  });

  it('expires after 24 hours', () => {
    keyWith(['kpi:write']);
    const t0 = new Date('2026-01-01T00:00:00Z');
    expect(claimIdempotencyKey(1, 'k', 'f1', db, t0).kind).toBe('claimed');
    expect(claimIdempotencyKey(1, 'k', 'f2', db, new Date(t0.getTime() + 3_600_000)).kind).toBe('mismatch');
    expect(claimIdempotencyKey(1, 'k', 'f2', db, new Date(t0.getTime() + 25 * 3_600_000)).kind).toBe('claimed');
  });
});

describe('keys, scopes and limits', () => {
  it('401 with the same body for a missing, malformed, unknown, expired or revoked key', async () => {
    const expired = keyWith(['kpi:read'], new Date(Date.now() - 1000));
    const revoked = keyWith(['kpi:read']);
    const { revokeApiKey } = await import('@/db/queries/api-keys');
    revokeApiKey(2, admin, db);
    const unknown = `wl_${'A'.repeat(43)}`;
    const answers = await Promise.all(
      [undefined, 'wl_short', unknown, expired, revoked].map(async (key) => {
        const res = await get({ key });
        return { status: res.status, type: res.headers.get('content-type'), auth: res.headers.get('www-authenticate'), body: await res.text() };
      }),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0].status).toBe(401);
    expect(answers[0].type).toBe('application/problem+json');
    expect(answers[0].auth).toMatch(/^Bearer/);
    expect(JSON.parse(answers[0].body)).toMatchObject({ type: 'urn:weekline:problem:unauthorized', status: 401 });
    // A session cookie is no key.
    const withCookie = await getWeek(new Request(`http://localhost:3000/api/v1/weeks/${LABEL}`, { headers: { cookie: '__Host-weekline.session=abc' } }), ctx(LABEL));
    expect(withCookie.status).toBe(401);
  });

  it('403 for a missing scope, nothing written', async () => {
    const readOnly = keyWith(['kpi:read']);
    const res = await put({ key: readOnly, body: { values: { health_score: 1 } } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ type: 'urn:weekline:problem:missing-scope', status: 403 });
    expect(getWeekRecord(WEEK, db)).toBeNull();
    expect((await post({ key: keyWith(['kpi:write']) })).status).toBe(403);
    expect((await get({ key: keyWith(['kpi:write']) })).status).toBe(403);
  });

  it('429 with Retry-After past 60 requests a minute per key', async () => {
    const key = keyWith(['kpi:read']);
    const other = keyWith(['kpi:read']);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await get({ key })).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    const limited = await get({ key });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    expect((await get({ key: other })).status).toBe(404);
  });
});

describe('GET and publish', () => {
  it('a key without report:publish sees published weeks only; drafts are 404', async () => {
    seedWeek('draft');
    const reader = keyWith(['kpi:read']);
    const publisher = keyWith(['kpi:read', 'report:publish']);
    expect((await get({ key: reader })).status).toBe(404);
    const draft = await get({ key: publisher });
    expect(draft.status).toBe(200);
    expect(draft.headers.get('etag')).toBe('"1"');
    expect(await draft.json()).toMatchObject({ week: LABEL, status: 'draft', values: { health_score: { value: 650, done: null, total: null } } });

    const published = await post({ key: publisher, headers: { 'if-match': '"1"' } });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published', version: 2 });
    const seen = await get({ key: reader }, WEEK);
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({ week: LABEL, status: 'published' });
  });

  it('publishing asks to confirm missing required metrics, and 404s for a week that does not exist', async () => {
    const key = keyWith(['kpi:write', 'report:publish']);
    expect((await post({ key })).status).toBe(404);
    await put({ key, body: { values: { health_score: 600 } } });
    const refused = await post({ key });
    expect(refused.status).toBe(422);
    expect((await refused.json()).errors[0].pointer).toBe('/confirmMissing');
    expect(getWeekRecord(WEEK, db)?.status).toBe('draft');
    expect((await post({ key, body: { confirmMissing: true } })).status).toBe(200);
    expect(getWeekRecord(WEEK, db)?.status).toBe('published');
  });

  it('serves an OpenAPI 3.1 document naming every path', async () => {
    const doc = await getOpenapi().json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/weeks/{label}', '/weeks/{label}/publish', '/weeks/{label}/values']);
    expect(Object.keys(doc.paths['/weeks/{label}/values'].put.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '412', '413', '422', '429']));
  });
});

describe('the API actor', () => {
  it('is a disabled user row that cannot log in', async () => {
    await put({ key: keyWith(['kpi:write']), body: { values: { health_score: 600 } } });
    expect(db.select().from(user).where(eq(user.email, 'api@weekline.local')).get()).toMatchObject({ disabled: true });
  });
});
