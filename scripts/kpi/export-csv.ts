// kpi export-csv [--out FILE] [--from W] [--to W] [--published-only]: the wide KPI CSV, to a file or stdout.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { exportCsv } from '@/db/queries/export';
import { getWeekNumbering } from '@/db/queries/settings';
import { prepareDatabase } from '@/db/setup';
import { UsageError } from '../lib/cli';
import { usageErrorOf, weekOption, writeOutput } from './io';

export function exportCsvCommand(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    options: { out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'published-only': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new UsageError('export-csv takes no FILE: use --out FILE.');
  const db = prepareDatabase(getDb());
  const numbering = getWeekNumbering(db);
  const parsed = z
    .object({ from: weekOption('from', numbering), to: weekOption('to', numbering) })
    .refine((r) => !r.from || !r.to || r.from <= r.to, { error: '--from is after --to.' })
    .safeParse({ from: values.from, to: values.to });
  if (!parsed.success) throw usageErrorOf(parsed.error);

  const csv = exportCsv({ ...parsed.data, publishedOnly: values['published-only'] ?? false }, db);
  if (!values.out) {
    process.stdout.write(csv);
    return;
  }
  writeOutput(values.out, csv);
  const rows = csv.split('\r\n').filter(Boolean).length - 1;
  console.error(`wrote ${rows} week${rows === 1 ? '' : 's'} to ${values.out}`);
}
