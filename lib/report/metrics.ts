// The week's figures. Every pattern anchors on a metric's own label right before its number, so a
// goal ("推进至70%"), a project's progress ("开发进度 70%") or "本周新增2个" never reads as a value.
import type { DefaultMetricKey, Grade } from '../constants';
import { key as key_ } from '../i18n/key';
import { readTables } from './tables';
import { agreesWith, decimalsOf, formatDerived, NUM, PCT, roundTo, SEP, type ReportLine } from './text';
import type { MetricCounts, MetricValues, ReportWarning } from './types';

/** Incident counts as the report states them, before the incident log splits the buckets. */
export interface StatedIncidentCounts {
  grades: Partial<Record<Grade, number>>;
  ab?: number;
  cd?: number;
}

export interface MetricsResult {
  values: MetricValues;
  counts: Partial<Record<DefaultMetricKey, MetricCounts>>;
  previous: MetricValues;
  incidentCounts: StatedIncidentCounts;
  warnings: ReportWarning[];
}

// Not preceded by a letter or digit: "支付系统年度可用性" yes, "清算系统可用性" (another system) no.
const BOUNDARY = '(?:^|[^\\p{L}\\p{N}])';

// Movement phrases ("由 97.5% 提升至 98.0%"): the later figure is this week's, the earlier last week's.
const MOVE = `\\s{0,3}(?:本周)?${SEP}(?:从|由)\\s{0,3}${NUM}\\s{0,2}%?\\s{0,3}(?:提升|提高|上升|下降|降低|回落|增长|升|降|提)?\\s{0,2}(?:至|到)\\s{0,3}${PCT}`;
// "99.93%（上周99.96%）": the bracketed figure is last week's.
const LAST_WEEK = new RegExp(`^\\s{0,3}\\(\\s{0,3}上周${SEP}${NUM}\\s{0,2}%?\\s{0,3}\\)`);

interface PercentLabel {
  key: DefaultMetricKey;
  value: RegExp;
  move: RegExp;
}

const percentLabel = (key: DefaultMetricKey, label: string, flags = ''): PercentLabel => ({
  key,
  value: new RegExp(`${label}${SEP}${PCT}`, flags),
  move: new RegExp(`${label}${MOVE}`, flags),
});

const PERCENT_LABELS: readonly PercentLabel[] = [
  percentLabel('inbound_success_rate', '入金(?:有效)?成功率'),
  percentLabel('outbound_success_rate', '出金(?:有效)?成功率'),
  percentLabel('first_attempt_success_rate', '一次(?:支付)?成功率'),
  // The full name may follow any words ("另外支付系统年度可用性"); a bare 可用性 only at a boundary.
  percentLabel('availability', `(?:支付系统(?:年度)?可用性|${BOUNDARY}(?:本周|本年|今年)?(?:年度)?可用性)`, 'u'),
  percentLabel('hive_overall_progress', '数仓建设总进度'),
];

