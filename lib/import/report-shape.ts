// What the importers need from a report beyond parseReport's result: whether it has an event log at all
// (only then does its log replace the stored one), and the result in the shape of samples/expected.json.
import { parseIncidentLog } from '../report/incidents';
import { MAX_REPORT_CHARS, type ParsedReport } from '../report/parse-report';
import { toLines } from '../report/text';

/** True when the report has a production-event section, even one that says "无" (no events this week). */
export function hasEventSection(text: string): boolean {
  try {
    return parseIncidentLog(toLines(text.slice(0, MAX_REPORT_CHARS))).log.present;
  } catch {
    return false;
  }
}

/** Exactly the keys of an expected.json entry, in its order, and nothing else. */
export function reportJson(report: ParsedReport) {
  return {
    week: report.week ? { label: report.week.label, start: report.week.start, end: report.week.end, reportDate: report.week.reportDate } : null,
    values: report.values,
    counts: report.counts,
    previous: report.previous,
    incidents: report.incidents.map((e) => ({
      startedAt: e.startedAt,
      ...(e.durationMinutes === undefined ? {} : { durationMinutes: e.durationMinutes }),
      grade: e.grade,
      gradeStatus: e.gradeStatus,
      title: e.title,
      cause: e.cause,
      handling: e.handling,
    })),
    warnings: report.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
