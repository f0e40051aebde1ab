// The CSV import saves its weeks through one WeekSaveBatch (catalogue read once, new rows written as
// multi-row INSERTs at the end). These prove it stores exactly what saving the same weeks one by one through
// the form's path stores: the same rows, the same audit trail in the same order, the same outbox messages
// and data_version bumps. Real SQLite databases, no mocks.
import { eq, getTableColumns, gte } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { formatWideCsv, type WideCsvWeek } from '@/lib/csv/format';
import { validateWideCsv } from '@/lib/csv/validate';
import { generateDemoData } from '@/lib/demo-data';
import { csvRowToEntryInput } from '@/lib/import/csv-entry';
import { entrySchemaFor } from '@/lib/import/entry-schema';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { channels, incidents, metricValues, metrics, outbox, revisions, settings, user, weeks } from '../schema';
import { BatchInsert } from './batch-insert';
import { listMetrics } from './catalogue';
import { importCsv } from './import-csv';
import { getStoredWeek } from './import-week';
import { saveWeek, saveWeekInTransaction } from './save-week';
import { WeekSaveBatch } from './save-week-batch';
import { getWeekNumbering } from './settings';

vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');

const alice = { userId: 'u-alice', email: 'alice@example.com' };
const cli = { userId: 'u-cli', email: 'cli@weekline.local' };
const schema = weekEntrySchema(DEFAULT_METRICS);
const REASON = 'CSV import of ten-weeks.csv';
const PUBLISHED = '2023-07-10';
const DRAFT = '2023-07-17';

/** The same history in every database: a published week whose digest went out, a draft, an archived metric's value. */
function seededDb() {
  const db = openTestDatabase();
  for (const a of [alice, cli]) db.insert(user).values({ id: a.userId, email: a.email, name: a.email, role: 'editor' }).run();
  db.insert(channels).values({ kind: 'webhook', label: 'team', url: 'https://chat.example.com/hook' }).run();
  const published = saveWeek(
    schema.parse({
      weekStart: PUBLISHED,
      baseVersion: 0,
      intent: 'publish',
      confirmMissing: true,
      notes: 'kept',
      values: { health_score: { value: '567' }, inbound_success_rate: { value: '99.99' }, data_classification_progress: { done: '70', total: '179' } },
      incidents: [{ title: 'event', startedAt: '2023-07-12T10:00', endedAt: '', durationMinutes: '5', grade: 'D', gradeStatus: 'final', cause: '', handling: '' }],
    }),
    alice,
    db,
  );
  expect(published).toMatchObject({ ok: true, status: 'published' });
  db.update(outbox).set({ status: 'sent' }).run(); // the digest went out: a restatement now enqueues a note
  saveWeek(schema.parse({ weekStart: DRAFT, baseVersion: 0, intent: 'draft', values: { health_score: { value: '589' }, outbound_success_rate: { value: '99.95' } } }), alice, db);
  db.update(metrics).set({ archivedAt: new Date() }).where(eq(metrics.key, 'outbound_success_rate')).run();
  return db;
}

type TestDb = ReturnType<typeof seededDb>;

/** Every row the saves touch, without the clock's columns (two databases are written at different instants). */
function stored(db: TestDb) {
  const timeless = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !/At$/.test(k) && k !== 'nextAttemptAt')));
  return {
    weeks: timeless(db.select().from(weeks).orderBy(weeks.weekStart).all()),
    values: timeless(db.select().from(metricValues).orderBy(metricValues.id).all()),
    incidents: timeless(db.select().from(incidents).orderBy(incidents.id).all()),
    revisions: timeless(db.select().from(revisions).orderBy(revisions.id).all()),
    outbox: timeless(db.select().from(outbox).orderBy(outbox.id).all()),
    dataVersion: db.select().from(settings).where(eq(settings.key, 'data_version')).get()?.value,
  };
}

