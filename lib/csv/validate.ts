// Validates a wide KPI CSV (one row per week, one column per metric) against the metric catalogue.
// Pure: no database. Every problem in the file is reported at once, each with its line and column,
// so a user can fix the whole file in one pass.
import type { MetricKind } from '../constants';
import { roundTo } from '../format';
import { parseWeek, weekLabel, type WeekNumbering, type WeekStart } from '../weeks';
import { doneCellSchema, readCell, totalCellSchema, valueCellSchema, type CellSchema } from './cells';
import { isBlankRow, parseCsvRows } from './parse';

/** What the CSV needs to know of a metric (a subset of `Metric` from db/queries/catalogue). */
export interface CsvMetric {
  key: string;
  kind: MetricKind;
  decimals: number;
}

export interface WideCsvOptions {
  metrics: readonly CsvMetric[];
  numbering: WeekNumbering;
  /** Data rows allowed (blank lines aside); default {@link DEFAULT_MAX_ROWS}. */
  maxRows?: number;
}

export interface CsvError {
  /** 1-based line in the file (a record with a quoted line break is counted from its first line). */
  line: number;
  /** The column's name as written in the header, or null when the problem is not one cell's. */
  column: string | null;
  message: string;
}

export interface WideCsvValue {
  value: number;
  done?: number;
  total?: number;
}

export interface WideCsvRow {
  weekStart: WeekStart;
  line: number;
  /** Only the metrics the row gives; an empty cell is absent, never 0. */
  values: Record<string, WideCsvValue>;
}

export type WideCsvResult = { ok: true; rows: WideCsvRow[] } | { ok: false; errors: CsvError[] };

export const DEFAULT_MAX_ROWS = 10_000;
export const WEEK_COLUMN = 'week';
export const DONE_SUFFIX = '_done';
export const TOTAL_SUFFIX = '_total';
/** Exported beside a metric: its value as first reported (snapshot v1). Read back, it is ignored: history is not imported. */
export const AS_REPORTED_SUFFIX = '__as_reported';

type Role = 'value' | 'done' | 'total';

interface MetricColumns {
  metric: CsvMetric;
  value: number | null;
  done: number | null;
  total: number | null;
  valueSchema: CellSchema;
}

const MAX_QUOTED = 40;

/** A cell as shown in a message: quoted, escaped, cut short when long. */
function quote(raw: string): string {
  const s = raw.length > MAX_QUOTED ? `${raw.slice(0, MAX_QUOTED)}…` : raw;
  return JSON.stringify(s);
}

/** done / total as a percentage, rounded to `decimals`. */
function derivePercent(done: number, total: number, decimals: number): number {
  return roundTo((done / total) * 100, decimals);
}

/** Whether a stated percentage is within half a unit of `decimals` of done / total. */
function agrees(value: number, done: number, total: number, decimals: number): boolean {
  return Math.abs(value - (done / total) * 100) <= 0.5 * 10 ** -decimals + 1e-9;
}

function formatPercent(done: number, total: number, decimals: number): string {
  return String(derivePercent(done, total, decimals));
}

type Column =
  | { kind: 'week' }
  | { kind: 'metric'; metric: CsvMetric; role: Role }
  | { kind: 'invalid'; message: string }
  | { kind: 'ignored' };

/** What a (trimmed, non-empty) header name stands for. Keys are case-sensitive. */
function classifyColumn(name: string, byKey: ReadonlyMap<string, CsvMetric>): Column {
  if (name === WEEK_COLUMN) return { kind: 'week' };
  const exact = byKey.get(name);
  if (exact) return { kind: 'metric', metric: exact, role: 'value' };
  if (name.endsWith(AS_REPORTED_SUFFIX) && byKey.has(name.slice(0, -AS_REPORTED_SUFFIX.length))) return { kind: 'ignored' };
  for (const [suffix, role] of [
    [DONE_SUFFIX, 'done'],
    [TOTAL_SUFFIX, 'total'],
  ] as const) {
    if (!name.endsWith(suffix)) continue;
    const base = byKey.get(name.slice(0, -suffix.length));
    if (!base) continue;
    if (base.kind === 'progress') return { kind: 'metric', metric: base, role };
    return { kind: 'invalid', message: `"${name}": ${role} columns are only for progress metrics ("${base.key}" is a ${base.kind})` };
  }
  // A near miss in letter case gets a hint.
  const lower = name.toLowerCase();
  const candidates = [WEEK_COLUMN];
  for (const m of byKey.values()) {
    candidates.push(m.key);
    if (m.kind === 'progress') candidates.push(`${m.key}${DONE_SUFFIX}`, `${m.key}${TOTAL_SUFFIX}`);
  }
  const hint = candidates.find((c) => c.toLowerCase() === lower);
  return { kind: 'invalid', message: hint ? `unknown column "${name}" (did you mean "${hint}"?)` : `unknown column "${name}"` };
}

/**
 * Checks a wide KPI CSV and returns its rows, or every error in it (header and all rows, all columns), each
 * with its 1-based line and column. Never throws. Rules: a `week` column (label under `numbering`, or a date in
 * the week), known metric keys (case-sensitive) and `<key>_done` / `<key>_total` for progress metrics, no
 * duplicate column or week; percentages 0–100 with at most 4 decimals and an optional `%`; counts and done
 * whole numbers ≥ 0, total > 0 and ≥ done; scores ≥ 0. An empty value with done and total is derived from them
 * at the metric's decimals; a given one must lie within half a unit of them.
 */
