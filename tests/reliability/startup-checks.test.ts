// Promise: Weekline refuses to run on SQLite older than 3.51.3 (the WAL-reset corruption fix), and every
// connection it opens runs with WAL (file databases), synchronous=FULL, foreign keys on and busy_timeout ≥ 5000.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertSqliteVersion, compareVersions, MIN_SQLITE_VERSION, openDatabase } from '@/db/index';
import { ConfigError } from '@/lib/env';

afterEach(() => vi.restoreAllMocks());

describe('SQLite version check', () => {
  it('orders versions numerically, not as text', () => {
    expect(compareVersions('3.51.3', '3.51.3')).toBe(0);
    expect(compareVersions('3.51.10', '3.51.3')).toBe(1);
    expect(compareVersions('3.9.0', '3.51.3')).toBe(-1);
    expect(compareVersions('3.51', '3.51.0')).toBe(0);
    expect(compareVersions('4.0.0', '3.99.99')).toBe(1);
  });

  it.each(['3.51.2', '3.50.4', '3.45.1', '3.9.99', '2.99.99', '3', '', 'garbage', '3.x.1', '3.51.3abc'])('refuses SQLite %j', (version) => {
    expect(() => assertSqliteVersion(version)).toThrow(ConfigError);
    expect(() => assertSqliteVersion(version)).toThrow(`Weekline needs ${MIN_SQLITE_VERSION} or newer`);
  });

  it.each(['3.51.3', '3.51.4', '3.52.0', '3.100.0', '4.0.0'])('accepts SQLite %s', (version) => {
    expect(() => assertSqliteVersion(version)).not.toThrow();
  });

  it('the bundled SQLite passes', () => {
    const version = new Database(':memory:').prepare('select sqlite_version()').pluck().get() as string;
    expect(compareVersions(version, MIN_SQLITE_VERSION)).toBeGreaterThanOrEqual(0);
  });

  it('openDatabase refuses to open when the library reports an old SQLite, and closes the handle', () => {
    const original = Database.prototype.prepare;
    const closed = vi.spyOn(Database.prototype, 'close');
    vi.spyOn(Database.prototype, 'prepare').mockImplementation(function (this: Database.Database, sql: string) {
      if (/sqlite_version\(\)/i.test(sql)) return { get: () => ({ v: '3.51.2' }) } as unknown as Database.Statement;
      return original.call(this, sql);
    });
    expect(() => openDatabase(':memory:')).toThrow('SQLite 3.51.2 is too old; Weekline needs 3.51.3 or newer.');
    expect(closed).toHaveBeenCalled();
  });
});

describe('connection settings', () => {
  function settingsOf(sqlite: Database.Database) {
    return {
      journal: sqlite.pragma('journal_mode', { simple: true }),
      synchronous: sqlite.pragma('synchronous', { simple: true }),
      foreignKeys: sqlite.pragma('foreign_keys', { simple: true }),
      busyTimeout: sqlite.pragma('busy_timeout', { simple: true }) as number,
    };
  }

  it('every connection to a file database reports WAL, synchronous=FULL, foreign keys on, busy_timeout ≥ 5000', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekline-rel-pragmas-'));
    const file = path.join(dir, 'weekline.db');
    try {
      // Several connections, opened one after another and at once: none inherits settings from another.
      const dbs = [openDatabase(file), openDatabase(file), openDatabase(file)];
      for (const db of dbs) {
        const s = settingsOf(db.$client);
        expect(s).toMatchObject({ journal: 'wal', synchronous: 2, foreignKeys: 1 });
        expect(s.busyTimeout).toBeGreaterThanOrEqual(5000);
      }
      for (const db of dbs) db.$client.close();
      // WAL is persistent in the file; a plain connection (backup tools, sqlite3 shell) sees it too.
      const plain = new Database(file);
      expect(plain.pragma('journal_mode', { simple: true })).toBe('wal');
      plain.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in-memory test databases get the same settings except WAL (SQLite keeps :memory: in MEMORY mode)', () => {
    const db = openDatabase(':memory:');
    const s = settingsOf(db.$client);
    expect(s).toMatchObject({ journal: 'memory', synchronous: 2, foreignKeys: 1 });
    expect(s.busyTimeout).toBeGreaterThanOrEqual(5000);
    db.$client.close();
  });

  it('foreign keys are enforced, not just reported', () => {
    const db = openDatabase(':memory:');
    db.$client.exec('create table parent (id integer primary key); create table child (parent_id integer references parent(id));');
    expect(() => db.$client.exec('insert into child values (42)')).toThrow(/FOREIGN KEY/);
    db.$client.close();
  });
});
