// Turns a pasted Markdown weekly report into the week's figures. Pure and total: whatever the input,
// it returns a result, and everything it could not read cleanly becomes a warning for the import form.
import { isWeekNumbering, type WeekNumbering } from '../weeks';
import { reconcileCounts } from './counts';
import { dateIncidents, parseIncidentLog } from './incidents';
import { extractMetrics } from './metrics';
import { toLines } from './text';
import type { ParsedReport } from './types';
import { parseWeek } from './week';

export type {
  MetricCounts,
  ParsedIncident,
  ParsedReport,
  ReportWarning,
  ReportWarningCode,
  ReportWeek,
} from './types';

export interface ParseReportOptions {
  numbering: WeekNumbering;
}

import { MAX_REPORT_CHARS } from './limits';

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
      warnings: [{ code: 'parse_error', message: `The report could not be read: ${String(err)}` }],
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
      message: `Only the first ${MAX_REPORT_CHARS} of ${text.length} characters were read.`,
    });
    text = text.slice(0, MAX_REPORT_CHARS);
  }

  const lines = toLines(text);
  const week = parseWeek(lines, numbering);
  const metrics = extractMetrics(lines);
  const { log, warnings: logWarnings } = parseIncidentLog(lines);
  const dated = dateIncidents(log.incidents, week.reportDate);
  const counts = reconcileCounts(metrics.incidentCounts, log);

  warnings.push(...week.warnings, ...metrics.warnings, ...logWarnings, ...dated.warnings, ...counts.warnings);
  return {
    week: week.week,
    values: { ...metrics.values, ...counts.values },
    counts: metrics.counts,
    previous: metrics.previous,
    incidents: dated.incidents,
    warnings,
  };
}
