import { describe, expect, it } from 'vitest';
import { newShareLinkSchema } from '../share/validation';
import { metricSchema } from './admin';
import { stripControls } from './text';

describe('stripControls (issue 11 item 9)', () => {
  it('removes every C0 control and DEL but keeps tab and newline, and turns CR/CRLF into LF', () => {
    const all = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';
    expect(stripControls(`x${all}y`)).toBe('x\t\n\ny'); // LF stays, the lone CR (13) becomes LF
    expect(stripControls('a\r\nb\rc')).toBe('a\nb\nc');
    expect(stripControls('周报 ok\u00a0é')).toBe('周报 ok\u00a0é');
  });
});

describe('labels refuse to carry control characters', () => {
  it('strips them from share-link and metric labels', () => {
    expect(newShareLinkSchema('jan1').parse({ label: 'ops\u0000 team\u001b', expiresIn: '30d' }).label).toBe('ops team');
    const metric = { key: 'refund_rate', labelZh: '退款\u0000率', labelEn: 'Refund\u0008 rate', unit: '%\u0000', decimals: '2', direction: 'higher', kind: 'rate', sortOrder: '1', required: false };
    expect(metricSchema.parse(metric)).toMatchObject({ labelZh: '退款率', labelEn: 'Refund rate', unit: '%' });
  });
});
