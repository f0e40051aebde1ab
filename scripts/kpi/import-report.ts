// kpi import-report FILE [--dry-run] [--json] [--publish]: a weekly report into its week, as the CLI user.
import { parseArgs } from 'node:util';
import { getDb } from '@/db/index';
import { ensureCliActor } from '@/db/queries/import-actor';
import { importReport, previewReport, type ReportPreview } from '@/db/queries/import-report';
import { getWeekNumbering } from '@/db/queries/settings';
import { prepareDatabase } from '@/db/setup';
import { plainNumber } from '@/lib/csv/format';
import { reportJson } from '@/lib/import/report-shape';
import { parseReport } from '@/lib/report/parse-report';
import { UsageError } from '../lib/cli';
import { fail, readInput } from './io';
import { localize } from '@/lib/i18n/form-labels';

const cell = (c: { value: number; done: number | null; total: number | null } | null) =>
  c ? `${plainNumber(c.value)}${c.total !== null ? ` (${c.done ?? '?'}/${c.total})` : ''}` : '—';

function printPreview(p: ReportPreview): void {
  if (!p.week) return;
  const state = p.stored.exists ? `stored as ${p.stored.status} v${p.stored.version}` : 'not stored yet';
  console.log(`${p.week.label} (${p.week.start} – ${p.week.end}), report of ${p.week.reportDate}; the week is ${state}.`);
  for (const r of p.rows) {
    if (r.outcome === 'missing') continue;
    const note = r.outcome === 'changed' ? `was ${cell(r.stored)}` : r.outcome === 'kept' ? 'kept: not in the report' : r.outcome;
    console.log(`  ${r.key.padEnd(30)} ${cell(r.next).padEnd(18)} ${note}`);
  }
  console.log(
    p.replacesIncidents
      ? `Events: the report's ${p.incidents.length} replace the ${p.stored.incidentCount} stored.`
      : `Events: the report has no event section; the ${p.stored.incidentCount} stored are kept.`,
  );
  for (const e of p.incidents) {
    console.log(`  ${e.startedAt} ${e.durationMinutes ?? '?'} min ${e.grade ? `${e.grade} (${e.gradeStatus})` : 'ungraded'} ${e.title}`);
  }
  for (const w of p.warnings) console.log(`warning [${w.code}]: ${localize(w.message, 'en')}`);
  for (const [field, messages] of Object.entries(p.fieldErrors)) console.log(`error ${field}: ${messages.map((m) => localize(m, 'en')).join(' ')}`);
}

export function importReportCommand(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      publish: { type: 'boolean' },
      'allow-missing': { type: 'boolean' },
      reason: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('import-report takes one FILE.');
  const [file] = positionals;
  const text = readInput(file);
  const db = prepareDatabase(getDb());

  if (values['dry-run']) {
    if (values.json) {
      const report = parseReport(text, { numbering: getWeekNumbering(db) });
      // stdout carries this one object and nothing else, so it can be piped.
      process.stdout.write(`${JSON.stringify(reportJson(report))}\n`);
      if (!report.week) process.exitCode = 1;
      return;
    }
    const preview = previewReport(text, db);
    if (!preview.week) return fail(`${file}: no week found. ${preview.warnings.map((w) => localize(w.message, 'en')).join(' ')}`);
    printPreview(preview);
    console.log('Dry run: nothing was saved.');
    return;
  }

  const outcome = importReport(
    text,
    {
      // Without --publish a published week stays published and a new one is a draft.
      intent: values.publish ? 'publish' : 'save',
      // A change to a published week is a restatement: it needs the why, so there is no default reason.
      reason: values.reason,
      // Only publishing asks about missing metrics; a week that stays published was confirmed before.
      confirmMissing: (values['allow-missing'] ?? false) || !values.publish,
    },
    // Created inside the save's transaction, so a refused import leaves no trace.
    ensureCliActor,
    db,
  );
  if (!outcome.ok) {
    if (outcome.kind === 'no_week') return fail(`${file}: no week found; nothing was saved.`);
    if (outcome.kind === 'invalid') {
      return fail(`${file}: nothing was saved: ${Object.entries(outcome.fieldErrors).map(([f, m]) => `${f}: ${m.map((x) => localize(x, 'en')).join(' ')}`).join('; ')}`);
    }
    if (outcome.kind === 'needs_confirmation') return fail(`not published: no value for ${outcome.missing.join(', ')}. Add --allow-missing to publish anyway.`);
    if (outcome.kind === 'needs_reason') return fail('the week is published: a change to it is a restatement; give --reason "why" (nothing was saved).');
    return fail('the week changed while importing; run the command again.');
  }
  if (values.json) {
    console.log(JSON.stringify({ week: outcome.week.label, status: outcome.status, version: outcome.version, changes: outcome.changes }));
  } else {
    console.log(`${outcome.week.label}: ${outcome.changes === 0 ? 'no changes' : `${outcome.changes} change${outcome.changes === 1 ? '' : 's'} saved`}; ${outcome.status} v${outcome.version}.`);
  }
  for (const w of outcome.warnings) console.error(`warning [${w.code}]: ${localize(w.message, 'en')}`);
}
