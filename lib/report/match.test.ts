import { describe, expect, it } from 'vitest';
import { bestMatch, dice, normaliseTitle } from './match';

const existing = [
  { id: 1, title: '新支付能力建设' },
  { id: 2, title: 'A. 支付账户2.0升级' },
  { id: 3, title: 'HIVE标准数仓建设' },
  { id: 4, title: '小贝帮帮项目' },
];

describe('title matcher (bigram Dice ≥ 0.6)', () => {
  it('normalises width, case, group letters and punctuation', () => {
    expect(normaliseTitle('Ａ．支付账户 2.0 升级！')).toBe('支付账户20升级');
    expect(dice('HIVE 标准数仓建设', 'hive标准数仓建设')).toBe(1);
  });

  it('matches a reworded title to the initiative it continues', () => {
    expect(bestMatch('支付账户2.0升级', existing)).toMatchObject({ id: 2, score: 1 });
    expect(bestMatch('新支付能力建设项目', existing)?.id).toBe(1);
    expect(bestMatch('C. HIVE标准数仓建设', existing)?.id).toBe(3);
  });

  it('says "new" (null) below the threshold, and never reuses a taken initiative', () => {
    expect(bestMatch('POS收单系统建设', existing)).toBeNull();
    expect(bestMatch('支付', existing)).toBeNull();
    expect(bestMatch('新支付能力建设', existing, new Set([1]))).toBeNull();
    expect(dice('', '新支付')).toBe(0);
  });

  it('is symmetric and scores 0–1', () => {
    for (const [a, b] of [['新支付能力建设', '支付能力建设'], ['账户', '账户升级'], ['abc', 'xyz']]) {
      expect(dice(a, b)).toBe(dice(b, a));
      expect(dice(a, b)).toBeGreaterThanOrEqual(0);
      expect(dice(a, b)).toBeLessThanOrEqual(1);
    }
  });
});
