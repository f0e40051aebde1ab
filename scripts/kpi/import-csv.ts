// kpi import-csv FILE [--dry-run]: the wide KPI CSV, all of it in one transaction or nothing.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getDb } from '@/db/index';
import { importCsv, type CsvValueChange } from '@/db/queries/import-csv';
import { ensureCliActor } from '@/db/queries/import-actor';
import { prepareDatabase } from '@/db/setup';
import { plainNumber } from '@/lib/csv/format';
import { UsageError } from '../lib/cli';
import { fail, readInput } from './io';
import { localize } from '@/lib/i18n/form-labels';

/** Progress is worth a line on stderr only when the import takes a while. */
const PROGRESS_EVERY = 50;

const shown = (c: CsvValueChange['before']) => (c ? plainNumber(c.value) : '—');

export function importCsvCommand(args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('import-csv takes one FILE.');
  const [file] = positionals;
  const text = readInput(file);
  const db = prepareDatabase(getDb());
  const dryRun = values['dry-run'] ?? false;

  const result = importCsv(
    text,
    {
      dryRun,
      // Created inside the import's transaction, so a refused file leaves no trace.
      actor: ensureCliActor,
      reason: `CSV import of ${path.basename(file)}`,
      onProgress: (done, total) => {
        if (total >= PROGRESS_EVERY && (done % PROGRESS_EVERY === 0 || done === total)) console.error(`saved ${done}/${total} weeks…`);
      },
    },
    db,
  );
  if (!result.ok) {
    for (const e of result.errors) console.error(`line ${e.line}${e.column ? `, column ${e.column}` : ''}: ${localize(e.message, 'en')}`);
    return fail(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; nothing was imported.`);
  }
  const changed = result.weeks.filter((w) => w.changes.length);
  for (const w of result.weeks) {
    const state = w.status === null ? 'new draft' : w.status;
    if (!w.changes.length) {
      if (dryRun) console.log(`${w.label} (${state}): no change`);
      continue;
    }
    console.log(`${w.label} (${state}): ${w.changes.map((c) => `${c.key} ${shown(c.before)} → ${shown(c.after)}`).join(', ')}`);
  }
  const summary = `${changed.length} of ${result.weeks.length} week${result.weeks.length === 1 ? '' : 's'}`;
  console.log(dryRun ? `Dry run: ${summary} would change; nothing was saved.` : `Imported: ${summary} changed, ${result.revisions} audit entries.`);
}
