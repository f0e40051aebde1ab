// kpi export-report --week LABEL [--lang zh|en] [--out FILE]: the stored week as the team's Markdown report.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { listIncidents } from '@/db/queries/incidents';
import { getWeekNumbering } from '@/db/queries/settings';
import { getWeekValues } from '@/db/queries/values';
import { getWeekRecord } from '@/db/queries/weeks';
import { prepareDatabase } from '@/db/setup';
import { LANGUAGES } from '@/lib/constants';
import { renderReportMarkdown } from '@/lib/report/render-markdown';
import { storedWeekToRenderable } from '@/lib/report/stored-week';
import { weekDay, weekLabel } from '@/lib/weeks';
import { UsageError } from '../lib/cli';
import { fail, usageErrorOf, weekOption, writeOutput } from './io';

export function exportReportCommand(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    options: { week: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length) throw new UsageError('export-report takes --week LABEL, not a FILE.');
  const db = prepareDatabase(getDb());
  const numbering = getWeekNumbering(db);
  const parsed = z
    .object({
      week: weekOption('week', numbering).refine((w) => w !== undefined, { error: '--week is required (e.g. 2023-W29).' }),
      lang: z.enum(LANGUAGES, { error: '--lang is zh or en.' }).default('zh'),
    })
    .safeParse({ week: values.week, lang: values.lang });
  if (!parsed.success) throw usageErrorOf(parsed.error);
  const weekStart = parsed.data.week!;

  const record = getWeekRecord(weekStart, db);
  if (!record) return fail(`${values.week}: no week stored.`);
  const reportDate = weekDay(weekStart, 5);
  const markdown = renderReportMarkdown(
    storedWeekToRenderable({
      label: weekLabel(reportDate, numbering),
      reportDate,
      notes: record.notes,
      values: getWeekValues(weekStart, db),
      incidents: listIncidents(weekStart, db),
    }),
    parsed.data.lang,
  );
  if (values.out) writeOutput(values.out, markdown);
  else process.stdout.write(markdown);
}
