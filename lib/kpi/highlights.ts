// The week's highlights, computed from values and the targets in force: what a reader of the group chat (or
// of the whole report) should notice first. Pure; zh and en.
//   - a KPI off target, with how many weeks in a row:  "出金有效成功率 99.93%，连续2周低于目标 99.95%"
//   - a score that moved a lot week on week:            "健康分下降 54 分"
//   - a progress metric that has not moved for 3+ weeks: "Hive迁移进度 45.0%，连续3周无进展"
//   - an off-target KPI still moving away (or back):     "…低于目标 99.95%，下降中"
//   - (whole report) an initiative stuck for 3+ weeks:   "Hive迁移 3 周无进展"
//   - (whole report) open findings past their due date: "2 项发现已逾期"
// The digest passes only metrics; the report and the dashboard also pass initiatives and findings.
import type { Language, MetricDefinition } from '../constants';
import { formatMetricValue, formatNumber, withUnit } from '../format';
import { weekEnd, type WeekStart } from '../weeks';
import { metricStatus } from './status';
import { targetInForce, type TargetRow } from './targets';

export type HighlightMetric = Pick<MetricDefinition, 'key' | 'labelZh' | 'labelEn' | 'unit' | 'decimals' | 'truncate' | 'direction' | 'kind'>;

export interface HighlightInput {
  metrics: readonly HighlightMetric[];
  targets: readonly TargetRow[];
  /** Consecutive weeks, oldest first; the last one is the week being reported. */
  weeks: readonly WeekStart[];
  /** Per metric key, one value per entry of `weeks` (null: none). */
  series: Readonly<Record<string, ReadonlyArray<number | null>>>;
  lang: Language;
  /** Initiatives of the whole report, each with its progress per entry of `weeks`. */
  initiatives?: readonly HighlightInitiative[];
  /** Findings as they stand in the reported week. */
  findings?: readonly HighlightFinding[];
  /** The day findings are overdue by (yyyy-MM-dd); default the reported week's Sunday. */
  asOf?: string;
}

export interface HighlightInitiative {
  title: string;
  /** Progress % per entry of `weeks` (null: no update that week). */
  progress: ReadonlyArray<number | null>;
  /** The latest status: a done or paused initiative is not "stalled". */
  status: string | null;
}

export interface HighlightFinding {
  title: string;
  status: string;
  /** yyyy-MM-dd or null. */
  due: string | null;
}

export type HighlightKind = 'off_target' | 'score_change' | 'stalled' | 'initiative_stalled' | 'findings_overdue' | 'all_met';

export interface Highlight {
  kind: HighlightKind;
  metricKey: string | null;
  text: string;
}

/** Finding states that are settled: never overdue. */
const SETTLED_FINDING = new Set(['resolved', 'accepted_risk']);
/** Initiative states that are not expected to move. */
const RESTING_INITIATIVE = new Set(['done', 'paused', 'not_started']);

/** A score change at least this large (in the metric's own unit) is worth a line. */
export const SCORE_CHANGE_THRESHOLD = 20;
/** A progress metric that has not moved for this many weeks is called out. */
export const STALLED_WEEKS = 3;

const label = (m: HighlightMetric, lang: Language) => (lang === 'zh' ? m.labelZh : m.labelEn);
/** Below target, or in its warning band. */
const behind = (status: ReturnType<typeof metricStatus>) => status === 'missed' || status === 'warning';

function offTarget(m: HighlightMetric, input: HighlightInput): Highlight | null {
  if (m.kind === 'progress') return null; // progress has its own rule: a 100% target is not news every week
  const values = input.series[m.key] ?? [];
  const last = input.weeks.length - 1;
  const value = values[last];
  const target = targetInForce(input.targets, m.key, input.weeks[last]);
  const status = metricStatus(value, m.direction, target);
  if (value === null || value === undefined || !target || !behind(status)) return null;
  let streak = 1;
  for (let i = last - 1; i >= 0; i--) {
    const s = metricStatus(values[i], m.direction, targetInForce(input.targets, m.key, input.weeks[i]));
    if (!behind(s)) break;
    streak++;
  }
  const { lang } = input;
  const shown = formatMetricValue(value, m, lang);
  const goal = formatMetricValue(target.target, m, lang);
  const side = m.direction === 'higher' ? (lang === 'zh' ? '低于' : 'below') : lang === 'zh' ? '高于' : 'above';
  const previous = values[last - 1];
  const moving = previous === null || previous === undefined || previous === value ? '' : value < previous ? 'down' : 'up';
  const trend = moving === '' ? '' : lang === 'zh' ? `，${moving === 'down' ? '下降中' : '上升中'}` : `, ${moving === 'down' ? 'falling' : 'rising'}`;
  const text =
    lang === 'zh'
      ? `${label(m, lang)} ${shown}，${streak > 1 ? `连续${streak}周` : ''}${side}目标 ${goal}${trend}`
      : `${label(m, lang)} ${shown}, ${side} target ${goal}${streak > 1 ? ` for ${streak} weeks in a row` : ''}${trend}`;
  return { kind: 'off_target', metricKey: m.key, text };
}

