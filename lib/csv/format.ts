// Writes weeks of KPI values as the wide CSV that validateWideCsv reads back: a `week` column with the week's
// label, one column per metric, `<key>_done,<key>_total` right after each progress metric. CRLF line
// endings and a BOM by default, so Excel opens it as UTF-8.
import { weekLabel, type WeekNumbering, type WeekStart } from '../weeks';
import { AS_REPORTED_SUFFIX, DONE_SUFFIX, TOTAL_SUFFIX, WEEK_COLUMN, type CsvMetric } from './validate';

export interface WideCsvWeek {
  weekStart: WeekStart;
  values: Record<string, { value: number; done?: number | null; total?: number | null }>;
  /** Per metric, the value as first reported (snapshot v1); absent for weeks never published. */
  asReported?: Record<string, number>;
}

export interface FormatWideCsvOptions {
  metrics: readonly CsvMetric[];
  numbering: WeekNumbering;
  /** Add a `<key>__as_reported` column after each metric's columns (exports; the importer ignores them). */
  asReported?: boolean;
  /** Prefix a UTF-8 byte order mark (default true, for Excel). */
  bom?: boolean;
}

const BOM = '\uFEFF';
const EOL = '\r\n';

/** A field, quoted when it holds a comma, a quote, a line break or edge blanks (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A number as plain decimal text: the shortest text that reads back as the same double (String(99.995) =
 * "99.995"), with JavaScript's exponent form (1e-7, 1e+21) written out, since the reader takes plain decimals.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n === 0 ? 0 : n); // -0 → "0"
  const e = s.indexOf('e');
  if (e < 0) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const pointAt = (dot < 0 ? mantissa.length : dot) + exponent; // digits before the decimal point
  let out: string;
  if (pointAt <= 0) out = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return negative ? `-${out}` : out;
}

function cell(n: number | null | undefined): string {
  return n === null || n === undefined ? '' : plainNumber(n);
}

export function formatWideCsv(weeks: readonly WideCsvWeek[], opts: FormatWideCsvOptions): string {
  const header: string[] = [WEEK_COLUMN];
  for (const m of opts.metrics) {
    header.push(m.key);
    if (m.kind === 'progress') header.push(`${m.key}${DONE_SUFFIX}`, `${m.key}${TOTAL_SUFFIX}`);
    if (opts.asReported) header.push(`${m.key}${AS_REPORTED_SUFFIX}`);
  }
  const lines = [header.map(csvField).join(',')];
  for (const week of weeks) {
    const fields = [weekLabel(week.weekStart, opts.numbering)];
    for (const m of opts.metrics) {
      const v = week.values[m.key];
      fields.push(cell(v?.value));
      if (m.kind === 'progress') fields.push(cell(v?.done), cell(v?.total));
      if (opts.asReported) fields.push(cell(week.asReported?.[m.key]));
    }
    lines.push(fields.map(csvField).join(','));
  }
  return (opts.bom === false ? '' : BOM) + lines.join(EOL) + EOL;
}
