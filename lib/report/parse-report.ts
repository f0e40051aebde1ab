// Turns a pasted Markdown weekly report into the week: its figures, events and every other section.
// The text is split into lines once and built into one outline (tree.ts); each kind of section has its
// own extractor. Pure and total: whatever the input, it returns a result, and everything it could not
// read cleanly becomes a warning for the import form.
import { isWeekNumbering, type WeekNumbering } from '../weeks';
import { reconcileCounts } from './counts';
import { dateIncidents } from './incident-dates';
import { parseIncidentLog } from './incidents';
import { extractMetrics } from './metrics';
import { extractSections } from './sections';
import { toLines } from './text';
import { buildTree } from './tree';
import type { ParsedReport, WholeReport } from './types';
import { parseWeek } from './week';

export type {
  ItemStatus,
  MetricCounts,
  ParsedIncident,
  ParsedReport,
  ReportWarning,
  ReportFinding,
  ReportItem,
  ReportObjective,
  ReportWarningCode,
  ReportWeek,
  WholeReport,
} from './types';

export const emptyWholeReport = (): WholeReport => ({ focus: [], objectives: [], findings: [], other: [], reflection: '', nextWeek: [] });

export interface ParseReportOptions {
  numbering: WeekNumbering;
}

import { MAX_REPORT_CHARS } from './limits';
import { key } from '@/lib/i18n/key';

export { MAX_REPORT_CHARS };

export function parseReport(text: string, options: ParseReportOptions): ParsedReport {
  try {
    return parse(text, options);
  } catch (err) {
    // Never reached by any known input; kept so a parser bug degrades to a warning, not a crashed form.
    return {
      week: null,
      values: {},
      counts: {},
      previous: {},
      incidents: [],
      warnings: [{ code: 'parse_error', message: key('warn.parseError', { error: String(err) }) }],
      report: emptyWholeReport(),
      hasEventLog: false,
    };
  }
}

function parse(input: unknown, options: ParseReportOptions | undefined): ParsedReport {
  let text = typeof input === 'string' ? input : '';
  const numbering: WeekNumbering = isWeekNumbering(options?.numbering) ? options.numbering : 'jan1';
  const warnings: ParsedReport['warnings'] = [];
  if (text.length > MAX_REPORT_CHARS) {
    warnings.push({
      code: 'input_truncated',
      message: key('warn.truncated', { max: MAX_REPORT_CHARS, length: text.length }),
    });
    text = text.slice(0, MAX_REPORT_CHARS);
  }

  const lines = toLines(text);
  const week = parseWeek(lines, numbering);
  const metrics = extractMetrics(lines);
  const { log, warnings: logWarnings } = parseIncidentLog(lines);
  const dated = dateIncidents(log.incidents, week.reportDate);
  const counts = reconcileCounts(metrics.incidentCounts, log);
  const report = extractSections(buildTree(lines));

  warnings.push(...week.warnings, ...metrics.warnings, ...logWarnings, ...dated.warnings, ...counts.warnings);
  return {
    week: week.week,
    values: { ...metrics.values, ...counts.values },
    counts: metrics.counts,
    previous: metrics.previous,
    incidents: dated.incidents,
    warnings,
    report,
    hasEventLog: log.present,
  };
}