/** Ten weeks of CSV over the two stored weeks and eight new ones; one row restates the published week. */
function csvText(db: TestDb): string {
  const demo = generateDemoData({ weeks: 10, endWeek: '2023-09-11', seed: 7 });
  expect(demo.weeks[0].weekStart).toBe(PUBLISHED);
  const rows: WideCsvWeek[] = demo.weeks.map((w) => ({ weekStart: w.weekStart, values: Object.fromEntries(w.values.map((v) => [v.key, v])) }));
  // The draft week: only its health score stated, as stored (a row that changes nothing there).
  rows[1] = { weekStart: DRAFT, values: { health_score: { value: 589 } } };
  // A new week with one metric only: the others stay absent.
  rows[5] = { weekStart: rows[5].weekStart, values: { health_score: { value: 610 } } };
  return formatWideCsv(rows, { metrics: listMetrics({}, db), numbering: getWeekNumbering(db) });
}

describe('the CSV import through one WeekSaveBatch', () => {
  it('stores the same rows, audit trail, outbox messages and data_version as saving its weeks one by one', () => {
    const batched = seededDb();
    const oneByOne = seededDb();
    const text = csvText(batched);
    expect(stored(batched)).toEqual(stored(oneByOne));

    const result = importCsv(text, { actor: cli, dryRun: false, reason: REASON }, batched);
    expect(result).toMatchObject({ ok: true, applied: true });

    // The reference: each row as the import plans it, saved alone through saveWeek (its own transaction).
    const active = listMetrics({}, oneByOne);
    const entrySchema = entrySchemaFor(active);
    const checked = validateWideCsv(text, { metrics: active, numbering: getWeekNumbering(oneByOne) });
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const cell = (c: { value: number; done: number | null; total: number | null } | undefined) => [c?.value ?? null, c?.done ?? null, c?.total ?? null].join('|');
    let revisionCount = 0;
    for (const row of checked.rows) {
      const before = getStoredWeek(row.weekStart, oneByOne);
      const entry = entrySchema.parse(csvRowToEntryInput(row, before, REASON));
      const changed = active.some((m) => cell(before.values[m.key]) !== cell(entry.values[m.key]));
      if (!changed) continue; // the import lists such rows and does not save them
      const outcome = saveWeek(entry, cli, oneByOne);
      if (!outcome.ok) throw new Error(outcome.kind);
      revisionCount += outcome.changes;
    }

    const after = stored(batched);
    expect(after).toEqual(stored(oneByOne));
    expect(result.ok && result.revisions).toBe(revisionCount);
    // What the comparison covers is not empty: new weeks and values, a restatement with its note, kept rows.
    expect(after.weeks).toHaveLength(10);
    expect(after.values.length).toBeGreaterThan(60);
    expect(after.revisions.filter((r) => r.reason === REASON).length).toBe(revisionCount);
    expect(after.outbox.map((o) => o.kind)).toEqual(['digest', 'restated']);
    expect(after.weeks.find((w) => w.weekStart === PUBLISHED)).toMatchObject({ status: 'published', notes: 'kept', version: 2 });
    expect(after.weeks.find((w) => w.weekStart === DRAFT)).toMatchObject({ version: 1 });
    expect(after.incidents).toHaveLength(1);
  });

  it('a week saved twice in one batch is read back with the first save written (no lost or doubled rows)', () => {
    const batched = seededDb();
    const oneByOne = seededDb();
    const first = schema.parse({ weekStart: '2023-09-04', baseVersion: 0, intent: 'draft', reason: 'r', values: { health_score: { value: '600' }, inbound_success_rate: { value: '99.9' } } });
    const second = schema.parse({ weekStart: '2023-09-04', baseVersion: 1, intent: 'draft', reason: 'r', values: { health_score: { value: '601' }, inbound_success_rate: { value: '99.9' } } });
    // A stale third save (base 1 after the second made version 2): merged against the state rebuilt from
    // the audit rows the earlier saves queued, so it keeps the second's health score and changes its own field.
    const stale = schema.parse({ weekStart: '2023-09-04', baseVersion: 1, intent: 'draft', reason: 'r', values: { health_score: { value: '600' }, inbound_success_rate: { value: '99.95' } } });

    const outcomes = batched.transaction(
      (tx) => {
        const batch = new WeekSaveBatch(tx);
        const out = [first, second, stale].map((e) => saveWeekInTransaction(tx, e, alice, batch));
        batch.flush();
        return out;
      },
      { behavior: 'immediate' },
    );
    const reference = [first, second, stale].map((e) => saveWeek(e, alice, oneByOne));
    expect(outcomes).toEqual(reference);
    expect(outcomes.map((o) => o.ok && o.version)).toEqual([1, 2, 3]);
    expect(getStoredWeek('2023-09-04', batched).values).toMatchObject({ health_score: { value: 601 }, inbound_success_rate: { value: 99.95 } });
    expect(stored(batched)).toEqual(stored(oneByOne));
  });

  it('a failed import writes nothing, queued rows included', () => {
    const db = seededDb();
    const before = stored(db);
    const text = csvText(db);
    // The actor cannot be resolved after the weeks are planned: the transaction rolls back.
    expect(() =>
      importCsv(
        text,
        {
          actor: () => {
            throw new Error('no actor');
          },
          dryRun: false,
          reason: REASON,
        },
        db,
      ),
    ).toThrow('no actor');
    expect(stored(db)).toEqual(before);
  });
});

