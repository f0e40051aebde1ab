// Issue 15: the admin actions and their schemas say everything as catalogue keys with values, and every key
// reads in both languages. Walks each schema with wrong input of every kind it can meet and fails on any
// message that is not a key (a zod default, or an English sentence), and scans the actions for literal text.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { newApiKeySchema } from '../api/scopes';
import { newChannelSchema } from '../digest/channel-input';
import { reminderSettingSchema } from '../digest/reminder';
import { newShareLinkSchema } from '../share/validation';
import { metricSchema, metricUpdateSchema, roleChangeSchema, targetSchema } from '../validation/admin';
import { loginSchema, newUserSchema } from '../validation/auth';
import { ADMIN_EN, ADMIN_ZH } from './catalogue/admin';
import { FORMS_EN } from './catalogue/forms';
import { LANGUAGE_EN } from './catalogue/language';
import { REPORT_EN } from './catalogue/report';
import { localize } from './form-labels';
import { key } from './key';
import { MESSAGES } from './messages';

const NOW = new Date('2026-11-30T10:00:00Z');
const long = (n: number) => 'x'.repeat(n);

const CASES: [string, z.ZodType, unknown[]][] = [
  ['targetSchema', targetSchema, [{}, { metricKey: '', effectiveFrom: '', target: 'x', warning: 'y' }, { metricKey: 1, effectiveFrom: 2, target: 3, warning: 4 }]],
  [
    'metricSchema',
    metricSchema,
    [
      {},
      { key: 'X', labelZh: '', labelEn: '', unit: long(13), decimals: '9', direction: 'up', kind: 'k', sortOrder: '-1', required: 'yes' },
      { key: 'ok_key', labelZh: long(61), labelEn: long(81), unit: '', decimals: 'a', direction: 'higher', kind: 'rate', sortOrder: '1.5', required: false },
      { key: 'ok_key', labelZh: 'a', labelEn: 'a', unit: '', decimals: '-1', direction: 'higher', kind: 'rate', sortOrder: '100001', required: false },
      { key: 5, labelZh: 5, labelEn: 5, unit: 5, decimals: '2.5', direction: 5, kind: 5, sortOrder: 'x', required: 5 },
    ],
  ],
  ['metricUpdateSchema', metricUpdateSchema, [{}, { key: '', version: '0', labelZh: '', labelEn: '', unit: '', decimals: '2', direction: 'x', sortOrder: '1', required: true, archived: 'no' }, { key: 'k', version: 'x' }, { key: 'k', version: '1.5' }]],
  ['roleChangeSchema', roleChangeSchema, [{}, { userId: '', role: 'root' }]],
  ['loginSchema', loginSchema, [{}, { email: 'x', password: '' }, { email: null, password: null }, { email: 'a@b.co', password: long(257) }]],
  ['newUserSchema', newUserSchema, [{}, { email: 'bad', name: long(101), role: 'root', password: 'short' }, { email: 'a@b.co', name: 5, role: 'viewer', password: long(257) }]],
  [
    'newApiKeySchema',
    newApiKeySchema(NOW),
    [{}, { label: '', scopes: [], expiresIn: '2w' }, { label: long(101), scopes: ['kpi:delete'], expiresIn: '0d' }, { label: 5, scopes: 'kpi:read', expiresIn: 5 }, { label: 'x', scopes: [5], expiresIn: '9999d' }],
  ],
  [
    'newShareLinkSchema',
    newShareLinkSchema('iso'),
    [{}, { label: '', expiresIn: '2d', fromWeek: 'nope', toWeek: long(40), asOf: 'sideways' }, { label: 'x', expiresIn: '1d', fromWeek: '2024-W10', toWeek: '2024-W01' }, { label: long(101), expiresIn: 5, fromWeek: 5 }],
  ],
  [
    'newChannelSchema',
    newChannelSchema([]),
    [
      {},
      { kind: 'x', url: '', label: '' },
      { kind: 'wecom', url: '', label: '' },
      { kind: 'wecom', url: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', label: 'x' },
      { kind: 'wecom', url: 'https://evil.example.com/x', label: 'x', secret: 'nope' },
      { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/other', label: long(101) },
      { kind: 'wecom', url: 'https://u:p@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a', label: 'x' },
      { kind: 'wecom', url: 'not a url', label: 'x' },
      { kind: 'dingtalk', url: long(2001), secret: long(201), label: 5 },
    ],
  ],
  ['reminderSettingSchema', reminderSettingSchema, [{}, { enabled: 'x', day: '9', time: '25:00', timeZone: 'Mars/Base' }, { enabled: true, day: 'x', time: 5, timeZone: 5 }, { enabled: true, day: '1.5', time: '18:00', timeZone: 'UTC' }]],
];

function isCatalogueKey(message: string): boolean {
  const [head, params] = message.split('|', 2);
  if (!(head in MESSAGES.en)) return false;
  if (params !== undefined) JSON.parse(params);
  return true;
}

describe('admin messages are catalogue keys', () => {
  for (const [name, schema, inputs] of CASES) {
    it(`${name}: every message it can give is a key, and reads in both languages`, () => {
      const messages = inputs.flatMap((input) => schema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []);
      expect(messages.length).toBeGreaterThan(0);
      const notKeys = messages.filter((m) => !isCatalogueKey(m.slice(m.indexOf(': ') + 2)));
      expect(notKeys).toEqual([]);
      // A field says each thing once.
      for (const input of inputs) {
        const said = schema.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
        expect(said.filter((m, i) => said.indexOf(m) !== i), JSON.stringify(input)).toEqual([]);
      }
      for (const m of messages) {
        const message = m.slice(m.indexOf(': ') + 2);
        for (const lang of ['en', 'zh'] as const) expect(localize(message, lang), `${message} (${lang})`).not.toMatch(/[{}]|^error\./);
      }
    });
  }

  const SOURCES = [
    'app/(app)/admin/metrics/actions.ts',
    'app/(app)/admin/targets/actions.ts',
    'app/(app)/admin/channels/actions.ts',
    'app/(app)/admin/api-keys/actions.ts',
    'app/(app)/admin/shares/actions.ts',
    'app/(app)/admin/users/actions.ts',
    'app/login/actions.ts',
    'lib/validation/admin.ts',
    'lib/validation/auth.ts',
    'lib/api/scopes.ts',
    'lib/share/validation.ts',
    'lib/digest/channel-input.ts',
    'lib/digest/reminder.ts',
  ];
  it('the admin actions and schemas hold no text of their own', () => {
    const found: string[] = [];
    for (const file of SOURCES) {
      const source = fs.readFileSync(path.resolve(process.cwd(), file), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
      // A message handed on as a literal: failure('…'), message: '…', errors.push('…'), z.enum(…, '…'), .min(1, '…').
      const literal = /(failure\(|message: |\.push\(|error: |, )(['"`])([^'"`\n]*[A-Za-z\u4e00-\u9fff][^'"`\n]*)\2/g;
      for (const m of source.matchAll(literal)) {
        const text = m[3];
        if (/\s/.test(text) || /[\u4e00-\u9fff]/.test(text) || /^[A-Z][a-z]+[.!]?$/.test(text)) found.push(`${file}: ${text}`);
      }
    }
    expect(found).toEqual([]);
  });
});

describe('the admin catalogue block', () => {
  it('has every key in English and Chinese, none empty, none shadowing another block', () => {
    expect(Object.keys(ADMIN_ZH).sort()).toEqual(Object.keys(ADMIN_EN).sort());
    for (const [k, v] of Object.entries(ADMIN_EN)) {
      expect(v.trim(), k).not.toBe('');
      expect(ADMIN_ZH[k as keyof typeof ADMIN_EN].trim(), k).not.toBe('');
      expect(MESSAGES.en[k as keyof typeof ADMIN_EN], k).toBe(v);
      for (const other of [FORMS_EN, LANGUAGE_EN, REPORT_EN]) expect(k in other, `${k} is also in another block`).toBe(false);
    }
  });

  // Identifiers a reader types or configures stay as they are: the https scheme, an environment variable, a
  // time-zone name. Every other Chinese message is Chinese only.
  const TECHNICAL = new Set<string>(['error.channel.scheme', 'error.channel.host', 'error.reminder.timeZone']);
  it('reads in Chinese without Latin words, apart from week labels and named identifiers', () => {
    const latin = Object.entries(ADMIN_ZH)
      .filter(([k]) => !TECHNICAL.has(k))
      .map(([k, v]) => [k, v.replace(/\{\w+\}/g, '').replace(/\b\d{4}-W\d{2}\b/g, '')])
      .filter(([, v]) => /[A-Za-z]/.test(v));
    expect(latin).toEqual([]);
  });

  it('renders in English as the admin pages and the command line always said it', () => {
    expect(localize(key('error.auth.passwordShort'), 'en')).toBe('Use at least 12 characters.');
    expect(localize(key('targets.set', { week: '2024-W27' }), 'en')).toBe('Target set from 2024-W27 on.');
    expect(localize(key('channels.added', { label: 'Ops' }), 'en')).toBe('Added "Ops". Each published week now goes there.');
    expect(localize(key('error.share.week', { value: 'nope' }), 'en')).toBe('"nope" is not a week; use a label such as 2024-W07.');
    expect(localize(key('error.apiKey.noScope', { scopes: 'kpi:write, kpi:read, report:publish' }), 'en')).toBe('Choose at least one scope: kpi:write, kpi:read, report:publish.');
    expect(localize(key('targets.set', { week: '2024-W27' }), 'zh')).toBe('目标已设置，自 2024-W27 起生效。');
  });
});
