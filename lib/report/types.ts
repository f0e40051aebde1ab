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
  | 'incident_no_time'
  | 'incident_duration_mismatch'
  | 'uncertain_value'
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
  /** Focus, objectives and their items, findings, other, reflection and next week's plan. */
  report: WholeReport;
  /** Whether the report has a production-event section at all (even "无"): only then does it replace a stored log. */
  hasEventLog: boolean;
}

/** An initiative's state as the report words it (已投产, 已上线, 需求评审中, 开发进度 N%, 已完成). */
export type ItemStatus = 'live' | 'launched' | 'in_review' | 'in_development' | 'done';

export interface ReportItem {
  title: string;
  text: string;
  status?: ItemStatus;
  /** A progress stated in the item's own text ("开发进度 40%"): the item's, never a KPI. */
  progress?: number;
  children?: ReportItem[];
}

export interface ReportObjective {
  /** "O1", "O2" … */
  code: string;
  title: string;
  items: ReportItem[];
}

export interface ReportFinding {
  title: string;
  /** The state written after the dash ("——材料已提交，等待受理"). */
  status?: string;
  owner?: string;
  /** yyyy-MM-dd */
  due?: string;
}

/** The report beyond its figures, section by section. */
export interface WholeReport {
  focus: string[];
  objectives: ReportObjective[];
  findings: ReportFinding[];
  other: string[];
  /** '' when the report has none or says "暂无". */
  reflection: string;
  nextWeek: string[];
}
