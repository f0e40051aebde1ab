import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_KEYS, type MetricKind } from '../constants';
import { roundTo } from '../format';
import { addWeeks, listWeeks, parseDate, WEEK_NUMBERINGS, weekStartOf, type WeekNumbering } from '../weeks';
import { formatWideCsv, type WideCsvWeek } from './format';
import { validateWideCsv, type CsvMetric, type WideCsvResult, type WideCsvValue } from './validate';

const RUNS = 1000;
const FIRST_WEEK = '1999-12-27';
const ALL_WEEKS = listWeeks(FIRST_WEEK, '2040-12-31');

// ---- Generators ----------------------------------------------------------------------------------------

const metricArb: fc.Arbitrary<Omit<CsvMetric, 'key'>> = fc.oneof(
  fc.record({ kind: fc.constantFrom<MetricKind>('rate', 'progress'), decimals: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ kind: fc.constant<MetricKind>('count'), decimals: fc.constant(0) }),
  fc.record({ kind: fc.constant<MetricKind>('score'), decimals: fc.integer({ min: 0, max: 3 }) }),
);

/** A catalogue: some of the default keys (or made-up ones), each with a random kind and decimals. */
const catalogueArb: fc.Arbitrary<CsvMetric[]> = fc
  .uniqueArray(fc.oneof(fc.constantFrom(...METRIC_KEYS), fc.stringMatching(/^m[a-z0-9]{0,6}$/)), {
    minLength: 1,
    maxLength: 14,
  })
  .chain((keys) => fc.tuple(...keys.map((key) => metricArb.map((m) => ({ key, ...m })))));

/** A number with at most `decimals` decimals, between min and max (integers k / 10^decimals). */
const decimalArb = (decimals: number, max: number) =>
  fc.integer({ min: 0, max: max * 10 ** decimals }).map((k) => k / 10 ** decimals);

const nonNegativeDouble = fc
  .double({ min: 0, max: Number.MAX_VALUE, noNaN: true, noDefaultInfinity: true })
  .map((x) => (x === 0 ? 0 : x)); // no -0

type CellValue = WideCsvWeek['values'][string];

function valueArb(m: CsvMetric): fc.Arbitrary<CellValue> {
  switch (m.kind) {
    case 'rate':
      return decimalArb(m.decimals, 100).map((value) => ({ value }));
    case 'count':
      return fc.oneof(fc.nat(10), fc.nat()).map((value) => ({ value }));
    case 'score':
      return fc.oneof(decimalArb(m.decimals, 100_000), nonNegativeDouble).map((value) => ({ value }));
    case 'progress': {
      const counts = fc
        .integer({ min: 1, max: 100_000 })
        .chain((total) => fc.record({ done: fc.integer({ min: 0, max: total }), total: fc.constant(total) }));
      return fc.oneof(
        decimalArb(m.decimals, 100).map((value) => ({ value })),
        fc
          .record({ value: decimalArb(m.decimals, 100), total: fc.integer({ min: 1, max: 10_000 }) })
          .map(({ value, total }) => ({ value, done: null, total })),
        counts.map(({ done, total }) => ({ value: roundTo((done / total) * 100, m.decimals), done, total })),
        fc.record({ value: decimalArb(m.decimals, 100), done: fc.nat(10_000) }),
      );
    }
  }
}

interface Dataset {
  metrics: CsvMetric[];
  numbering: WeekNumbering;
  weeks: WideCsvWeek[];
}

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({ metrics: catalogueArb, numbering: fc.constantFrom(...WEEK_NUMBERINGS) })
  .chain(({ metrics, numbering }) => {
    const weekArb = fc.record({
      values: fc.tuple(...metrics.map((m) => fc.option(valueArb(m), { nil: undefined, freq: 3 }))).map((cells) => {
        const values: WideCsvWeek['values'] = {};
        cells.forEach((cell, i) => {
          if (cell) values[metrics[i].key] = cell;
        });
        return values;
      }),
    });
    // Distinct weeks, in any order (the file need not be sorted).
    return fc
      .uniqueArray(fc.integer({ min: 0, max: ALL_WEEKS.length - 1 }), { minLength: 1, maxLength: 30 })
      .chain((indexes) => fc.tuple(...indexes.map(() => weekArb)).map((ws) => ({ indexes, ws })))
      .map(({ indexes, ws }) => ({
        metrics,
        numbering,
        weeks: ws.map((w, i) => ({ weekStart: ALL_WEEKS[indexes[i]], values: w.values })),
      }));
  });

/** What validateWideCsv should give back for a week: the same values, no null counts. */
function expectedValues(values: WideCsvWeek['values']): Record<string, WideCsvValue> {
  const out: Record<string, WideCsvValue> = {};
  for (const [key, v] of Object.entries(values)) {
    const entry: WideCsvValue = { value: v.value };
    if (v.done !== null && v.done !== undefined) entry.done = v.done;
    if (v.total !== null && v.total !== undefined) entry.total = v.total;
    out[key] = entry;
  }
  return out;
}

// ---- Properties ----------------------------------------------------------------------------------------

