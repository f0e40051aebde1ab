// kpi export-report --week LABEL [--lang zh|en] [--out FILE]: the stored week as the team's whole Markdown report.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDb } from '@/db/index';
import { weekMarkdown } from '@/db/queries/report-markdown';
import { getWeekNumbering } from '@/db/queries/settings';
import { prepareDatabase } from '@/db/setup';
import { LANGUAGES } from '@/lib/constants';
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

  // The whole report (issue 13): figures, events and every section; internal items stay out.
  const markdown = weekMarkdown(weekStart, parsed.data.lang, {}, db);
  if (markdown === null) return fail(`${values.week}: no week stored.`);
  if (values.out) writeOutput(values.out, markdown);
  else process.stdout.write(markdown);
}
