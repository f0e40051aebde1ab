// What each outbox message says, read from the database at send time: the week's values against their
// targets, the highlights, incidents by grade, the restatement's reasons, the reminder's missing metrics.
import { and, eq, isNotNull } from 'drizzle-orm';
import { GRADES, INCIDENT_COUNT_KEYS, type Language } from '@/lib/constants';
import { composeDigest, composeReminder, composeRestated, type ChatMessage, type DigestKpi } from '@/lib/digest/compose';
import { formatMetricValue } from '@/lib/format';
import { computeHighlights } from '@/lib/kpi/highlights';
import { metricStatus } from '@/lib/kpi/status';
import { targetInForce } from '@/lib/kpi/targets';
import { addWeeks, formatWeek, weekLabel, type WeekStart } from '@/lib/weeks';
import type { Db } from '../index';
import { revisions, weeks } from '../schema';
import { getCatalogue, getSeries } from './dashboard';
import { listIncidents } from './incidents';
import { getWeekNumbering } from './settings';
import { getWeekValues } from './values';

export type Content = { message: ChatMessage } | { skip: 'cancel' | 'postpone'; reason: string };

export function weekStatus(db: Db, weekStart: WeekStart): { status: 'draft' | 'published'; version: number } | null {
  return db.select({ status: weeks.status, version: weeks.version }).from(weeks).where(eq(weeks.weekStart, weekStart)).get() ?? null;
}

export function digestMessage(db: Db, weekStart: WeekStart, lang: Language, link: string | null): ChatMessage {
  const numbering = getWeekNumbering(db);
  const { metrics, targets } = getCatalogue(db);
  const range = getSeries({ from: addWeeks(weekStart, -12), to: weekStart }, db);
  const last = range.weeks.length - 1;
  const name = (m: { labelZh: string; labelEn: string }) => (lang === 'zh' ? m.labelZh : m.labelEn);
  const kpis: DigestKpi[] = [];
  for (const m of metrics) {
    const value = range.series[m.key]?.[last] ?? null;
    if (value === null && !m.required) continue;
    const target = targetInForce(targets, m.key, weekStart);
    kpis.push({ label: name(m), value: formatMetricValue(value, m, lang), target: target ? formatMetricValue(target.target, m, lang) : null, status: metricStatus(value, m.direction, target) });
  }
  const log = listIncidents(weekStart, db);
  const incidents = { A: 0, B: 0, C: 0, D: 0, ungraded: log.filter((i) => !i.grade).length };
  for (const g of GRADES) {
    // The reported count is the KPI; the log fills in when the count was not entered.
    const reported = range.series[INCIDENT_COUNT_KEYS[g]]?.[last];
    incidents[g] = reported ?? log.filter((i) => i.grade === g).length;
  }
  return composeDigest({
    lang,
    week: formatWeek(weekStart, numbering, lang),
    weekStart,
    highlights: computeHighlights({ metrics, targets, weeks: range.weeks, series: range.series, lang }).map((h) => h.text),
    kpis,
    incidents,
    link,
  });
}

export function restatedMessage(db: Db, weekStart: WeekStart, version: number, lang: Language, link: string | null): ChatMessage {
  const reasons = db
    .selectDistinct({ reason: revisions.reason })
    .from(revisions)
    .where(and(eq(revisions.weekStart, weekStart), eq(revisions.weekVersion, version), isNotNull(revisions.reason)))
    .all()
    .map((r) => r.reason as string);
  return composeRestated({ lang, week: formatWeek(weekStart, getWeekNumbering(db), lang), weekStart, version, reasons, link });
}

export function reminderMessage(db: Db, weekStart: WeekStart, lang: Language, entryUrl: string): ChatMessage {
  const values = getWeekValues(weekStart, db);
  const missing = getCatalogue(db)
    .metrics.filter((m) => m.required && !values[m.key])
    .map((m) => (lang === 'zh' ? m.labelZh : m.labelEn));
  return composeReminder({ lang, week: formatWeek(weekStart, getWeekNumbering(db), lang), weekStart, missing, link: entryUrl });
}

export function weekLabelOf(db: Db, weekStart: WeekStart): string {
  return weekLabel(weekStart, getWeekNumbering(db));
}
