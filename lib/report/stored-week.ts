// A stored week → what renderReportMarkdown needs. Pure: the week comes in as data. The sections the
// database does not store yet (focus, objectives, findings, reflection, plan) stay empty; the week's
// public notes become 【其他】, one item per line.
import { METRIC_KEYS, type DefaultMetricKey } from '../constants';
import type { StoredIncident } from '../import/report-entry';
import { durationBetween } from '../validation/week-entry';
import type { WeekInitiative, WeekReport } from './model';
import type { RenderableWeek } from './render-markdown';
import { findingText, initiativeText } from './status-words';
import type { MetricCounts, MetricValues, ParsedIncident, ReportItem, WholeReport } from './types';

export interface StoredWeekForExport {
  label: string;
  /** The week's Saturday: the day the team dates its report. */
  reportDate: string;
  notes: string;
  values: Record<string, { value: number; done: number | null; total: number | null }>;
  incidents: StoredIncident[];
  /** The stored whole report (issue 13); without it only the notes are exported (as 【其他】). */
  report?: WeekReport;
  lang?: 'zh' | 'en';
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
    report: w.report ? weekReportToWhole(w.report, w.notes, w.lang ?? 'zh') : { focus: [], objectives: [], findings: [], other: notesToItems(w.notes), reflection: '', nextWeek: [] },
  };
}

/** An initiative reported this week: it has an update, or one of its children has. */
function reportItem(i: WeekInitiative, all: readonly WeekInitiative[]): ReportItem | null {
  const children = all.filter((c) => c.parentId === i.id).map((c) => reportItem(c, [])).filter((c): c is ReportItem => c !== null);
  if (!i.update && !children.length) return null;
  const text = i.update ? initiativeText(i.title, i.update.text, i.update.status, i.update.progress) : '';
  return { title: i.title, text, ...(children.length ? { children } : {}) };
}

/**
 * The stored report as the parser's WholeReport, so the team's Markdown renders it and a re-import reads it
 * back: statuses the words cannot carry go in a small tag (lib/report/status-words.ts). The week's public
 * notes join 【其他】 when the week has no other items.
 */
export function weekReportToWhole(r: WeekReport, notes: string, lang: 'zh' | 'en'): WholeReport {
  const texts = (items: { text: string }[]) => items.map((i) => i.text);
  return {
    focus: texts(r.focus),
    objectives: r.objectives
      .map((o) => {
        const ids = new Set(o.initiatives.map((i) => i.id));
        const top = o.initiatives.filter((i) => i.parentId === null || !ids.has(i.parentId));
        return { code: o.code, title: (lang === 'en' && o.titleEn) || o.titleZh, items: top.map((i) => reportItem(i, o.initiatives)).filter((i): i is ReportItem => i !== null) };
      })
      .filter((o) => o.items.length),
    findings: r.findings.map((f) => {
      const state = findingText(f.note?.text ?? '', f.note?.status ?? f.status);
      return { title: f.title, ...(state ? { status: state } : {}), ...(f.owner ? { owner: f.owner } : {}), ...(f.dueDate ? { due: f.dueDate } : {}) };
    }),
    other: r.other.length ? texts(r.other) : notesToItems(notes),
    reflection: r.reflection,
    nextWeek: texts(r.nextWeek),
  };
}
