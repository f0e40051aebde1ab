// A database's whole content as one string: "unchanged" in the reliability tests means equal fingerprints.
import type Database from 'better-sqlite3';

export function fingerprint(sqlite: Database.Database, exclude: readonly string[] = []): string {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.filter((t) => !exclude.includes(t)).map((t) => [t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
}
