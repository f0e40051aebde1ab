import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeDigest, composeTest, type DigestData } from './compose';
import { DEFAULT_REMINDER, reminderDueWeek, reminderSettingSchema } from './reminder';
import { LIMITS, renderRequest } from './render';
import { dingtalkSign, feishuSign } from './sign';
import { backoffMs, judgeAnswer } from './transport';
import { fitWithTail, truncateUtf8, utf8Bytes } from './truncate';
import { checkWebhookUrl, maskUrl } from './url-policy';

const SECRET = 'SEC1234567890abcdef';
const TS_MS = 1_700_000_000_000;

describe('signers', () => {
  it('DingTalk: urlencode(base64(HMAC-SHA256(key = secret, message = timestamp_ms + "\\n" + secret)))', () => {
    const expected = encodeURIComponent(createHmac('sha256', SECRET).update(`${TS_MS}\n${SECRET}`).digest('base64'));
    expect(dingtalkSign(SECRET, TS_MS)).toBe(expected);
    expect(dingtalkSign(SECRET, TS_MS)).toBe('RqBq3E1RTBDv3n2QBCh4adZ2WHk9mVklyUoDBLxarjI%3D');
  });

  it('Feishu: base64(HMAC-SHA256(key = timestamp_s + "\\n" + secret, message = empty))', () => {
    const expected = createHmac('sha256', `${TS_MS / 1000}\n${SECRET}`).update('').digest('base64');
    expect(feishuSign(SECRET, TS_MS / 1000)).toBe(expected);
    expect(feishuSign(SECRET, TS_MS / 1000)).toBe('q8Irq6jvUWZylp2Ox+urXynCLWrdgv6AW58ufc48Reo=');
  });

  it('catches the two schemes swapped (key and message exchanged, or the other timestamp unit)', () => {
    const swappedForDing = encodeURIComponent(createHmac('sha256', `${TS_MS}\n${SECRET}`).update('').digest('base64'));
    const swappedForFeishu = createHmac('sha256', SECRET).update(`${TS_MS / 1000}\n${SECRET}`).digest('base64');
    expect(dingtalkSign(SECRET, TS_MS)).not.toBe(swappedForDing);
    expect(feishuSign(SECRET, TS_MS / 1000)).not.toBe(swappedForFeishu);
    expect(feishuSign(SECRET, TS_MS)).not.toBe(feishuSign(SECRET, TS_MS / 1000));
    // Only DingTalk's is URL-encoded: it travels in the query string.
    expect(feishuSign(SECRET, TS_MS / 1000)).toMatch(/[+=]/);
    expect(dingtalkSign(SECRET, TS_MS)).not.toMatch(/[+/=]/);
  });
});

describe('byte-limit truncation', () => {
  it('counts UTF-8 bytes and never cuts a CJK character or an emoji', () => {
    expect(utf8Bytes('出金')).toBe(6);
    expect(truncateUtf8('出金有效', 7)).toBe('出金');
    expect(truncateUtf8('ok👍🏽!', 6)).toBe('ok');
    expect(truncateUtf8('ok👍🏽!', 10)).toBe('ok👍🏽');
    expect(truncateUtf8('👨‍👩‍👧x', 18)).toBe('👨‍👩‍👧');
    expect(truncateUtf8('👨‍👩‍👧x', 17)).toBe('');
    expect(truncateUtf8('abc', 10)).toBe('abc');
  });

  it('keeps the link whole and marks the cut', () => {
    const link = '\n\n[查看本周](https://kpi.example.com/s/abc)';
    const out = fitWithTail('指标行\n'.repeat(500), link, 300);
    expect(utf8Bytes(out)).toBeLessThanOrEqual(300);
    expect(out.endsWith(link)).toBe(true);
    expect(out).toContain('…');
    expect(out).not.toMatch(/\uFFFD/);
    expect(fitWithTail('short', link, 300)).toBe(`short${link}`);
  });
});

const data = (over: Partial<DigestData> = {}): DigestData => ({
  lang: 'zh',
  week: '2026年第47周 (11/16–11/22)',
  weekStart: '2026-11-16',
  highlights: ['出金有效成功率 99.93%，连续2周低于目标 99.95%'],
  kpis: [
    { label: '出金有效成功率', value: '99.93%', target: '99.95%', status: 'missed' },
    { label: '健康分', value: '600分', target: '600分', status: 'met' },
  ],
  incidents: { A: 0, B: 1, C: 2, D: 0, ungraded: 1 },
  link: 'http://localhost:3160/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  ...over,
});