function scoreChange(m: HighlightMetric, input: HighlightInput): Highlight | null {
  if (m.kind !== 'score') return null;
  const values = input.series[m.key] ?? [];
  const last = input.weeks.length - 1;
  const now = values[last];
  const before = values[last - 1];
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const change = now - before;
  if (Math.abs(change) < SCORE_CHANGE_THRESHOLD) return null;
  const { lang } = input;
  const amount = formatNumber(Math.abs(change), m.decimals, lang);
  const up = change > 0;
  const text =
    lang === 'zh'
      ? `${label(m, lang)}${up ? '上升' : '下降'} ${amount}${m.unit === 'pts' ? ' 分' : m.unit}`
      : `${label(m, lang)} ${up ? 'up' : 'down'} ${withUnit(amount, m.unit, lang)}`;
  return { kind: 'score_change', metricKey: m.key, text };
}

/** Weeks in a row (ending at the reported week) the progress has not risen; a gap breaks the run. */
function stuckWeeks(progress: ReadonlyArray<number | null>, last: number): number {
  const now = progress[last];
  if (now === null || now === undefined || now >= 100) return 0;
  let weeks = 0;
  for (let i = last - 1; i >= 0; i--) {
    const v = progress[i];
    if (v === null || v === undefined || v < now - 1e-9) break;
    weeks = last - i;
  }
  return weeks;
}

function stalled(m: HighlightMetric, input: HighlightInput): Highlight | null {
  if (m.kind !== 'progress') return null;
  const values = input.series[m.key] ?? [];
  const last = input.weeks.length - 1;
  const weeks = stuckWeeks(values, last);
  if (weeks < STALLED_WEEKS) return null;
  const { lang } = input;
  const shown = formatMetricValue(values[last] ?? null, m, lang);
  const text = lang === 'zh' ? `${label(m, lang)} ${shown}，连续${weeks}周无进展` : `${label(m, lang)} ${shown}, no progress for ${weeks} weeks`;
  return { kind: 'stalled', metricKey: m.key, text };
}

function initiativesStalled(input: HighlightInput): Highlight[] {
  const last = input.weeks.length - 1;
  return (input.initiatives ?? []).flatMap((it) => {
    if (it.status && RESTING_INITIATIVE.has(it.status)) return [];
    const weeks = stuckWeeks(it.progress, last);
    if (weeks < STALLED_WEEKS) return [];
    const text = input.lang === 'zh' ? `${it.title} ${weeks} 周无进展` : `${it.title}: no progress for ${weeks} weeks`;
    return [{ kind: 'initiative_stalled' as const, metricKey: null, text }];
  });
}

/** Open findings whose due date lies before `asOf` (yyyy-MM-dd). */
export function overdueFindings<F extends HighlightFinding>(findings: readonly F[], asOf: string): F[] {
  return findings.filter((f) => !SETTLED_FINDING.has(f.status) && f.due !== null && f.due < asOf);
}

/** The day a week's findings count as overdue by: its Sunday, or today while the week is still running. */
export function overdueAsOf(week: WeekStart, today: string): string {
  const end = weekEnd(week);
  return today < end ? today : end;
}

function findingsOverdue(input: HighlightInput): Highlight[] {
  const n = overdueFindings(input.findings ?? [], input.asOf ?? weekEnd(input.weeks[input.weeks.length - 1])).length;
  if (n === 0) return [];
  const text = input.lang === 'zh' ? `${n} 项发现已逾期` : n === 1 ? '1 finding overdue' : `${n} findings overdue`;
  return [{ kind: 'findings_overdue', metricKey: null, text }];
}

/**
 * Off-target KPIs first, then big score moves, then stalled progress, stalled initiatives and overdue findings;
 * "every KPI on target" when none.
 */
export function computeHighlights(input: HighlightInput): Highlight[] {
  if (input.weeks.length === 0) return [];
  const found: Highlight[] = [];
  for (const rule of [offTarget, scoreChange, stalled]) {
    for (const m of input.metrics) {
      const h = rule(m, input);
      if (h) found.push(h);
    }
  }
  found.push(...initiativesStalled(input), ...findingsOverdue(input));
  if (found.length === 0) found.push(nothingStandsOut(input));
  return found;
}

/**
 * Nothing to call out. Progress metrics below their target are not news while they move (offTarget, stalled),
 * but then "every KPI on target" would be untrue: the line says which part is on target.
 */
function nothingStandsOut(input: HighlightInput): Highlight {
  const last = input.weeks.length - 1;
  const progressBehind = input.metrics.some((m) => {
    if (m.kind !== 'progress') return false;
    return behind(metricStatus(input.series[m.key]?.[last], m.direction, targetInForce(input.targets, m.key, input.weeks[last])));
  });
  const zh = input.lang === 'zh';
  const text = progressBehind ? (zh ? '除进度类指标外全部达标，进度仍在推进' : 'Every KPI on target but progress, which is still moving') : zh ? '全部指标达标' : 'Every KPI on target';
  return { kind: 'all_met', metricKey: null, text };
}
