// kpi export-json --out FILE: every KPI table and the audit trail as one JSON document.
import { parseArgs } from 'node:util';
import { getDb } from '@/db/index';
import { exportJson } from '@/db/queries/export';
import { prepareDatabase } from '@/db/setup';
import { UsageError } from '../lib/cli';
import { writeOutput } from './io';

export function exportJsonCommand(args: string[]): void {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (!values.out || positionals.length) throw new UsageError('export-json takes --out FILE.');
  const data = exportJson(prepareDatabase(getDb()));
  writeOutput(values.out, `${JSON.stringify(data, null, 2)}\n`);
  console.error(`wrote ${data.weeks.length} weeks, ${data.revisions.length} revisions to ${values.out}`);
}