describe('renderers', () => {
  it('WeCom: markdown content with the week, highlights, marks, incidents and the link, ≤ 4096 bytes', () => {
    const req = renderRequest('wecom', composeDigest(data()), { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K', secret: null });
    const body = JSON.parse(req.body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.content).toContain('2026年第47周');
    expect(body.markdown.content).toContain('❌ 出金有效成功率：99.93%（目标 99.95%）');
    expect(body.markdown.content).toContain('A级 0 · B级 1 · C级 2 · D级 0 · 未定级 1');
    expect(body.markdown.content).toContain('(http://localhost:3160/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA)');
  });

  it('every kind stays within its limit for an enormous digest and keeps the link', () => {
    const huge = composeDigest(data({ highlights: Array.from({ length: 800 }, (_, i) => `要点 ${i} 🚀 "引号" \\ 与换行`) }));
    for (const kind of ['wecom', 'dingtalk', 'feishu'] as const) {
      const req = renderRequest(kind, huge, { url: 'http://127.0.0.1/x', secret: 'S' }, TS_MS);
      const body = JSON.parse(req.body);
      const text: string = kind === 'wecom' ? body.markdown.content : kind === 'dingtalk' ? body.markdown.text : body.card.elements[0].content;
      expect(text).toContain(huge.link);
      expect(text).not.toMatch(/\uFFFD/);
      if (kind === 'wecom') expect(utf8Bytes(text)).toBeLessThanOrEqual(LIMITS.wecom);
      if (kind === 'dingtalk') expect(utf8Bytes(text)).toBeLessThanOrEqual(LIMITS.dingtalk);
      if (kind === 'feishu') expect(utf8Bytes(req.body)).toBeLessThanOrEqual(LIMITS.feishu);
    }
  });

  it('DingTalk: title + text, timestamp and URL-encoded sign in the query', () => {
    const req = renderRequest('dingtalk', composeDigest(data()), { url: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: SECRET }, TS_MS);
    const url = new URL(req.url);
    expect(url.searchParams.get('access_token')).toBe('T');
    expect(url.searchParams.get('timestamp')).toBe(String(TS_MS));
    expect(url.searchParams.get('sign')).toBe(decodeURIComponent(dingtalkSign(SECRET, TS_MS)));
    const body = JSON.parse(req.body);
    expect(body.msgtype).toBe('markdown');
    expect(body.markdown.title).toBe('支付运营周报 · 2026年第47周 (11/16–11/22)');
  });

  it('Feishu: an interactive card with timestamp (seconds, a string) and sign in the body', () => {
    const req = renderRequest('feishu', composeDigest(data({ lang: 'en' })), { url: 'https://open.feishu.cn/open-apis/bot/v2/hook/X', secret: SECRET }, TS_MS);
    const body = JSON.parse(req.body);
    expect(body).toMatchObject({ msg_type: 'interactive', timestamp: String(TS_MS / 1000), sign: feishuSign(SECRET, TS_MS / 1000) });
    expect(body.card.elements[1].actions[0].url).toBe(data().link);
  });

  it('generic webhook: JSON with the structured digest', () => {
    const body = JSON.parse(renderRequest('webhook', composeDigest(data()), { url: 'https://hooks.example.com/x', secret: null }).body);
    expect(body).toMatchObject({ event: 'digest', week: '2026-11-16', link: data().link, incidents: { B: 1 } });
    expect(JSON.parse(renderRequest('webhook', composeTest('en'), { url: 'https://h/x', secret: null }).body).title).toBe('Weekline test message');
  });
});

describe('host allow-list', () => {
  it('allows only the providers’ robot endpoints over https by default', () => {
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', []).ok).toBe(true);
    expect(checkWebhookUrl('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abc', []).ok).toBe(true);
    expect(checkWebhookUrl('feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/abc-1', []).ok).toBe(true);
    expect(checkWebhookUrl('wecom', 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc', [])).toEqual({ ok: false, reason: 'scheme' });
    expect(checkWebhookUrl('wecom', 'https://oapi.dingtalk.com/robot/send?access_token=abc', [])).toEqual({ ok: false, reason: 'host' });
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com.evil.com/cgi-bin/webhook/send?key=a', [])).toEqual({ ok: false, reason: 'host' });
    expect(checkWebhookUrl('wecom', 'https://u:p@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a', [])).toEqual({ ok: false, reason: 'credentials' });
    expect(checkWebhookUrl('wecom', 'https://qyapi.weixin.qq.com/other', [])).toEqual({ ok: false, reason: 'path' });
    expect(checkWebhookUrl('webhook', 'https://hooks.example.com/x', [])).toEqual({ ok: false, reason: 'host' });
    expect(checkWebhookUrl('webhook', 'http://127.0.0.1:8080/x', [])).toEqual({ ok: false, reason: 'host' });
    expect(checkWebhookUrl('feishu', 'not a url', [])).toEqual({ ok: false, reason: 'invalid' });
  });

  it('WEBHOOK_ALLOW_HOSTS lets listed hosts in over http or https, nothing else', () => {
    expect(checkWebhookUrl('wecom', 'http://127.0.0.1:8080/cgi-bin/webhook/send?key=k', ['127.0.0.1']).ok).toBe(true);
    expect(checkWebhookUrl('webhook', 'https://hooks.example.com/x', ['hooks.example.com']).ok).toBe(true);
    expect(checkWebhookUrl('webhook', 'ftp://hooks.example.com/x', ['hooks.example.com'])).toEqual({ ok: false, reason: 'scheme' });
    expect(checkWebhookUrl('webhook', 'http://localhost/x', ['127.0.0.1'])).toEqual({ ok: false, reason: 'host' });
  });

  it('shows only the host and the last 4 characters of the key', () => {
    expect(maskUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe('https://qyapi.weixin.qq.com/…****5aaa');
    expect(maskUrl('https://open.feishu.cn/open-apis/bot/v2/hook/secret-token-9876')).toBe('https://open.feishu.cn/…****9876');
  });
});

describe('provider answers', () => {
  it('errcode/code ≠ 0 inside HTTP 200 is a failure; rate-limit codes retry, signature and length errors do not', () => {
    expect(judgeAnswer('wecom', 200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(judgeAnswer('wecom', 200, '{"errcode":45009,"errmsg":"api freq out of limit"}')).toMatchObject({ ok: false, retry: true });
    expect(judgeAnswer('wecom', 200, '{"errcode":45002,"errmsg":"content too long"}')).toMatchObject({ ok: false, retry: false });
    expect(judgeAnswer('dingtalk', 200, '{"errcode":130101,"errmsg":"send too fast"}')).toMatchObject({ retry: true });
    expect(judgeAnswer('dingtalk', 200, '{"errcode":310000,"errmsg":"sign not match"}')).toMatchObject({ retry: false });
    expect(judgeAnswer('feishu', 200, '{"code":19021,"msg":"sign match fail"}')).toMatchObject({ retry: false });
    expect(judgeAnswer('feishu', 200, '{"code":11232,"msg":"frequency limited"}')).toMatchObject({ retry: true });
    expect(judgeAnswer('feishu', 200, '{"code":0,"msg":"success"}')).toEqual({ ok: true });
    expect(judgeAnswer('wecom', 503, '')).toMatchObject({ retry: true });
    expect(judgeAnswer('wecom', 429, '', '7')).toMatchObject({ retry: true, retryAfterMs: 7000 });
    expect(judgeAnswer('wecom', 404, '')).toMatchObject({ retry: false });
    expect(judgeAnswer('webhook', 204, '')).toEqual({ ok: true });
  });

  it('backs off exponentially, capped, and never sooner than Retry-After', () => {
    const opts = { baseMs: 1000, maxMs: 60_000, random: () => 0.5 };
    expect([1, 2, 3, 10].map((a) => backoffMs(a, opts))).toEqual([1000, 2000, 4000, 60_000]);
    expect(backoffMs(1, { ...opts, retryAfterMs: 30_000 })).toBe(30_000);
  });
});

describe('reminder time', () => {
  it('is due from Friday 18:00 Asia/Shanghai until the week ends, in that zone', () => {
    // Friday 2026-11-20 17:59 in Shanghai is 09:59 UTC.
    expect(reminderDueWeek(new Date('2026-11-20T09:59:00Z'), DEFAULT_REMINDER)).toBeNull();
    expect(reminderDueWeek(new Date('2026-11-20T10:00:00Z'), DEFAULT_REMINDER)).toBe('2026-11-16');
    expect(reminderDueWeek(new Date('2026-11-22T15:59:00Z'), DEFAULT_REMINDER)).toBe('2026-11-16');
    // Sunday 16:00 UTC is already Monday in Shanghai: a new week, not due yet.
    expect(reminderDueWeek(new Date('2026-11-22T16:00:00Z'), DEFAULT_REMINDER)).toBeNull();
    expect(reminderDueWeek(new Date('2026-11-20T10:00:00Z'), { ...DEFAULT_REMINDER, enabled: false })).toBeNull();
  });

  it('validates the setting', () => {
    expect(reminderSettingSchema.safeParse({ enabled: true, day: 8, time: '25:00', timeZone: 'Mars/Base' }).error?.issues.map((i) => i.path[0]).sort()).toEqual(['day', 'time', 'timeZone']);
  });
});
