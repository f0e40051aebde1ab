// The week's highlights, computed from values and the targets in force: what a reader of the group chat (or
// of the whole report) should notice first. Pure; zh and en.
//   - a KPI off target, with how many weeks in a row:  "出金有效成功率 99.93%，连续2周低于目标 99.95%"
//   - a score that moved a lot week on week:            "健康分下降 54 分"
//   - a progress metric that has not moved for 3+ weeks: "Hive迁移进度 45.0%，连续3周无进展"
import type { Language, MetricDefinition } from '../constants';
import { formatMetricValue, formatNumber, withUnit } from '../format';
import type { WeekStart } from '../weeks';
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
}

export type HighlightKind = 'off_target' | 'score_change' | 'stalled' | 'all_met';

export interface Highlight {
  kind: HighlightKind;
  metricKey: string | null;
  text: string;
}

/** A score change at least this large (in the metric's own unit) is worth a line. */
export const SCORE_CHANGE_THRESHOLD = 20;
/** A progress metric that has not moved for this many weeks is called out. */
export const STALLED_WEEKS = 3;

const label = (m: HighlightMetric, lang: Language) => (lang === 'zh' ? m.labelZh : m.labelEn);

function offTarget(m: HighlightMetric, input: HighlightInput): Highlight | null {
  if (m.kind === 'progress') return null; // progress has its own rule: a 100% target is not news every week
  const values = input.series[m.key] ?? [];
  const last = input.weeks.length - 1;
  const value = values[last];
  const target = targetInForce(input.targets, m.key, input.weeks[last]);
  const status = metricStatus(value, m.direction, target);
  if (value === null || value === undefined || !target || (status !== 'missed' && status !== 'warning')) return null;
  let streak = 1;
  for (let i = last - 1; i >= 0; i--) {
    const s = metricStatus(values[i], m.direction, targetInForce(input.targets, m.key, input.weeks[i]));
    if (s !== 'missed' && s !== 'warning') break;
    streak++;
  }
  const { lang } = input;
  const shown = formatMetricValue(value, m, lang);
  const goal = formatMetricValue(target.target, m, lang);
  const side = m.direction === 'higher' ? (lang === 'zh' ? '低于' : 'below') : lang === 'zh' ? '高于' : 'above';
  const text =
    lang === 'zh'
      ? `${label(m, lang)} ${shown}，${streak > 1 ? `连续${streak}周` : ''}${side}目标 ${goal}`
      : `${label(m, lang)} ${shown}, ${side} target ${goal}${streak > 1 ? ` for ${streak} weeks in a row` : ''}`;
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

function stalled(m: HighlightMetric, input: HighlightInput): Highlight | null {
  if (m.kind !== 'progress') return null;
  const values = input.series[m.key] ?? [];
  const last = input.weeks.length - 1;
  const now = values[last];
  if (now === null || now === undefined || now >= 100) return null;
  // How many weeks back the value was already at least where it is now (every week in between present).
  let weeks = 0;
  for (let i = last - 1; i >= 0; i--) {
    const v = values[i];
    if (v === null || v === undefined || v < now - 1e-9) break;
    weeks = last - i;
  }
  if (weeks < STALLED_WEEKS) return null;
  const { lang } = input;
  const shown = formatMetricValue(now, m, lang);
  const text = lang === 'zh' ? `${label(m, lang)} ${shown}，连续${weeks}周无进展` : `${label(m, lang)} ${shown}, no progress for ${weeks} weeks`;
  return { kind: 'stalled', metricKey: m.key, text };
}

/** Off-target KPIs first, then big score moves, then stalled progress; "every KPI on target" when none. */
export function computeHighlights(input: HighlightInput): Highlight[] {
  if (input.weeks.length === 0) return [];
  const found: Highlight[] = [];
  for (const rule of [offTarget, scoreChange, stalled]) {
    for (const m of input.metrics) {
      const h = rule(m, input);
      if (h) found.push(h);
    }
  }
  if (found.length === 0) found.push({ kind: 'all_met', metricKey: null, text: input.lang === 'zh' ? '全部指标达标' : 'Every KPI on target' });
  return found;
}
