import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { generateDemoData } from '@/lib/demo-data';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { incidents, metricValues, revisions, user, weeks } from '../schema';
import { writeDemoData } from './demo';
import { exportCsv } from './export';
import { ensureCliActor, CLI_ACTOR_EMAIL } from './import-actor';
import { importCsv } from './import-csv';
import { saveWeek } from './save-week';
import { getWeekValues } from './values';
import { getWeekRecord } from './weeks';

// Vite sets BASE_URL to "/", which the app's environment check rejects; the numbering is pinned to the team's.
vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');

const alice = { userId: 'u-alice', email: 'alice@example.com' };
const cli = { userId: 'u-cli', email: 'cli@weekline.local' };
const schema = weekEntrySchema(DEFAULT_METRICS);

function openDb() {
  const db = openTestDatabase();
  for (const a of [alice, cli]) db.insert(user).values({ id: a.userId, email: a.email, name: a.email, role: 'editor' }).run();
  return db;
}

type TestDb = ReturnType<typeof openDb>;

/** Every row of the KPI tables: what "nothing changed" is measured against. */
function snapshot(db: TestDb) {
  return {
    weeks: db.select().from(weeks).all(),
    values: db.select().from(metricValues).all(),
    incidents: db.select().from(incidents).all(),
    revisions: db.select().from(revisions).all(),
  };
}

function seed(db: TestDb) {
  saveWeek(
    schema.parse({
      weekStart: '2023-07-10',
      baseVersion: 0,
      intent: 'publish',
      confirmMissing: true,
      values: { health_score: { value: '567' }, data_classification_progress: { done: '70', total: '179' }, hive_migration_progress: { value: '97.5', total: '164' } },
      incidents: [{ title: 'event', startedAt: '2023-07-12T10:00', endedAt: '', durationMinutes: '5', grade: 'D', gradeStatus: 'final', cause: '', handling: '' }],
    }),
    alice,
    db,
  );
  saveWeek(schema.parse({ weekStart: '2023-07-17', baseVersion: 0, intent: 'draft', values: { health_score: { value: '589' } } }), alice, db);
}

const options = (extra: Partial<Parameters<typeof importCsv>[1]> = {}) => ({ actor: cli, dryRun: false, reason: 'CSV import of test.csv', ...extra });

