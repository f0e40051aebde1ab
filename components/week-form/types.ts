import type { MetricKind } from '@/lib/constants';

export interface FormMetric {
  key: string;
  label: string;
  unit: string;
  decimals: number;
  truncate: boolean;
  kind: MetricKind;
  required: boolean;
  /** Last published week's value, formatted. */
  lastWeek: string;
  /** The target in force this week, formatted ("≥ 99.99%"), or ''. */
  target: string;
}

export interface CellDraft {
  value: string;
  done: string;
  total: string;
}

export interface IncidentDraft {
  clientKey: string;
  id?: number;
  title: string;
  startedAt: string;
  endedAt: string;
  durationMinutes: string;
  grade: string;
  gradeStatus: string;
  cause: string;
  handling: string;
}

export interface WeekDraft {
  values: Record<string, CellDraft>;
  notes: string;
  internalNotes: string;
  reason: string;
  incidents: IncidentDraft[];
}
