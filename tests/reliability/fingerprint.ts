// A database's whole content as one string: "unchanged" in the reliability tests means equal fingerprints.
import type Database from 'better-sqlite3';

export function fingerprint(sqlite: Database.Database, exclude: readonly string[] = [], ignoreColumns: Readonly<Record<string, readonly string[]>> = {}): string {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  const rowsOf = (t: string) => {
    const rows = sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[];
    const ignored = ignoreColumns[t];
    return ignored ? rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !ignored.includes(column)))) : rows;
  };
  return JSON.stringify(tables.filter((t) => !exclude.includes(t)).map((t) => [t, rowsOf(t)]));
}