describe('importCsv', () => {
  it('changes nothing for a file with errors, and lists every error by line and column', () => {
    const db = openDb();
    seed(db);
    const before = snapshot(db);
    const text = ['week,health_score,inbound_success_rate,incidents_a', '2023-W29,600,99.99,0', '2023-W30,abc,101,1.5', 'someday,1,2,3', '2023-W29,1,2,3'].join('\n');
    const result = importCsv(text, options(), db);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, column: 'health_score', message: 'not a number: "abc"' },
        { line: 3, column: 'inbound_success_rate', message: 'must be between 0 and 100: "101"' },
        { line: 3, column: 'incidents_a', message: 'must be a whole number, 0 or more: "1.5"' },
        { line: 4, column: 'week', message: 'not a week label or date: "someday"' },
        { line: 5, column: 'week', message: 'week 2023-W29 is already on line 2' },
      ],
    });
    expect(snapshot(db)).toEqual(before);
  });

  it('export → import of the same CSV changes nothing: no revision added', () => {
    const db = openDb();
    writeDemoData(generateDemoData({ weeks: 30, endWeek: '2023-07-03', seed: 3 }), { reset: false }, db);
    seed(db);
    const before = snapshot(db);
    const csv = exportCsv({ publishedOnly: false }, db);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(33); // header + 30 demo weeks + 2 seeded

    const dry = importCsv(csv, options({ dryRun: true }), db);
    expect(dry.ok && dry.weeks.every((w) => w.changes.length === 0)).toBe(true);
    expect(importCsv(csv, options(), db)).toMatchObject({ ok: true, applied: true, revisions: 0 });
    expect(snapshot(db)).toEqual(before);
  });

  it('reports what a dry run would change per week, and writes nothing', () => {
    const db = openDb();
    seed(db);
    const before = snapshot(db);
    const result = importCsv('week,health_score\n2023-W29,600\n2023-W30,589\n2023-W31,601\n', options({ dryRun: true, actor: undefined }), db);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.applied).toBe(false);
    expect(result.weeks.map((w) => [w.label, w.status, w.changes.map((c) => [c.key, c.before?.value ?? null, c.after?.value ?? null])])).toEqual([
      ['2023-W29', 'published', [['health_score', 567, 600]]],
      ['2023-W30', 'draft', []],
      ['2023-W31', null, [['health_score', null, 601]]],
    ]);
    expect(snapshot(db)).toEqual(before);
  });

  it('applies a good file in one transaction, audited with who and why; other values, events and status stay', () => {
    const db = openDb();
    seed(db);
    const progress: Array<[number, number]> = [];
    const result = importCsv(
      '\uFEFFweek,health_score,inbound_success_rate\r\n2023-W29,600,99.99\r\n2023-W31,601,\r\n',
      options({ onProgress: (done, total) => progress.push([done, total]) }),
      db,
    );
    expect(result).toMatchObject({ ok: true, applied: true, revisions: 4 });
    expect(progress).toEqual([[1, 2], [2, 2]]);

    expect(getWeekRecord('2023-07-10', db)).toMatchObject({ status: 'published', version: 2 });
    expect(getWeekValues('2023-07-10', db)).toMatchObject({
      health_score: { value: 600 },
      inbound_success_rate: { value: 99.99 },
      data_classification_progress: { value: 39.11, done: 70, total: 179 },
    });
    expect(db.select().from(incidents).all()).toHaveLength(1);
    expect(getWeekRecord('2023-07-24', db)).toMatchObject({ status: 'draft', version: 1 });

    const audit = db.select().from(revisions).all().filter((r) => r.userEmail === cli.email);
    expect(audit.map((r) => [r.weekStart, r.entity, r.action, r.metricKey])).toEqual([
      ['2023-07-10', 'value', 'create', 'inbound_success_rate'],
      ['2023-07-10', 'value', 'update', 'health_score'],
      ['2023-07-24', 'week', 'create', null],
      ['2023-07-24', 'value', 'create', 'health_score'],
    ]);
    expect(audit.every((r) => r.reason === 'CSV import of test.csv' && r.userId === cli.userId)).toBe(true);
  });

  it('creates the command-line user only together with the changes it signs', () => {
    const db = openTestDatabase();
    const users = () => db.select().from(user).all();
    expect(importCsv('week,health_score\n2023-W29,abc\n', options({ actor: ensureCliActor }), db)).toMatchObject({ ok: false });
    expect(importCsv('week,health_score\n2023-W29,\n', options({ actor: ensureCliActor }), db)).toMatchObject({ ok: true, revisions: 0 });
    expect(users()).toEqual([]);
    expect(importCsv('week,health_score\n2023-W29,600\n', options({ actor: ensureCliActor }), db)).toMatchObject({ ok: true, revisions: 2 });
    expect(users()).toEqual([expect.objectContaining({ email: CLI_ACTOR_EMAIL, role: 'editor', disabled: true })]);
    expect(db.select().from(revisions).all().every((r) => r.userId === users()[0].id)).toBe(true);
    // Reused, never duplicated.
    importCsv('week,health_score\n2023-W29,601\n', options({ actor: ensureCliActor }), db);
    expect(users()).toHaveLength(1);
  });

  it('rolls every week back when one fails part-way', () => {
    const db = openDb();
    seed(db);
    const before = snapshot(db);
    // The last week's value insert fails, after the first week has been written inside the transaction.
    db.$client.exec(
      `CREATE TEMP TRIGGER fail_late BEFORE INSERT ON metric_values WHEN NEW.week_start = '2023-07-24' BEGIN SELECT RAISE(ABORT, 'disk full'); END;`,
    );
    expect(() => importCsv('week,health_score\n2023-W29,600\n2023-W31,601\n', options(), db)).toThrow(/disk full/);
    expect(snapshot(db)).toEqual(before);
  });
});