describe('round trip (property)', () => {
  it('formatWideCsv → validateWideCsv gives back exactly the same weeks and values', () => {
    fc.assert(
      fc.property(datasetArb, fc.boolean(), ({ metrics, numbering, weeks }, bom) => {
        const text = formatWideCsv(weeks, { metrics, numbering, bom });
        const r = validateWideCsv(text, { metrics, numbering });
        expect(r).toEqual({
          ok: true,
          rows: weeks.map((w, i) => ({ weekStart: w.weekStart, line: i + 2, values: expectedValues(w.values) })),
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('pins one bad cell to its line and column, whatever else the file holds', () => {
    // Wrong for every kind of column: value, done or total.
    const badCell = fc.constantFrom('abc', '-1', '1,5', '1 000', '1e3', '0x1', '--', '.', '½', '1.2.3', '12%%');
    fc.assert(
      fc.property(datasetArb, fc.nat(), fc.nat(), badCell, ({ metrics, numbering, weeks }, row, col, bad) => {
        const lines = formatWideCsv(weeks, { metrics, numbering, bom: false }).split('\r\n');
        const header = lines[0].split(',');
        const r = 1 + (row % weeks.length);
        const c = 1 + (col % (header.length - 1)); // a metric column, not `week`
        const cells = lines[r].split(',');
        cells[c] = `"${bad}"`;
        lines[r] = cells.join(',');
        expect(validateWideCsv(lines.join('\r\n'), { metrics, numbering })).toEqual({
          ok: false,
          errors: [{ line: r + 1, column: header[c], message: expect.stringContaining(JSON.stringify(bad)) }],
        });
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- Garbage -------------------------------------------------------------------------------------------

const CATALOGUE: CsvMetric[] = [
  { key: 'inbound_success_rate', kind: 'rate', decimals: 2 },
  { key: 'incidents_a', kind: 'count', decimals: 0 },
  { key: 'health_score', kind: 'score', decimals: 0 },
  { key: 'hive_overall_progress', kind: 'progress', decimals: 1 },
];

function expectWellFormed(r: WideCsvResult, text: string): void {
  const physicalLines = text.split(/\r\n|\r|\n/).length;
  if (r.ok) {
    expect(r.rows.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const row of r.rows) {
      expect(parseDate(row.weekStart)).not.toBeNull();
      expect(weekStartOf(row.weekStart)).toBe(row.weekStart);
      expect(seen.has(row.weekStart)).toBe(false);
      seen.add(row.weekStart);
      for (const [key, v] of Object.entries(row.values)) {
        const m = CATALOGUE.find((x) => x.key === key);
        expect(m).toBeDefined();
        expect(Number.isFinite(v.value) && v.value >= 0).toBe(true);
        if (m?.kind === 'count') expect(Number.isSafeInteger(v.value)).toBe(true);
        if (m?.kind === 'rate' || m?.kind === 'progress') expect(v.value).toBeLessThanOrEqual(100);
        if (v.done !== undefined && v.total !== undefined) expect(v.done).toBeLessThanOrEqual(v.total);
      }
    }
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(Number.isInteger(e.line) && e.line >= 1 && e.line <= physicalLines).toBe(true);
      expect(e.column === null || typeof e.column === 'string').toBe(true);
      expect(e.message.length).toBeGreaterThan(0);
    }
  }
}

describe('garbage in (property)', () => {
  it('never throws, and rejects arbitrary text with at least one located error', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: fc.constantFrom('a', '1', '.', ',', '"', '\r', '\n', ' ', '%', '-', '\uFEFF'), maxLength: 300 }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom(...WEEK_NUMBERINGS), (t, numbering) => {
        fc.pre(!t.includes('week')); // no week column: can never be a valid file
        const r = validateWideCsv(t, { metrics: CATALOGUE, numbering });
        expect(r.ok).toBe(false);
        expectWellFormed(r, t);
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on CSV-shaped nonsense, and whatever it accepts is well-formed', () => {
    const token = fc.constantFrom(
      'week',
      ...CATALOGUE.map((m) => m.key),
      'hive_overall_progress_done',
      'hive_overall_progress_total',
      'incidents_a_total',
      '2023-W29',
      '2023-W53',
      '2023-07-15',
      '2023-02-30',
      '99.99',
      '100',
      '100.0001',
      '5',
      '0',
      '-1',
      '1.5',
      '50%',
      '1e3',
      '',
      ' ',
      ',',
      ',',
      ',',
      '"',
      '""',
      '\n',
      '\r\n',
      '\n',
      '\uFEFF',
    );
    const text = fc.array(token, { maxLength: 80 }).map((ts) => ts.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...WEEK_NUMBERINGS), fc.integer({ min: 0, max: 5 }), (t, numbering, maxRows) => {
        expectWellFormed(validateWideCsv(t, { metrics: CATALOGUE, numbering }), t);
        expectWellFormed(validateWideCsv(t, { metrics: CATALOGUE, numbering, maxRows }), t);
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects a valid file with its header cut off', () => {
    fc.assert(
      fc.property(datasetArb, (d) => {
        const text = formatWideCsv(d.weeks, { metrics: d.metrics, numbering: d.numbering, bom: false });
        // The first data row becomes the header, and a week label or a number names no column.
        const withoutHeader = text.split('\r\n').slice(1).join('\r\n');
        const r = validateWideCsv(withoutHeader, { metrics: d.metrics, numbering: d.numbering });
        expect(r.ok).toBe(false);
        expectWellFormed(r, withoutHeader);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('round trip across the whole range', () => {
  it('reads every week of 2000–2040 back from its label under both numberings', () => {
    const metrics: CsvMetric[] = [{ key: 'incidents_a', kind: 'count', decimals: 0 }];
    for (const numbering of WEEK_NUMBERINGS) {
      const weeks = ALL_WEEKS.map((weekStart, i) => ({ weekStart, values: { incidents_a: { value: i } } }));
      const r = validateWideCsv(formatWideCsv(weeks, { metrics, numbering }), { metrics, numbering });
      expect(r.ok && r.rows.map((row) => row.weekStart)).toEqual(ALL_WEEKS);
      expect(addWeeks(FIRST_WEEK, ALL_WEEKS.length - 1)).toBe(ALL_WEEKS.at(-1));
    }
  });
});