describe('BatchInsert', () => {
  it('writes what one-row drizzle inserts write: NULLs, JSON, dates, defaults, order, across chunk boundaries', () => {
    const batched = seededDb();
    const oneByOne = seededDb();
    const rows: (typeof revisions.$inferInsert)[] = Array.from({ length: 53 }, (_, i) => ({
      entity: i % 3 ? 'value' : 'week',
      entityId: `2023-07-10:${i}`,
      weekStart: i % 5 ? PUBLISHED : null,
      weekVersion: i % 4 ? i : null,
      ...(i % 2 ? { metricKey: `m${i}` } : {}),
      action: 'update',
      before: i % 7 ? { value: i, done: null, total: i * 2, text: `a "quoted" ${i}` } : null,
      ...(i % 6 ? { after: [i, 'x', { nested: true }] } : {}),
      reason: i % 2 ? null : `r${i}`,
      userId: alice.userId,
      userEmail: alice.email,
    }));
    const weekRows: (typeof weeks.$inferInsert)[] = Array.from({ length: 20 }, (_, i) => ({
      weekStart: `2030-01-${String(i + 1).padStart(2, '0')}`,
      status: 'draft',
      notes: `n${i}`,
      internalNotes: '',
      reflection: '',
      version: 1,
      updatedBy: alice.userId,
      publishedAt: i % 2 ? new Date(1_700_000_000_000 + i) : null,
    }));
    batched.transaction((tx) => {
      new BatchInsert(tx, revisions, ['entity', 'entityId', 'weekStart', 'weekVersion', 'metricKey', 'action', 'before', 'after', 'reason', 'userId', 'userEmail']).insert(rows);
      new BatchInsert(tx, weeks, ['weekStart', 'status', 'notes', 'internalNotes', 'reflection', 'version', 'updatedBy', 'publishedAt']).insert(weekRows);
    });
    oneByOne.transaction((tx) => {
      for (const row of rows) tx.insert(revisions).values(row).run();
      for (const row of weekRows) tx.insert(weeks).values(row).run();
    });
    expect(stored(batched)).toEqual(stored(oneByOne));
    // The raw stored text too (JSON NULL stays SQL NULL, not the text "null"), and the dates.
    const raw = (db: TestDb) => db.$client.prepare('SELECT id, before, after, metric_key, reason FROM revisions ORDER BY id').all();
    expect(raw(batched)).toEqual(raw(oneByOne));
    const published = (db: TestDb) => db.select({ w: weeks.weekStart, p: weeks.publishedAt }).from(weeks).where(gte(weeks.weekStart, '2030-01-01')).orderBy(weeks.weekStart).all();
    expect(published(batched)).toEqual(published(oneByOne));
    expect(Object.keys(getTableColumns(revisions))).toContain('createdAt');
  });

  it('refuses a row that leaves out a column with a default (a one-row insert would apply the default, not NULL)', () => {
    const db = seededDb();
    expect(() =>
      db.transaction((tx) => new BatchInsert(tx, weeks, ['weekStart', 'status']).insert([{ weekStart: '2030-02-03' }])),
    ).toThrow(/leaves out status/);
  });
});
