// The outbox end to end against local servers that play each provider: a publish enqueues one digest per
// channel (by trigger), each arrives exactly once through retries, refusals that retrying cannot fix are not
// retried, a restatement sends a short note, the rate limit holds, and the reminder goes out once.
import { addWeeks } from '@/lib/weeks';
import { afterEach, describe, expect, it } from 'vitest';
import { addChannel, removeChannel } from '@/db/queries/channels';
import { deliverDue, type DeliverOptions } from '@/db/queries/deliver';
import { getDigestSettings, putDigestSettings } from '@/db/queries/digest-settings';
import { saveWeek } from '@/db/queries/save-week';
import { resolveShareToken } from '@/db/queries/share-links';
import { outbox, shareLinks, user, weeks } from '@/db/schema';
import { openTestDatabase } from '@/db/setup';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { startFakeProvider, type FakeProvider, type ProviderKind } from './fake-providers';

const schema = weekEntrySchema(DEFAULT_METRICS);
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const FULL = Object.fromEntries(DEFAULT_METRICS.filter((m) => m.required).map((m) => [m.key, { value: m.kind === 'count' ? '0' : m.kind === 'score' ? '600' : '99.99' }]));
const BASE = 'http://localhost:3999';

const servers: FakeProvider[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function openDb() {
  const db = openTestDatabase();
  db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
  return db;
}
type TestDb = ReturnType<typeof openDb>;

async function channel(db: TestDb, kind: ProviderKind, options: Parameters<typeof startFakeProvider>[1] = {}, secret?: string | null) {
  const fake = await startFakeProvider(kind, options);
  servers.push(fake);
  const id = addChannel({ kind, url: fake.url, secret: secret === undefined ? fake.secret : secret, label: `${kind} group` }, alice, db);
  return { fake, id };
}

function publish(db: TestDb, week: string, over: Record<string, unknown> = {}) {
  const result = saveWeek(schema.parse({ weekStart: week, baseVersion: 0, intent: 'publish', values: FULL, ...over }), alice, db);
  if (!result.ok) throw new Error(`publish failed: ${JSON.stringify(result)}`);
  return result;
}

function clock(start = Date.now()) {
  const c = { t: start, now: () => c.t };
  return c;
}

async function drain(db: TestDb, c: { t: number; now: () => number }, extra: Partial<DeliverOptions> = {}, rounds = 12) {
  const totals = { sent: 0, retried: 0, failed: 0, cancelled: 0, lostLease: 0 };
  for (let i = 0; i < rounds; i++) {
    const r = await deliverDue(db, { baseUrl: BASE, allowHosts: ['127.0.0.1'], now: c.now, backoffBaseMs: 1000, timeoutMs: 400, ...extra });
    for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += r[k];
    c.t += 20_000;
  }
  return totals;
}

const rows = (db: TestDb) => db.select().from(outbox).all();

describe('digest delivery', () => {
  it('publishing enqueues one digest per active channel, and each arrives exactly once through errors and time-outs', async () => {
    const db = openDb();
    const wecom = await channel(db, 'wecom');
    const ding = await channel(db, 'dingtalk');
    const feishu = await channel(db, 'feishu');
    const hook = await channel(db, 'webhook');
    const removed = await channel(db, 'wecom');
    removeChannel(removed.id, alice, db);
    wecom.fake.force({ http: 500 }, 'timeout', { code: 45009 });
    ding.fake.force({ code: 130101 }, 'hangup');
    feishu.fake.force({ code: 11232 }, { http: 429, retryAfter: '1' });
    hook.fake.force({ http: 503 });

    publish(db, '2026-11-16');
    expect(rows(db).map((r) => [r.channelId, r.kind, r.status])).toEqual([wecom.id, ding.id, feishu.id, hook.id].map((id) => [id, 'digest', 'pending']));
    // A second save that leaves it published does not enqueue again.
    saveWeek(schema.parse({ weekStart: '2026-11-16', baseVersion: 1, intent: 'publish', values: FULL, notes: 'same data, new note', reason: 'typo' }), alice, db);

    const c = clock();
    const totals = await drain(db, c);
    for (const { fake } of [wecom, ding, feishu, hook]) {
      expect(fake.accepted, fake.kind).toHaveLength(1);
      expect(JSON.stringify(fake.accepted[0].body)).toMatch(/2026年第47周/);
      expect(fake.accepted[0].text).toMatch(/\/s\/[A-Za-z0-9_-]{43}\/weeks\/2026-W47/);
    }
    expect(removed.fake.requests).toBe(0);
    expect(wecom.fake.refusals).toEqual(['http 500', 'timeout', 'errcode 45009']);
    expect(ding.fake.refusals).toEqual(['errcode 130101', 'hangup']);
    expect(feishu.fake.refusals).toEqual(['code 11232', 'http 429']);
    expect(totals).toMatchObject({ sent: 4, failed: 0, lostLease: 0 });
    const digests = rows(db).filter((r) => r.kind === 'digest');
    expect(digests.map((r) => [r.status, r.attempts])).toEqual([['sent', 4], ['sent', 3], ['sent', 3], ['sent', 2]]);

    // The link is a share link owned by the channel, scoped to that week, stored only as a hash.
    const token = /\/s\/([A-Za-z0-9_-]{43})\//.exec(wecom.fake.accepted[0].text)![1];
    expect(resolveShareToken(token, db)).toMatchObject({ fromWeek: '2026-11-16', toWeek: '2026-11-16' });
    const links = db.select().from(shareLinks).all();
    expect(links.map((l) => l.channelId).sort()).toEqual([wecom.id, ding.id, feishu.id, hook.id].sort());
    expect(JSON.stringify(links)).not.toContain(token);
  }, 30_000);

  it('never retries a bad signature, a keyword or a too-long refusal', async () => {
    const db = openDb();
    const ding = await channel(db, 'dingtalk', {}, 'not-the-secret');
    const feishu = await channel(db, 'feishu', {}, 'not-the-secret');
    const wecom = await channel(db, 'wecom');
    wecom.fake.force({ code: 45002 });
    publish(db, '2026-11-16');
    const totals = await drain(db, clock(), {}, 4);
    expect(totals).toMatchObject({ sent: 0, failed: 3, retried: 0 });
    expect(ding.fake.refusals).toEqual(['errcode 310000']);
    expect(feishu.fake.refusals).toEqual(['code 19021']);
    expect(rows(db).map((r) => [r.status, r.attempts, r.lastError?.split(':')[0]])).toEqual([['failed', 1, 'errcode 310000'], ['failed', 1, 'code 19021'], ['failed', 1, 'errcode 45002']]);
  }, 30_000);

  it('a restatement of a published week sends one short note per version, not the digest again', async () => {
    const db = openDb();
    const wecom = await channel(db, 'wecom');
    publish(db, '2026-11-16');
    const c = clock();
    await drain(db, c, {}, 1);
    const restate = (version: number, value: string, reason: string) =>
      saveWeek(schema.parse({ weekStart: '2026-11-16', baseVersion: version, intent: 'publish', values: { ...FULL, health_score: { value } }, reason }), alice, db);
    expect(restate(1, '540', '健康分复核后下调')).toMatchObject({ ok: true, version: 2 });
    expect(restate(2, '545', 'second look')).toMatchObject({ ok: true, version: 3 });
    await drain(db, c, {}, 2);
    expect(wecom.fake.accepted).toHaveLength(3);
    const [note2, note3] = wecom.fake.accepted.slice(1).map((a) => a.text);
    expect(note2).toMatch(/数据更正/);
    expect(note2).toMatch(/第 2 版/);
    expect(note2).toMatch(/原因：健康分复核后下调/);
    expect(note2).not.toMatch(/本周要点/);
    expect(note2).toMatch(/\/s\/[A-Za-z0-9_-]{43}\/weeks\/2026-W47/);
    expect(note3).toMatch(/第 3 版/);
    expect(rows(db).map((r) => [r.kind, r.seq, r.status])).toEqual([['digest', 0, 'sent'], ['restated', 2, 'sent'], ['restated', 3, 'sent']]);
  }, 30_000);

  it('keeps each channel under its rate limit across the minute', async () => {
    const db = openDb();
    const wecom = await channel(db, 'wecom', { perMinute: 1000 });
    // 25 consecutive Mondays, all before the current week (a week not yet begun cannot be published).
    for (let i = 0; i < 25; i++) publish(db, addWeeks('2026-01-05', i));
    const c = clock();
    const first = await deliverDue(db, { baseUrl: BASE, allowHosts: ['127.0.0.1'], now: c.now });
    expect(first.sent).toBe(20);
    c.t += 30_000;
    expect((await deliverDue(db, { baseUrl: BASE, allowHosts: ['127.0.0.1'], now: c.now })).sent).toBe(0);
    c.t += 31_000;
    expect((await deliverDue(db, { baseUrl: BASE, allowHosts: ['127.0.0.1'], now: c.now })).sent).toBe(5);
    expect(wecom.fake.accepted).toHaveLength(25);
  }, 30_000);

  it('digest settings default to Chinese and a Friday 18:00 Asia/Shanghai reminder', () => {
    expect(getDigestSettings(openDb())).toEqual({ language: 'zh', reminder: { enabled: true, day: 5, time: '18:00', timeZone: 'Asia/Shanghai' } });
  });

  it('sends the reminder once a week when the week is not published by the reminder time, naming what is missing', async () => {
    const db = openDb();
    const wecom = await channel(db, 'wecom');
    putDigestSettings({ language: 'en', reminder: { enabled: true, day: 5, time: '18:00', timeZone: 'Asia/Shanghai' } }, db);
    saveWeek(schema.parse({ weekStart: '2026-11-16', baseVersion: 0, intent: 'draft', values: { inbound_success_rate: { value: '99.99' } } }), alice, db);
    const c = clock(Date.parse('2026-11-20T09:59:00Z'));
    await drain(db, c, {}, 1); // 17:59 in Shanghai: not yet
    expect(wecom.fake.accepted).toHaveLength(0);
    c.t = Date.parse('2026-11-20T10:00:00Z');
    await drain(db, c, {}, 3);
    expect(wecom.fake.accepted).toHaveLength(1);
    const text = wecom.fake.accepted[0].text;
    expect(text).toMatch(/Reminder: Week 47, 2026/);
    expect(text).toMatch(/- Payout effective success rate/);
    expect(text).not.toMatch(/- Pay-in effective success rate/);
    expect(text).toContain(`${BASE}/entry/2026-W47`);
  }, 30_000);

  it('refuses to send to a URL the allow-list no longer allows', async () => {
    const db = openDb();
    const wecom = await channel(db, 'wecom');
    publish(db, '2026-11-16');
    const totals = await drain(db, clock(), { allowHosts: [] }, 1);
    expect(totals.failed).toBe(1);
    expect(wecom.fake.requests).toBe(0);
    expect(rows(db)[0].lastError).toMatch(/not allowed/);
    expect(rows(db)[0].lastError).not.toContain('tok-');
  }, 30_000);

  it('a week row no report may be about, stored by hand, gets no digest and no share link', async () => {
    const db = openDb();
    const wecom = await channel(db, 'wecom');
    for (const weekStart of ['9999-12-27', '2026-13-45']) db.insert(weeks).values({ weekStart, status: 'published', publishedAt: new Date() }).run();
    expect(rows(db)).toHaveLength(2);
    const totals = await drain(db, clock(), {}, 1);
    expect(totals).toMatchObject({ sent: 0, cancelled: 2 });
    expect(wecom.fake.requests).toBe(0);
    expect(rows(db).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(db.select().from(shareLinks).all()).toEqual([]);
  }, 30_000);
});