const MIGRATION = new RegExp(
  `(?:${BOUNDARY}|hive\\s?|报表)迁移进度\\s{0,3}(?:\\(\\s{0,3}(?:总数|共)\\s{0,3}(\\d{1,9})\\s{0,3}个?\\s{0,3}\\))?${SEP}${PCT}`,
  'iu',
);
const REMAINING = /剩余\s{0,3}(\d{1,9})\s{0,3}个/;
// "(64/80)" or "完成64/80": done of total, in brackets or after 完成 so a date ("8/10") never reads as one.
const FRACTION = /(?:\(|完成)\s{0,3}(\d{1,9})\s{0,2}\/\s{0,2}(\d{1,9})(?!\d)/;

const CLASSIFICATION_CONTEXT = /数据分类|分类分级|打标/;
const CLASSIFICATION_TOTAL = /(?:一共|总共|共计|总数|共)\s{0,3}:?\s{0,3}(\d{1,9})\s{0,3}个|(\d{1,9})\s{0,3}个\s{0,3}(?:数据库|库)?\s{0,3}中/;
const CLASSIFICATION_DONE = /完成\s{0,3}(\d{1,9})\s{0,3}个/;
const CLASSIFICATION_RATE = new RegExp(`完成率${SEP}${PCT}`);

const HEALTH_CONTEXT = /健康分/;
const HEALTH_CHANGE = new RegExp(
  `(?:从|由)\\s{0,3}${NUM}\\s{0,3}分?\\s{0,3}(?:提升|提高|上升|下降|降低|提|升|降)?\\s{0,2}(?:到|至)\\s{0,3}${NUM}\\s{0,3}分`,
);
const HEALTH_VALUE = new RegExp(`健康分\\s{0,3}(?:为|是)?${SEP}${NUM}(?![\\d.%])`);
const HEALTH_PREVIOUS = new RegExp(`上周${SEP}${NUM}\\s{0,3}分`);

const INCIDENT_COUNT = /(AB|CD|[ABCD])\s{0,2}级\s{0,3}:?\s{0,3}(\d{1,6})\s{0,2}次/gi;

class Collector {
  readonly values: MetricValues = {};
  readonly counts: Partial<Record<DefaultMetricKey, MetricCounts>> = {};
  readonly previous: MetricValues = {};
  readonly incidentCounts: StatedIncidentCounts = { grades: {} };
  readonly warnings: ReportWarning[] = [];

  /** First mention wins: a later, different figure for the same metric is reported, not applied. */
  value(key: DefaultMetricKey, value: number, quote: string, percent: boolean): void {
    if (!Number.isFinite(value) || value < 0 || (percent && value > 100)) {
      this.warn('out_of_range', key_('warn.implausible', { metric: key, text: quote }));
      return;
    }
    const prior = this.values[key];
    if (prior === undefined) this.values[key] = value;
    else if (prior !== value) {
      this.warn('conflicting_value', key_('warn.conflicting', { metric: key, text: quote, prior }));
    }
  }

  previousValue(key: DefaultMetricKey, value: number): void {
    if (Number.isFinite(value) && value >= 0 && this.previous[key] === undefined) this.previous[key] = value;
  }

  count(key: DefaultMetricKey, counts: MetricCounts): void {
    if (this.counts[key] === undefined) this.counts[key] = counts;
  }

  incidentCount(bucket: Grade | 'AB' | 'CD', n: number, quote: string): void {
    const prior = bucket === 'AB' ? this.incidentCounts.ab : bucket === 'CD' ? this.incidentCounts.cd : this.incidentCounts.grades[bucket];
    if (prior !== undefined) {
      if (prior !== n) this.warn('conflicting_value', key_('warn.conflictingCount', { bucket, text: quote, prior }));
      return;
    }
    if (bucket === 'AB') this.incidentCounts.ab = n;
    else if (bucket === 'CD') this.incidentCounts.cd = n;
    else this.incidentCounts.grades[bucket] = n;
  }

  warn(code: ReportWarning['code'], message: string): void {
    this.warnings.push({ code, message });
  }
}

export function extractMetrics(lines: ReportLine[]): MetricsResult {
  const c = new Collector();
  const tables = readTables(lines, c.warnings);
  lines.forEach((line, i) => {
    if (line.inGoals) return;
    const row = tables.get(i);
    if (row === null) return;
    if (row === undefined) return readLine(c, line.norm);
    readLine(c, row.current);
    if (row.previous) readPrevious(c, row.previous);
  });
  const { values, counts, previous, incidentCounts, warnings } = c;
  return { values, counts, previous, incidentCounts, warnings };
}

function readLine(c: Collector, norm: string): void {
  for (const label of PERCENT_LABELS) {
    const move = label.move.exec(norm);
    if (move) {
      c.value(label.key, Number(move[2]), move[0].trim(), true);
      c.previousValue(label.key, Number(move[1]));
      continue;
    }
    const m = label.value.exec(norm);
    if (!m) continue;
    c.value(label.key, Number(m[1]), m[0].trim(), true);
    const last = LAST_WEEK.exec(norm.slice(m.index + m[0].length));
    if (last) c.previousValue(label.key, Number(last[1]));
  }
  migration(c, norm);
  if (CLASSIFICATION_CONTEXT.test(norm)) classification(c, norm);
  if (HEALTH_CONTEXT.test(norm)) health(c, norm);
  for (const m of norm.matchAll(INCIDENT_COUNT)) {
    c.incidentCount(m[1].toUpperCase() as Grade | 'AB' | 'CD', Number(m[2]), m[0]);
  }
}

/** A table's 上周 cell: read with the same labels, kept as last week's figure only. */
function readPrevious(c: Collector, norm: string): void {
  const scratch = new Collector();
  readLine(scratch, norm);
  for (const [key, value] of Object.entries(scratch.values)) c.previousValue(key as DefaultMetricKey, value);
}

// "剩余N个" may count items still in a later stage, so it is checked against the stated figure but
// never used as a done count.
function migration(c: Collector, norm: string): void {
  const m = MIGRATION.exec(norm);
  if (!m) return;
  const stated = m[2];
  const rest = norm.slice(m.index + m[0].length, m.index + m[0].length + 24);
  const fraction = m[1] === undefined ? FRACTION.exec(rest) : null;
  if (fraction) return migrationFraction(c, stated, Number(fraction[1]), Number(fraction[2]), m[0].trim());
  c.value('hive_migration_progress', Number(stated), m[0].trim(), true);
  if (m[1] === undefined) return;
  const total = Number(m[1]);
  if (total <= 0) {
    c.warn('invalid_counts', key_('warn.badTotal', { metric: 'hive_migration_progress', total }));
    return;
  }
  c.count('hive_migration_progress', { total });
  const r = REMAINING.exec(norm.slice(m.index + m[0].length));
  if (!r) return;
  const remaining = Number(r[1]);
  const implied = ((total - remaining) / total) * 100;
  if (remaining > total || !agreesWith(stated, implied)) {
    c.warn(
      'remaining_mismatch',
      key_('warn.remainingMismatch', { metric: 'hive_migration_progress', stated, remaining, total, implied: formatDerived(implied, decimalsOf(stated)) }),
    );
  }
}

function migrationFraction(c: Collector, stated: string, done: number, total: number, quote: string): void {
  const key = 'hive_migration_progress';
  if (total <= 0 || done > total) {
    c.warn('invalid_counts', key_('warn.badCounts', { metric: 'hive_migration_progress', done, total }));
    c.value(key, Number(stated), quote, true);
    return;
  }
  c.count(key, { done, total });
  const derived = (done / total) * 100;
  if (agreesWith(stated, derived)) return c.value(key, Number(stated), quote, true);
  const decimals = decimalsOf(stated);
  c.value(key, roundTo(derived, decimals), `${done}/${total}`, true);
  c.warn('percent_mismatch', key_('warn.percentMismatch', { metric: 'hive_migration_progress', stated, done, total, derived: formatDerived(roundTo(derived, decimals), decimals) }));
}

// Raw counts outrank the stated percentage: the percentage is derived from them where both exist.
function classification(c: Collector, norm: string): void {
  const t = CLASSIFICATION_TOTAL.exec(norm);
  const d = CLASSIFICATION_DONE.exec(norm);
  const r = CLASSIFICATION_RATE.exec(norm);
  const f = FRACTION.exec(norm);
  if (!t && !d && !r && !f) return;
  const key = 'data_classification_progress';
  const total = t ? Number(t[1] ?? t[2]) : f ? Number(f[2]) : undefined;
  const done = d ? Number(d[1]) : f ? Number(f[1]) : undefined;

  if (total !== undefined && done !== undefined) {
    if (total <= 0 || done > total) {
      c.warn('invalid_counts', key_('warn.badCounts', { metric: key, done, total }));
    } else {
      c.count(key, { done, total });
      const derived = (done / total) * 100;
      if (!r) {
        c.value(key, roundTo(derived, 2), `${done}/${total}`, true);
      } else if (agreesWith(r[1], derived)) {
        c.value(key, Number(r[1]), r[0], true);
      } else {
        const decimals = decimalsOf(r[1]);
        const value = roundTo(derived, decimals);
        c.value(key, value, `${done}/${total}`, true);
        c.warn(
          'percent_mismatch',
          key_('warn.percentMismatch', { metric: key, stated: r[1], done, total, derived: formatDerived(value, decimals) }),
        );
      }
      return;
    }
  } else if (total !== undefined || done !== undefined) {
    c.count(key, total !== undefined ? { total } : { done });
  }
  if (r) c.value(key, Number(r[1]), r[0], true);
}

function health(c: Collector, norm: string): void {
  const change = HEALTH_CHANGE.exec(norm);
  if (change) {
    c.value('health_score', Number(change[2]), change[0], false);
    c.previousValue('health_score', Number(change[1]));
    return;
  }
  const v = HEALTH_VALUE.exec(norm);
  if (!v) return;
  c.value('health_score', Number(v[1]), v[0], false);
  const p = HEALTH_PREVIOUS.exec(norm);
  if (p) c.previousValue('health_score', Number(p[1]));
}
