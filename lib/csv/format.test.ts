import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { csvField, formatWideCsv, plainNumber, type WideCsvWeek } from './format';
import { validateWideCsv, type CsvMetric } from './validate';

const METRICS: CsvMetric[] = DEFAULT_METRICS.map(({ key, kind, decimals }) => ({ key, kind, decimals }));

describe('plainNumber', () => {
  it('writes the number as stored, without float noise', () => {
    expect(plainNumber(99.995)).toBe('99.995');
    expect(plainNumber(0.1 + 0.2)).toBe('0.30000000000000004'); // as stored: it is not 0.3
    expect(plainNumber(100)).toBe('100');
    expect(plainNumber(-0)).toBe('0');
  });

  it('writes exponent forms out in full, and they read back exactly', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(1.5e-7)).toBe('0.00000015');
    expect(plainNumber(-2.5e-10)).toBe('-0.00000000025');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(1.2345e25)).toBe('12345000000000000000000000');
    for (const n of [5e-324, 1.7976931348623157e308, 1e-7, 123456789e-20, 3.3e21]) {
      expect(Number(plainNumber(n))).toBe(n);
      expect(plainNumber(n)).not.toMatch(/e/i);
    }
  });

  it('writes nothing for a non-finite number', () => {
    expect(plainNumber(Number.NaN)).toBe('');
    expect(plainNumber(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('csvField', () => {
  it('quotes only when needed', () => {
    expect(csvField('2023-W29')).toBe('2023-W29');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });
});

describe('formatWideCsv', () => {
  const weeks: WideCsvWeek[] = [
    {
      weekStart: '2023-07-10',
      values: {
        inbound_success_rate: { value: 99.995 },
        incidents_a: { value: 0 },
        hive_migration_progress: { value: 77.8, done: 7, total: 9 },
        data_classification_progress: { value: 40, done: null, total: 120 },
      },
    },
    { weekStart: '2026-12-28', values: { health_score: { value: 612.5 } } },
  ];

  it('writes the header, one row per week with its label, CRLF and a BOM', () => {
    const text = formatWideCsv(weeks, { metrics: METRICS, numbering: 'jan1' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines).toEqual([
      'week,inbound_success_rate,outbound_success_rate,first_attempt_success_rate,availability,incidents_a,incidents_b,' +
        'incidents_c,incidents_d,health_score,hive_overall_progress,hive_overall_progress_done,hive_overall_progress_total,' +
        'hive_migration_progress,hive_migration_progress_done,hive_migration_progress_total,data_classification_progress,' +
        'data_classification_progress_done,data_classification_progress_total',
      '2023-W29,99.995,,,,0,,,,,,,,77.8,7,9,40,,120',
      '2027-W01,,,,,,,,,612.5,,,,,,,,,',
      '',
    ]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('labels weeks under the numbering asked for, and leaves out the BOM on request', () => {
    const text = formatWideCsv(weeks, {
      metrics: [{ key: 'health_score', kind: 'score', decimals: 0 }],
      numbering: 'iso',
      bom: false,
    });
    expect(text).toBe('week,health_score\r\n2023-W28,\r\n2026-W53,612.5\r\n');
  });

  it('reads back through validateWideCsv to the same values', () => {
    for (const numbering of ['jan1', 'iso'] as const) {
      const r = validateWideCsv(formatWideCsv(weeks, { metrics: METRICS, numbering }), { metrics: METRICS, numbering });
      expect(r).toEqual({
        ok: true,
        rows: [
          {
            weekStart: '2023-07-10',
            line: 2,
            values: {
              inbound_success_rate: { value: 99.995 },
              incidents_a: { value: 0 },
              hive_migration_progress: { value: 77.8, done: 7, total: 9 },
              data_classification_progress: { value: 40, total: 120 },
            },
          },
          { weekStart: '2026-12-28', line: 3, values: { health_score: { value: 612.5 } } },
        ],
      });
    }
  });
});
