import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { listWeeks, weekLabel, type WeekNumbering } from '../weeks';
import { validateWideCsv, type CsvError, type CsvMetric, type WideCsvOptions, type WideCsvResult } from './validate';

const METRICS: CsvMetric[] = DEFAULT_METRICS.map(({ key, kind, decimals }) => ({ key, kind, decimals }));
const opts = (extra: Partial<WideCsvOptions> = {}): WideCsvOptions => ({ metrics: METRICS, numbering: 'jan1', ...extra });

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

function errorsOf(r: WideCsvResult): CsvError[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.rows)}`);
  return r.errors;
}

function rowsOf(r: WideCsvResult) {
  if (!r.ok) throw new Error(`expected rows, got ${JSON.stringify(r.errors)}`);
  return r.rows;
}

describe('validateWideCsv: a good file', () => {
  it('parses every row, leaving empty cells absent (never 0)', () => {
    const text =
      '\uFEFF' +
      csv(
        ' week , inbound_success_rate,incidents_a,health_score,hive_migration_progress,hive_migration_progress_done,hive_migration_progress_total',
        '2023-W28,99.99,0,612,,7,9',
        '2023-07-12,"99.95",,598.5,80.5%,,200',
        '',
        '2023-W30,,2,,,,',
      );
    expect(validateWideCsv(text, opts())).toEqual({
      ok: true,
      rows: [
        {
          weekStart: '2023-07-03',
          line: 2,
          values: {
            inbound_success_rate: { value: 99.99 },
            incidents_a: { value: 0 },
            health_score: { value: 612 },
            hive_migration_progress: { value: 77.8, done: 7, total: 9 },
          },
        },
        {
          weekStart: '2023-07-10',
          line: 3,
          values: {
            inbound_success_rate: { value: 99.95 },
            health_score: { value: 598.5 },
            hive_migration_progress: { value: 80.5, total: 200 },
          },
        },
        { weekStart: '2023-07-17', line: 5, values: { incidents_a: { value: 2 } } },
      ],
    });
  });

  it('takes LF line endings, no BOM, any column order and blank or comma-only lines', () => {
    const text = '\n\nincidents_b,week\n\n1,2023-W01\n,,\n,\n0,2023-W02';
    expect(rowsOf(validateWideCsv(text, opts()))).toEqual([
      { weekStart: '2022-12-26', line: 5, values: { incidents_b: { value: 1 } } },
      { weekStart: '2023-01-02', line: 8, values: { incidents_b: { value: 0 } } },
    ]);
  });
});

describe('validateWideCsv: errors', () => {
  it('returns every bad cell of every row, with its line and column', () => {
    const text = csv(
      'week,inbound_success_rate,incidents_a,health_score,availability',
      '2023-W28,100.5,1.5,600,99.99',
      'last week,99.9,-1,abc,99.12345',
      '2023-W30,99.9,2,"1,200",99.99',
      '2023-W31,"99,5",3%,1e3,99.5',
    );
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 2, column: 'inbound_success_rate', message: 'must be between 0 and 100: "100.5"' },
      { line: 2, column: 'incidents_a', message: 'must be a whole number, 0 or more: "1.5"' },
      { line: 3, column: 'week', message: 'not a week label or date: "last week"' },
      { line: 3, column: 'incidents_a', message: 'must be a whole number, 0 or more: "-1"' },
      { line: 3, column: 'health_score', message: 'not a number: "abc"' },
      { line: 3, column: 'availability', message: 'at most 4 decimals: "99.12345"' },
      { line: 4, column: 'health_score', message: 'write numbers without thousands separators: "1,200"' },
      { line: 5, column: 'inbound_success_rate', message: 'use a decimal point, not a comma: "99,5"' },
      { line: 5, column: 'incidents_a', message: 'a % sign is only allowed for percentages: "3%"' },
      { line: 5, column: 'health_score', message: 'not a number: "1e3"' },
    ]);
  });

  it('names an unknown column on line 1, with a hint for a near miss in letter case', () => {
    const text = csv('week,inbound_success_rate,foo,Incidents_A,incidents_a_done', '2023-W01,99,1,2,3');
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 1, column: 'foo', message: 'unknown column "foo"' },
      { line: 1, column: 'Incidents_A', message: 'unknown column "Incidents_A" (did you mean "incidents_a"?)' },
      {
        line: 1,
        column: 'incidents_a_done',
        message: '"incidents_a_done": done columns are only for progress metrics ("incidents_a" is a count)',
      },
    ]);
  });

  it('rejects duplicate columns, a missing week column and a header without metrics', () => {
    expect(errorsOf(validateWideCsv(csv('week,incidents_a, incidents_a', '2023-W01,1,1'), opts()))).toEqual([
      { line: 1, column: 'incidents_a', message: 'duplicate column "incidents_a" (also column 2)' },
    ]);
    expect(errorsOf(validateWideCsv(csv('incidents_a', '1'), opts()))).toEqual([
      { line: 1, column: null, message: 'missing the "week" column' },
    ]);
    expect(errorsOf(validateWideCsv(csv('week', '2023-W01'), opts()))).toEqual([
      { line: 1, column: null, message: 'no metric columns' },
    ]);
    expect(errorsOf(validateWideCsv(csv('week,,incidents_a', '2023-W01,,1'), opts()))).toEqual([
      { line: 1, column: null, message: 'column 2 has no name' },
    ]);
  });

  it('rejects the same week twice, naming the first line, whether by label or by date', () => {
    const text = csv('week,incidents_a', '2023-W29,1', '2023-W30,1', '2023-07-15,2', '2023-W29,3');
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 4, column: 'week', message: 'week 2023-W29 is already on line 2' },
      { line: 5, column: 'week', message: 'week 2023-W29 is already on line 2' },
    ]);
  });

  it('checks done and total: whole numbers, total above 0, done at most total', () => {
    const text = csv(
      'week,hive_overall_progress,hive_overall_progress_done,hive_overall_progress_total',
      '2023-W01,,10,9',
      '2023-W02,,1,0',
      '2023-W03,,1.5,-2',
      '2023-W04,,5,',
      '2023-W05,50,,10',
    );
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 2, column: 'hive_overall_progress_done', message: 'done (10) is more than total (9)' },
      { line: 3, column: 'hive_overall_progress_total', message: 'must be a whole number above 0: "0"' },
      { line: 4, column: 'hive_overall_progress_done', message: 'must be a whole number, 0 or more: "1.5"' },
      { line: 4, column: 'hive_overall_progress_total', message: 'must be a whole number above 0: "-2"' },
      {
        line: 5,
        column: 'hive_overall_progress',
        message: 'no value for "hive_overall_progress": give the value, or both done and total',
      },
    ]);
  });

  it('derives the value from done and total at the metric decimals, and checks a given one against them', () => {
    const metrics: CsvMetric[] = [
      { key: 'p0', kind: 'progress', decimals: 0 },
      { key: 'p2', kind: 'progress', decimals: 2 },
    ];
    const ok = csv(
      'week,p0,p0_done,p0_total,p2,p2_done,p2_total',
      '2023-W01,,1,8,,1,3', // 12.5 → 13 (half up); 33.333… → 33.33
      '2023-W02,13,1,8,33.33,1,3',
      '2023-W03,12,1,8,33.335,1,3', // both within half a unit
      '2023-W04,,0,5,,2,3',
    );
    expect(rowsOf(validateWideCsv(ok, { metrics, numbering: 'iso' })).map((r) => r.values)).toEqual([
      { p0: { value: 13, done: 1, total: 8 }, p2: { value: 33.33, done: 1, total: 3 } },
      { p0: { value: 13, done: 1, total: 8 }, p2: { value: 33.33, done: 1, total: 3 } },
      { p0: { value: 12, done: 1, total: 8 }, p2: { value: 33.335, done: 1, total: 3 } },
      { p0: { value: 0, done: 0, total: 5 }, p2: { value: 66.67, done: 2, total: 3 } },
    ]);
    const bad = csv('week,p0,p0_done,p0_total,p2,p2_done,p2_total', '2023-W01,14,1,8,33.34,1,3');
    expect(errorsOf(validateWideCsv(bad, { metrics, numbering: 'iso' }))).toEqual([
      { line: 2, column: 'p0', message: '14 does not match p0_done / p0_total = 1/8 = 13' },
      { line: 2, column: 'p2', message: '33.34 does not match p2_done / p2_total = 1/3 = 33.33' },
    ]);
  });

  it('takes done and total columns without a value column', () => {
    const text = csv('week,data_classification_progress_total,data_classification_progress_done', '2024-W10,7,3');
    expect(rowsOf(validateWideCsv(text, opts()))[0].values).toEqual({
      data_classification_progress: { value: 42.86, done: 3, total: 7 },
    });
  });

  it('accepts a trailing % (half- or full-width) on percentages only', () => {
    const text = csv('week,inbound_success_rate,outbound_success_rate,hive_overall_progress', '2023-W01,99.5%,99.95 %,70％');
    expect(rowsOf(validateWideCsv(text, opts()))[0].values).toEqual({
      inbound_success_rate: { value: 99.5 },
      outbound_success_rate: { value: 99.95 },
      hive_overall_progress: { value: 70 },
    });
    expect(errorsOf(validateWideCsv(csv('week,health_score', '2023-W01,90%'), opts()))).toEqual([
      { line: 2, column: 'health_score', message: 'a % sign is only allowed for percentages: "90%"' },
    ]);
  });

  it('takes plain decimals only', () => {
    const cells = ['1 234', '1.234.5', '0x10', 'Infinity', 'NaN', '+5', '5-', '.', '１２'];
    const text = csv('week,health_score', ...cells.map((c, i) => `2023-W${String(i + 1).padStart(2, '0')},${c}`));
    const errors = errorsOf(validateWideCsv(text, opts()));
    expect(errors.map((e) => e.line)).toEqual(cells.map((_, i) => i + 2));
    expect(errors[0].message).toBe('write numbers without thousands separators: "1 234"');
    expect(errors.every((e) => e.column === 'health_score')).toBe(true);
    // A 400-digit number is still a number, but not a finite one.
    expect(errorsOf(validateWideCsv(csv('week,health_score', `2023-W01,${'9'.repeat(400)}`), opts()))[0].message).toMatch(
      /^number too large/,
    );
    const fine = csv('week,health_score,inbound_success_rate', '2023-W01,.5,99.50000', '2023-W02,7.,0');
    expect(rowsOf(validateWideCsv(fine, opts())).map((r) => r.values)).toEqual([
      { health_score: { value: 0.5 }, inbound_success_rate: { value: 99.5 } },
      { health_score: { value: 7 }, inbound_success_rate: { value: 0 } },
    ]);
  });

  it('rejects a row with the wrong number of fields, and keeps checking the others', () => {
    const text = csv('week,incidents_a,incidents_b', '2023-W01,1', '2023-W02,1,2,3', '2023-W03,x,1');
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 2, column: null, message: 'expected 3 fields, found 2' },
      { line: 3, column: null, message: 'expected 3 fields, found 4' },
      { line: 4, column: 'incidents_a', message: 'not a number: "x"' },
    ]);
  });

  it('counts lines inside quoted fields, so later errors point at the right line', () => {
    const text = 'week,incidents_a\n"2023-\nW01",1\n2023-W02,-3\n';
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 2, column: 'week', message: 'not a week label or date: "2023-\\nW01"' },
      { line: 4, column: 'incidents_a', message: 'must be a whole number, 0 or more: "-3"' },
    ]);
  });

  it('reports an unterminated quote as an error, with the errors before it', () => {
    const text = 'week,incidents_a\n2023-W01,-1\n2023-W02,"1\n2023-W03,1\n';
    expect(errorsOf(validateWideCsv(text, opts()))).toEqual([
      { line: 2, column: 'incidents_a', message: 'must be a whole number, 0 or more: "-1"' },
      { line: 3, column: 'incidents_a', message: 'unterminated quoted field' },
    ]);
  });

  it('rejects an empty file and a file without data rows', () => {
    expect(errorsOf(validateWideCsv('', opts()))).toEqual([{ line: 1, column: null, message: 'the file is empty' }]);
    expect(errorsOf(validateWideCsv('\uFEFF\r\n \r\n', opts()))).toEqual([
      { line: 1, column: null, message: 'the file is empty' },
    ]);
    expect(errorsOf(validateWideCsv('\nweek,incidents_a\n\n,\n', opts()))).toEqual([
      { line: 2, column: null, message: 'no data rows below the header' },
    ]);
  });

  it('limits the number of rows (default 10,000)', () => {
    const weeks = listWeeks('2000-01-03', '2000-03-27'); // 13 weeks
    const text = csv('week,incidents_a', ...weeks.map((w) => `${w},0`));
    expect(errorsOf(validateWideCsv(text, opts({ maxRows: 12 })))).toEqual([
      { line: 14, column: null, message: 'too many rows: at most 12 weeks per file' },
    ]);
    expect(rowsOf(validateWideCsv(text, opts({ maxRows: 13 })))).toHaveLength(13);
    const big = csv('week,incidents_a', ...Array.from({ length: 10_001 }, (_, i) => `2000-01-01,${i}`));
    expect(errorsOf(validateWideCsv(big, opts())).at(-1)).toEqual({
      line: 10_002,
      column: null,
      message: 'too many rows: at most 10000 weeks per file',
    });
  });
});

describe('validateWideCsv: weeks', () => {
  const weekOf = (cell: string, numbering: WeekNumbering) => {
    const r = validateWideCsv(csv('week,incidents_a', `${cell},1`), opts({ numbering }));
    return r.ok ? r.rows[0].weekStart : r.errors[0].message;
  };

  it('reads a label under the configured numbering, and any date in the week under both', () => {
    expect(weekOf('2023-W29', 'jan1')).toBe('2023-07-10');
    expect(weekOf('2023-W29', 'iso')).toBe('2023-07-17');
    expect(weekOf('2023-07-12', 'jan1')).toBe('2023-07-10');
    expect(weekOf('2023-07-12', 'iso')).toBe('2023-07-10');
    expect(weekOf('2023-07-16', 'iso')).toBe('2023-07-10');
    expect(weekOf('2023/7/10', 'jan1')).toBe('2023-07-10');
  });

  it('follows each numbering across New Year', () => {
    expect(weekOf('2027-W01', 'jan1')).toBe('2026-12-28');
    expect(weekOf('2026-W53', 'iso')).toBe('2026-12-28');
    expect(weekOf('2026-W53', 'jan1')).toBe('not a week label or date: "2026-W53"');
    expect(weekOf('2024-W01', 'jan1')).toBe('2024-01-01');
    expect(weekOf('2023-02-29', 'iso')).toBe('not a week label or date: "2023-02-29"');
  });

  it('treats a label and a date of the same week as a duplicate', () => {
    for (const numbering of ['jan1', 'iso'] as const) {
      const label = weekLabel('2023-07-10', numbering);
      const text = csv('week,incidents_a', `${label},1`, '2023-07-16,1');
      expect(errorsOf(validateWideCsv(text, opts({ numbering })))).toEqual([
        { line: 3, column: 'week', message: `week ${label} is already on line 2` },
      ]);
    }
  });
});

describe('validateWideCsv: performance', () => {
  it('validates 520 weeks × 12 metrics well within a second', () => {
    const weeks = listWeeks('2014-01-06', '2023-12-18').slice(0, 520);
    expect(weeks).toHaveLength(520);
    const header = ['week'];
    for (const m of METRICS) {
      header.push(m.key);
      if (m.kind === 'progress') header.push(`${m.key}_done`, `${m.key}_total`);
    }
    const rows = weeks.map((w, i) => {
      const cells = [w];
      for (const m of METRICS) {
        if (m.kind === 'count') cells.push(String(i % 3));
        else if (m.kind === 'score') cells.push(String(500 + (i % 100)));
        else if (m.kind === 'progress') cells.push('', String(i % 50), '50');
        else cells.push((99 + (i % 100) / 100).toFixed(2));
      }
      return cells.join(',');
    });
    const text = csv(header.join(','), ...rows);
    validateWideCsv(text, opts()); // warm up
    const start = performance.now();
    const r = validateWideCsv(text, opts());
    const elapsed = performance.now() - start;
    expect(rowsOf(r)).toHaveLength(520);
    expect(Object.keys(rowsOf(r)[0].values)).toHaveLength(12);
    expect(elapsed).toBeLessThan(1000);
  });
});
