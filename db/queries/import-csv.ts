// The wide KPI CSV into the database: all of it or nothing. Every week goes through the form's schema and
// saveWeekInTransaction (version check, audit), all weeks inside ONE immediate transaction.
import type { WeekStatus } from '@/lib/constants';
import { validateWideCsv, type CsvError } from '@/lib/csv/validate';
import { csvColumnOf, csvRowToEntryInput } from '@/lib/import/csv-entry';
import { entrySchemaFor } from '@/lib/import/entry-schema';
import type { WeekEntry } from '@/lib/validation/week-entry';
import { weekLabel } from '@/lib/weeks';
import { getDb, type Db } from '../index';
import { listMetrics } from './catalogue';
import { getStoredWeek, resolveActor, storedWeekStarts, unstoredWeek, type ActorSource } from './import-week';
import { saveWeekInTransaction } from './save-week';
import { WeekSaveBatch } from './save-week-batch';
import { getWeekNumbering } from './settings';

type Cell = { value: number; done: number | null; total: number | null };

export interface CsvValueChange {
  key: string;
  before: Cell | null;
  after: Cell | null;
}

export interface CsvWeekPlan {
  weekStart: string;
  label: string;
  line: number;
  /** null: the week does not exist yet and is created as a draft. */
  status: WeekStatus | null;
  changes: CsvValueChange[];
}

export type CsvImportResult =
  | { ok: false; errors: CsvError[] }
  | { ok: true; applied: boolean; weeks: CsvWeekPlan[]; revisions: number };

export interface CsvImportOptions {
  /** Who the changes are recorded as; not needed for a dry run. Resolved only when something is written. */
  actor?: ActorSource;
  dryRun: boolean;
  /** Recorded with every change; changing a published week needs one. */
  reason: string;
  onProgress?: (done: number, total: number) => void;
}

class RolledBack extends Error {
  constructor(readonly errors: CsvError[]) {
    super('rolled back');
  }
}

const sameCell = (a: Cell | undefined, b: Cell | undefined) =>
  (a?.value ?? null) === (b?.value ?? null) && (a?.done ?? null) === (b?.done ?? null) && (a?.total ?? null) === (b?.total ?? null);

/**
 * Checks the whole file first (every error, by line and column) and writes nothing unless all of it is good.
 * A dry run stops after planning. Rows that change nothing are listed with no changes and not saved.
 */
export function importCsv(text: string, options: CsvImportOptions, db: Db = getDb()): CsvImportResult {
  const numbering = getWeekNumbering(db);
  const metrics = listMetrics({}, db);
  const checked = validateWideCsv(text, { metrics, numbering });
  if (!checked.ok) return checked;
  const schema = entrySchemaFor(metrics);

  try {
    return db.transaction(
      (tx) => {
        const errors: CsvError[] = [];
        const plans: CsvWeekPlan[] = [];
        const entries: { entry: WeekEntry; line: number }[] = [];
        const existing = storedWeekStarts(tx);
        for (const row of checked.rows) {
          const stored = existing.has(row.weekStart) ? getStoredWeek(row.weekStart, tx) : unstoredWeek(row.weekStart);
          const parsed = schema.safeParse(csvRowToEntryInput(row, stored, options.reason));
          if (!parsed.success) {
            for (const issue of parsed.error.issues) errors.push({ line: row.line, column: csvColumnOf(issue.path), message: issue.message });
            continue;
          }
          const changes = metrics
            .filter((m) => !sameCell(stored.values[m.key], parsed.data.values[m.key]))
            .map((m) => ({ key: m.key, before: stored.values[m.key] ?? null, after: parsed.data.values[m.key] ?? null }));
          plans.push({ weekStart: row.weekStart, label: weekLabel(row.weekStart, numbering), line: row.line, status: stored.status, changes });
          if (changes.length) entries.push({ entry: parsed.data, line: row.line });
        }
        if (errors.length) throw new RolledBack(errors);
        if (options.dryRun) return { ok: true as const, applied: false, weeks: plans, revisions: 0 };
        if (!entries.length) return { ok: true as const, applied: true, weeks: plans, revisions: 0 };

        if (!options.actor) throw new Error('importCsv needs an actor to apply changes.');
        const actor = resolveActor(options.actor, tx);
        let revisions = 0;
        // One catalogue read and batched inserts for all the weeks; flushed before the transaction commits.
        const batch = new WeekSaveBatch(tx);
        entries.forEach(({ entry, line }, i) => {
          const outcome = saveWeekInTransaction(tx, entry, actor, batch);
          // The versions were read under this transaction's write lock, so a refusal means a bug, not a race.
          if (!outcome.ok) throw new RolledBack([{ line, column: 'week', message: `the week could not be saved (${outcome.kind}); nothing was imported` }]);
          revisions += outcome.changes;
          options.onProgress?.(i + 1, entries.length);
        });
        batch.flush();
        return { ok: true as const, applied: true, weeks: plans, revisions };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (error instanceof RolledBack) return { ok: false, errors: error.errors.sort((a, b) => a.line - b.line) };
    throw error;
  }
}
