// Many rows into one table through multi-row INSERTs, each chunk size prepared once and reused: what the
// CSV import needs to write thousands of values and audit rows without building and compiling a statement
// per row. Same columns, same values, same defaults, same row order as one insert per row; row triggers
// (data_version, outbox) fire per row exactly as before.
import { getTableColumns, sql, type Column } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Tx } from './save-week';

/**
 * At most this many bound parameters per statement: SQLite's historical variable limit (999), far under
 * today's default (32766), so a chunk never fails whatever the SQLite build.
 */
const MAX_PARAMS = 900;
/**
 * Rows per statement. Building a multi-row statement through drizzle costs ~0.1–0.2 ms per row (measured),
 * once per chunk size; running one costs the same per row whatever the size, plus a few µs per statement.
 * Small chunks keep the build cheap; the rows left over go through the one-row statement.
 */
const ROWS_PER_CHUNK = 16;

type Prepared = { run: (placeholders: Record<string, unknown>) => unknown };

export class BatchInsert<T extends SQLiteTable> {
  private readonly columns: [key: string, column: Column][];
  private readonly rowsPerChunk: number;
  private readonly statements = new Map<number, Prepared>();
  /** names[i][c]: the placeholder for row i, column c. */
  private readonly names: string[][];

  /**
   * `keys`: the columns rows state. A row's missing (undefined) key is stored as NULL, as a one-row insert
   * does for a column without a default; a row that leaves out a column with a default is refused.
   */
  constructor(
    private readonly tx: Tx,
    private readonly table: T,
    keys: readonly (keyof T['$inferInsert'] & string)[],
  ) {
    const all = getTableColumns(table) as Record<string, Column>;
    this.columns = keys.map((key) => {
      const column = all[key];
      if (!column) throw new Error(`BatchInsert: no column ${key}`);
      return [key, column];
    });
    this.rowsPerChunk = Math.max(1, Math.min(ROWS_PER_CHUNK, Math.floor(MAX_PARAMS / keys.length)));
    this.names = Array.from({ length: this.rowsPerChunk }, (_, i) => keys.map((key) => `${key}_${i}`));
  }

  /** Inserts `rows` in order, in as few statements as the parameter limit allows. */
  insert(rows: readonly T['$inferInsert'][]): void {
    let start = 0;
    while (start < rows.length) {
      const size = rows.length - start >= this.rowsPerChunk ? this.rowsPerChunk : 1;
      const values: Record<string, unknown> = {};
      for (let i = 0; i < size; i++) {
        const row = rows[start + i] as Record<string, unknown>;
        const names = this.names[i];
        for (let c = 0; c < this.columns.length; c++) {
          const [key, column] = this.columns[c];
          const value = row[key];
          if (value === undefined && column.hasDefault) throw new Error(`BatchInsert: a row leaves out ${key}, which has a default`);
          // drizzle's own rule for a parameter: NULL stays NULL, anything else through the column's encoder
          // (JSON text, Date → epoch ms).
          values[names[c]] = value === null || value === undefined ? null : column.mapToDriverValue(value);
        }
      }
      this.statement(size).run(values);
      start += size;
    }
  }

  private statement(rows: number): Prepared {
    let prepared = this.statements.get(rows);
    if (!prepared) {
      // sql`${placeholder}` binds the value as given (already encoded above); columns left out get drizzle's
      // usual treatment (their default expression, or NULL), exactly as in a one-row insert.
      const placeholderRows = Array.from({ length: rows }, (_, i) => Object.fromEntries(this.columns.map(([key], c) => [key, sql`${sql.placeholder(this.names[i][c])}`])));
      prepared = this.tx.insert(this.table).values(placeholderRows as never).prepare() as unknown as Prepared;
      this.statements.set(rows, prepared);
    }
    return prepared;
  }
}