export function validateWideCsv(text: string, opts: WideCsvOptions): WideCsvResult {
  const errors: CsvError[] = [];
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const parsed = parseCsvRows(typeof text === 'string' ? text : '');

  // The header: the first record that is not blank.
  let headerIndex = 0;
  while (headerIndex < parsed.rows.length && isBlankRow(parsed.rows[headerIndex])) headerIndex++;
  const header = headerIndex < parsed.rows.length ? parsed.rows[headerIndex].map((h) => h.trim()) : null;
  const headerLine = header ? parsed.lines[headerIndex] : 1;

  // Syntax errors, named by the header's column where one is known.
  for (const e of parsed.errors) {
    const column = header && e.line >= headerLine && e.field < header.length ? header[e.field] || null : null;
    errors.push({ line: e.line, column, message: e.message });
  }

  if (!header) {
    if (parsed.errors.length === 0) errors.push({ line: 1, column: null, message: 'the file is empty' });
    return { ok: false, errors };
  }

  // Which column is what.
  const byKey = new Map(opts.metrics.map((m) => [m.key, m]));

  let weekColumn: number | null = null;
  const columnsByKey = new Map<string, MetricColumns>();
  const firstIndex = new Map<string, number>();
  const place = (metric: CsvMetric, role: Role, index: number) => {
    let cols = columnsByKey.get(metric.key);
    if (!cols) {
      cols = { metric, value: null, done: null, total: null, valueSchema: valueCellSchema(metric.kind, metric.decimals) };
      columnsByKey.set(metric.key, cols);
    }
    cols[role] = index;
  };
  const headerError = (column: string | null, message: string) => errors.push({ line: headerLine, column, message });

  for (let index = 0; index < header.length; index++) {
    const name = header[index];
    if (name === '') {
      headerError(null, `column ${index + 1} has no name`);
      continue;
    }
    const first = firstIndex.get(name);
    if (first !== undefined) {
      headerError(name, `duplicate column "${name}" (also column ${first + 1})`);
      continue;
    }
    firstIndex.set(name, index);
    const column = classifyColumn(name, byKey);
    if (column.kind === 'week') weekColumn = index;
    else if (column.kind === 'metric') place(column.metric, column.role, index);
    else if (column.kind === 'ignored') continue;
    else headerError(name, column.message);
  }
  if (weekColumn === null) headerError(null, `missing the "${WEEK_COLUMN}" column`);
  if (columnsByKey.size === 0) headerError(null, 'no metric columns');

  // The data rows.
  const rows: WideCsvRow[] = [];
  const weekLines = new Map<WeekStart, number>();
  let dataRows = 0;
  for (let r = headerIndex + 1; r < parsed.rows.length; r++) {
    const record = parsed.rows[r];
    if (isBlankRow(record)) continue;
    const line = parsed.lines[r];
    dataRows++;
    if (dataRows > maxRows) {
      errors.push({ line, column: null, message: `too many rows: at most ${maxRows} weeks per file` });
      break;
    }
    if (record.length !== header.length) {
      errors.push({
        line,
        column: null,
        message: `expected ${header.length} fields, found ${record.length}`,
      });
      continue;
    }
    const cellError = (column: number, message: string) => errors.push({ line, column: header[column], message });

    let weekStart: WeekStart | null = null;
    if (weekColumn !== null) {
      const raw = record[weekColumn].trim();
      weekStart = parseWeek(raw, opts.numbering);
      if (!weekStart) {
        cellError(weekColumn, `not a week label or date: ${quote(raw)}`);
      } else {
        const seen = weekLines.get(weekStart);
        if (seen !== undefined) {
          cellError(weekColumn, `week ${weekLabel(weekStart, opts.numbering)} is already on line ${seen}`);
        } else {
          weekLines.set(weekStart, line);
        }
      }
    }

    const values: Record<string, WideCsvValue> = {};
    for (const cols of columnsByKey.values()) {
      const { metric } = cols;
      const read = (index: number | null, schema: CellSchema): number | null | undefined => {
        // number: a good cell; null: an empty cell or no column; undefined: a bad cell (reported).
        if (index === null) return null;
        const raw = record[index].trim();
        if (raw === '') return null;
        const cell = readCell(schema, raw);
        if (cell.ok) return cell.value;
        cellError(index, `${cell.message}: ${quote(raw)}`);
        return undefined;
      };
      const value = read(cols.value, cols.valueSchema);
      const done = read(cols.done, doneCellSchema);
      const total = read(cols.total, totalCellSchema);
      if (value === undefined || done === undefined || total === undefined) continue;

      if (done !== null && total !== null && done > total) {
        cellError(cols.done!, `done (${done}) is more than total (${total})`);
        continue;
      }
      if (value === null) {
        if (done !== null && total !== null) {
          values[metric.key] = { value: derivePercent(done, total, metric.decimals), done, total };
        } else if (done !== null || total !== null) {
          const at = cols.value ?? (done !== null ? cols.done : cols.total)!;
          cellError(at, `no value for "${metric.key}": give the value, or both done and total`);
        }
        continue;
      }
      if (done !== null && total !== null && !agrees(value, done, total, metric.decimals)) {
        cellError(
          cols.value!,
          `${value} does not match ${metric.key}_done / ${metric.key}_total = ${done}/${total} = ${formatPercent(done, total, metric.decimals)}`,
        );
        continue;
      }
      const entry: WideCsvValue = { value };
      if (done !== null) entry.done = done;
      if (total !== null) entry.total = total;
      values[metric.key] = entry;
    }
    if (weekStart) rows.push({ weekStart, line, values });
  }

  if (dataRows === 0 && parsed.errors.length === 0) {
    errors.push({ line: headerLine, column: null, message: 'no data rows below the header' });
  }

  if (errors.length > 0) {
    // Stable: within a line, the order the columns were checked in.
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }
  return { ok: true, rows };
}
