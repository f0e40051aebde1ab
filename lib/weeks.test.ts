import { describe, expect, it } from 'vitest';
import {
  addWeeks,
  formatWeek,
  formatWeekEn,
  formatWeekZh,
  listWeeks,
  parseDate,
  parseWeek,
  parseWeekLabel,
  weekEnd,
  weekLabel,
  weekStartOf,
  weeksBetween,
} from './weeks';

describe('week numbering', () => {
  it('labels 2023-07-15 as W29 under jan1 and W28 under ISO', () => {
    expect(weekLabel('2023-07-15', 'jan1')).toBe('2023-W29');
    expect(weekLabel('2023-07-15', 'iso')).toBe('2023-W28');
    expect(weekStartOf('2023-07-15')).toBe('2023-07-10');
  });

  it('puts the week holding 1 January into the new year under jan1, not under ISO', () => {
    expect(weekLabel('2026-12-28', 'jan1')).toBe('2027-W01');
    expect(weekLabel('2026-12-28', 'iso')).toBe('2026-W53');
    expect(weekLabel('2027-01-03', 'jan1')).toBe('2027-W01');
    expect(weekLabel('2026-12-27', 'jan1')).toBe('2026-W52');
  });

  it('zero-pads week numbers', () => {
    expect(weekLabel('2024-01-03', 'jan1')).toBe('2024-W01');
  });

  it('round-trips every week of 2020-2030 through its label', () => {
    for (const n of ['jan1', 'iso'] as const) {
      for (const w of listWeeks('2019-12-30', '2030-12-30')) {
        expect(parseWeekLabel(weekLabel(w, n), n)).toBe(w);
      }
    }
  });

  it('rejects weeks that do not exist and malformed labels', () => {
    expect(parseWeekLabel('2023-W54', 'jan1')).toBeNull();
    expect(parseWeekLabel('2023-W00', 'iso')).toBeNull();
    expect(parseWeekLabel('2023-W53', 'iso')).toBeNull();
    expect(parseWeekLabel('2026-W53', 'iso')).toBe('2026-12-28');
    expect(parseWeekLabel('2026-W53', 'jan1')).toBeNull();
    expect(parseWeekLabel('hello', 'jan1')).toBeNull();
  });
});

describe('parsing', () => {
  it('accepts a label or any date in the week', () => {
    expect(parseWeek('2023-W29', 'jan1')).toBe('2023-07-10');
    expect(parseWeek('2023-07-16', 'jan1')).toBe('2023-07-10');
    expect(parseWeek('2023/7/12', 'iso')).toBe('2023-07-10');
    expect(parseWeek('2023-02-30', 'iso')).toBeNull();
    expect(parseWeek('', 'iso')).toBeNull();
  });

  it('does not shift dates by the time zone', () => {
    expect(parseDate('2023-07-10')?.getDate()).toBe(10);
  });
});

describe('ranges and formats', () => {
  it('computes ends, offsets and spans', () => {
    expect(weekEnd('2023-07-10')).toBe('2023-07-16');
    expect(addWeeks('2023-07-10', -2)).toBe('2023-06-26');
    expect(weeksBetween('2023-06-26', '2023-07-10')).toBe(2);
    expect(listWeeks('2023-06-26', '2023-07-10')).toEqual(['2023-06-26', '2023-07-03', '2023-07-10']);
  });

  it('formats weeks the way the team writes them', () => {
    expect(formatWeekZh('2023-07-10', 'jan1')).toBe('2023年第29周 (07/10–07/16)');
    expect(formatWeekEn('2023-07-10', 'jan1')).toBe('Week 29, 2023 (Jul 10 – Jul 16)');
    expect(formatWeek('2023-07-10', 'iso', 'zh')).toBe('2023年第28周 (07/10–07/16)');
  });
});
