import type { DefaultMetricKey, Grade, GradeStatus } from '../constants';

/** Stable machine codes: the import form keys its hints off these, so never rename one. */
export type ReportWarningCode =
  | 'no_week'
  | 'invalid_date'
  | 'heading_conflict'
  | 'week_number_mismatch'
  | 'percent_mismatch'
  | 'remaining_mismatch'
  | 'invalid_counts'
  | 'out_of_range'
  | 'conflicting_value'
  | 'ungraded_bucket'
  | 'incident_count_mismatch'
  | 'incident_invalid_date'
  | 'incident_no_year'
  | 'input_truncated'
  | 'parse_error';

export interface ReportWarning {
  code: ReportWarningCode;
  message: string;
}

export interface ReportWeek {
  label: string;
  start: string;
  end: string;
  reportDate: string;
}

export interface ParsedIncident {
  /** Local time, `YYYY-MM-DDTHH:mm`. */
  startedAt: string;
  durationMinutes?: number;
  grade: Grade | null;
  gradeStatus: GradeStatus | null;
  title: string;
  cause: string;
  handling: string;
}

export interface MetricCounts {
  done?: number;
  total?: number;
}

export type MetricValues = Partial<Record<DefaultMetricKey, number>>;

export interface ParsedReport {
  week: ReportWeek | null;
  /** Metrics the report does not mention are absent, never 0. */
  values: MetricValues;
  counts: Partial<Record<DefaultMetricKey, MetricCounts>>;
  previous: MetricValues;
  incidents: ParsedIncident[];
  warnings: ReportWarning[];
}
