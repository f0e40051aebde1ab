// A stored week → what renderReportMarkdown needs. Pure: the week comes in as data. The sections the
// database does not store yet (focus, objectives, findings, reflection, plan) stay empty; the week's
// public notes become 【其他】, one item per line.
import { METRIC_KEYS, type DefaultMetricKey } from '../constants';
import type { StoredIncident } from '../import/report-entry';
import { durationBetween } from '../validation/week-entry';
import type { RenderableWeek } from './render-markdown';
import type { MetricCounts, MetricValues, ParsedIncident } from './types';

export interface StoredWeekForExport {
  label: string;
  /** The week's Saturday: the day the team dates its report. */
  reportDate: string;
  notes: string;
  values: Record<string, { value: number; done: number | null; total: number | null }>;
  incidents: StoredIncident[];
}

const LIST_MARKER = /^\s{0,8}(?:[-*+•]|\d{1,3}[.、)])\s{1,4}/;

export function notesToItems(notes: string): string[] {
  return notes
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(LIST_MARKER, '').trim())
    .filter(Boolean);
}

function incident(e: StoredIncident): ParsedIncident {
  const minutes = e.durationMinutes ?? (e.endedAt ? durationBetween(e.startedAt, e.endedAt) : null);
  return {
    startedAt: e.startedAt,
    ...(minutes !== null && minutes !== undefined ? { durationMinutes: minutes } : {}),
    grade: e.grade,
    gradeStatus: e.grade ? e.gradeStatus : null,
    title: e.title,
    cause: e.cause,
    handling: e.handling,
  };
}

export function storedWeekToRenderable(w: StoredWeekForExport): RenderableWeek {
  const values: MetricValues = {};
  const counts: Partial<Record<DefaultMetricKey, MetricCounts>> = {};
  for (const key of METRIC_KEYS) {
    const v = w.values[key];
    if (!v) continue;
    values[key] = v.value;
    const c: MetricCounts = {};
    if (v.done !== null) c.done = v.done;
    if (v.total !== null) c.total = v.total;
    if (c.total !== undefined) counts[key] = c;
  }
  return {
    label: w.label,
    reportDate: w.reportDate,
    values,
    counts,
    incidents: w.incidents.map(incident),
    report: { focus: [], objectives: [], findings: [], other: notesToItems(w.notes), reflection: '', nextWeek: [] },
  };
}
