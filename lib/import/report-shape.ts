// The parsed report in the shape the command line prints (fixtures/reports/expected.json's keys, plus
// `report`, the whole report's sections).
import type { ParsedReport } from '../report/parse-report';
import { localize } from '../i18n/form-labels';

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
    // The command line speaks English: each warning's key rendered.
    warnings: report.warnings.map((w) => ({ code: w.code, message: localize(w.message, 'en') })),
    report: report.report,
  };
}
