import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from './constants';
import { formatDelta, formatMetricValue, formatMinutes, formatNumber, roundTo, truncateTo } from './format';
import { metricDelta } from './kpi/delta';

const metric = (key: string) => {
  const m = DEFAULT_METRICS.find((d) => d.key === key);
  if (!m) throw new Error(key);
  return m;
};

describe('truncateTo', () => {
  it('never rounds up', () => {
    expect(truncateTo(99.9995, 3)).toBe(99.999);
    expect(truncateTo(99.99999, 3)).toBe(99.999);
    expect(truncateTo(99.9999999999, 3)).toBe(99.999);
    expect(truncateTo(52.499, 2)).toBe(52.49);
  });

  it('does not lose a digit to float error', () => {
    // 0.57 * 100 is 56.99999999999999 in binary: a naive Math.trunc(v * 100) / 100 shows 0.56.
    expect(truncateTo(0.57, 2)).toBe(0.57);
    expect(formatNumber(0.57, 2, 'en', true)).toBe('0.57');
    expect(truncateTo(64.1, 1)).toBe(64.1);
    expect(formatNumber(64.1, 1, 'zh', true)).toBe('64.1');
    // (1 - 11 / 100000) * 100 is 99.98899999999999: the availability it stands for reads 99.989%, not 99.988%.
    expect(truncateTo((1 - 11 / 100000) * 100, 3)).toBe(99.989);
    expect(formatNumber((1 - 11 / 100000) * 100, 3, 'en', true)).toBe('99.989');
    expect(truncateTo(99.997, 3)).toBe(99.997);
  });

  it('truncates toward zero and never yields -0', () => {
    expect(truncateTo(-1.29, 1)).toBe(-1.2);
    expect(Object.is(truncateTo(-0.0001, 2), 0)).toBe(true);
    expect(truncateTo(5, 0)).toBe(5);
  });

  it('rejects impossible decimals and passes non-finite values through', () => {
    expect(() => truncateTo(1, -1)).toThrow(RangeError);
    expect(() => truncateTo(1, 1.5)).toThrow(RangeError);
    expect(truncateTo(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero at the decimal value, not the binary one', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(99.99000000001, 2)).toBe(99.99);
    expect(roundTo(99.99 - 99.97, 2)).toBe(0.02);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
  });
});

describe('formatMetricValue', () => {
  it('never shows a percentage short of 100 as 100, even on rounded metrics', () => {
    expect(formatMetricValue(99.995, { decimals: 2, unit: '%' }, 'en')).toBe('99.99%');
    expect(formatMetricValue(99.985, { decimals: 2, unit: '%' }, 'en')).toBe('99.99%');
    expect(formatMetricValue(100, { decimals: 2, unit: '%' }, 'en')).toBe('100.00%');
    expect(formatMetricValue(599.6, { decimals: 0, unit: 'pts' }, 'en')).toBe('600 pts');
  });

  it('formats the catalogue metrics', () => {
    expect(formatMetricValue(99.99, metric('inbound_success_rate'), 'en')).toBe('99.99%');
    expect(formatMetricValue(52.49, metric('inbound_success_rate'), 'zh')).toBe('52.49%');
    expect(formatMetricValue(99.5, metric('inbound_success_rate'), 'en')).toBe('99.50%');
    expect(formatMetricValue(2, metric('incidents_a'), 'en')).toBe('2');
    expect(formatMetricValue(488, { decimals: 0, truncate: false, unit: '' }, 'zh')).toBe('488');
    expect(formatMetricValue(72.35, metric('hive_overall_progress'), 'en')).toBe('72.4%');
  });

  it('truncates availability: 99.9995 reads 99.999%, never 100.000%', () => {
    const availability = metric('availability');
    expect(formatMetricValue(99.9995, availability, 'en')).toBe('99.999%');
    expect(formatMetricValue(99.99999, availability, 'zh')).toBe('99.999%');
    expect(formatMetricValue(100, availability, 'en')).toBe('100.000%');
    expect(formatMetricValue(99.98899999999999, availability, 'en')).toBe('99.989%');
  });

  it('rounds when not truncating', () => {
    expect(formatMetricValue(99.986, { decimals: 2, unit: '%' }, 'en')).toBe('99.99%');
    expect(formatMetricValue(1.005, { decimals: 2 }, 'en')).toBe('1.01');
    expect(formatMetricValue(-0.001, { decimals: 2 }, 'en')).toBe('0.00');
  });

  it('groups thousands per locale', () => {
    expect(formatMetricValue(1234, metric('incidents_c'), 'en')).toBe('1,234');
    expect(formatMetricValue(1234567.5, { decimals: 1 }, 'zh')).toBe('1,234,567.5');
    expect(formatNumber(-1234.5, 2, 'en')).toBe('-1,234.50');
  });

  it('shows points as "pts" in English and 分 in Chinese', () => {
    expect(formatMetricValue(612, metric('health_score'), 'en')).toBe('612 pts');
    expect(formatMetricValue(612, metric('health_score'), 'zh')).toBe('612分');
    expect(formatMetricValue(3, { decimals: 0, unit: 'ms' }, 'en')).toBe('3 ms');
  });

  it('shows a dash for missing values', () => {
    expect(formatMetricValue(null, metric('availability'), 'en')).toBe('—');
    expect(formatMetricValue(undefined, metric('availability'), 'zh')).toBe('—');
    expect(formatMetricValue(Number.NaN, metric('availability'), 'en')).toBe('—');
  });
});

describe('formatDelta', () => {
  const inbound = metric('inbound_success_rate');
  it('shows rate changes in percentage points', () => {
    const d = metricDelta(99.99, 99.97, inbound);
    expect(formatDelta(d, inbound, 'en')).toBe('+0.02 pp');
    expect(formatDelta(d, inbound, 'zh')).toBe('+0.02个百分点');
    expect(formatDelta(metricDelta(99.9, 100, inbound), inbound, 'en')).toBe('\u22120.10 pp');
  });

  it('shows counts and scores as signed numbers', () => {
    const c = metric('incidents_c');
    expect(formatDelta(metricDelta(1, 4, c), c, 'en')).toBe('\u22123');
    expect(formatDelta(metricDelta(1240, 3, c), c, 'zh')).toBe('+1,237');
    const h = metric('health_score');
    expect(formatDelta(metricDelta(612, 600, h), h, 'en')).toBe('+12 pts');
    expect(formatDelta(metricDelta(612, 600, h), h, 'zh')).toBe('+12分');
  });

  it('shows no sign when flat and a dash when missing', () => {
    expect(formatDelta(metricDelta(99.991, 99.99, inbound), inbound, 'en')).toBe('0.00 pp');
    expect(formatDelta(metricDelta(2, 2, metric('incidents_a')), metric('incidents_a'), 'en')).toBe('0');
    expect(formatDelta(null, inbound, 'en')).toBe('—');
  });
});

describe('formatMinutes', () => {
  it('formats minutes per locale', () => {
    expect(formatMinutes(12.345, 'en')).toBe('12.3 min');
    expect(formatMinutes(12.345, 'zh')).toBe('12.3分钟');
    expect(formatMinutes(52.56, 'en', 2)).toBe('52.56 min');
    expect(formatMinutes(1234.5, 'en')).toBe('1,234.5 min');
    expect(formatMinutes(0, 'zh')).toBe('0.0分钟');
  });

  it('shows an overspent budget with a minus sign, and a dash when missing', () => {
    expect(formatMinutes(-25.632, 'en')).toBe('\u221225.6 min');
    expect(formatMinutes(-0.01, 'en')).toBe('0.0 min');
    expect(formatMinutes(null, 'en')).toBe('—');
  });
});

describe('durations and units in words (issue 15)', () => {
  it('shows durations in hours and minutes in the reader’s language', async () => {
    const { formatDuration } = await import('./format');
    expect(formatDuration(125, 'zh')).toBe('2小时5分钟');
    expect(formatDuration(125, 'en')).toBe('2 h 5 min');
    expect(formatDuration(45, 'zh')).toBe('45分钟');
    expect(formatDuration(120, 'en')).toBe('2 h');
    expect(formatDuration(null, 'en')).toBe('—');
  });

  it('names a metric’s unit and precision in words', async () => {
    const { describeUnit } = await import('./format');
    expect(describeUnit({ unit: '%', decimals: 2 }, 'zh')).toBe('百分比 · 2 位小数');
    expect(describeUnit({ unit: '%', decimals: 2 }, 'en')).toBe('percentage · 2 decimals');
    expect(describeUnit({ unit: 'pts', decimals: 0 }, 'zh')).toBe('分 · 整数');
    expect(describeUnit({ unit: '', decimals: 1 }, 'en')).toBe('count · 1 decimal');
  });
});
