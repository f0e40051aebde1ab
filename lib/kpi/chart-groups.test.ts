import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS, DEFAULT_TARGETS, METRIC_KEYS, type MetricDefinition } from '../constants';
import { listWeeks } from '../weeks';
import { axisTick, chartValue } from './chart-format';
import type { ChartMetric } from './chart-data';
import { buildChartGroups, chartGroupOf } from './chart-groups';
import { buildDashboardModel } from './dashboard-model';

const weeks = listWeeks('2025-12-01', '2026-11-23'); // 52 weeks
const chartMetric = (m: MetricDefinition): ChartMetric => ({ key: m.key, label: m.labelEn, unit: m.unit, decimals: m.decimals, kind: m.kind, direction: m.direction, truncate: m.truncate });
const targets = DEFAULT_TARGETS.map((t) => ({ metricKey: t.key as string, effectiveFrom: '2000-01-03', target: t.target, warning: t.warning }));
const typical: Record<string, number> = { inbound_success_rate: 99.985, outbound_success_rate: 99.955, first_attempt_success_rate: 99.25, availability: 99.9952, health_score: 560, hive_overall_progress: 40, hive_migration_progress: 20, data_classification_progress: 3 };
const series = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, weeks.map((_, i) => (k in typical ? typical[k] + (i % 3) * 0.001 : i % 4))]));

// A metric an admin adds: nothing in the code knows its key.
const added: MetricDefinition = { key: 'refund_success_rate', labelZh: '退款成功率', labelEn: 'Refund success rate', unit: '%', decimals: 2, truncate: false, direction: 'higher', kind: 'rate', required: true, sortOrder: 15 };
const addedCount: MetricDefinition = { ...added, key: 'chargebacks', labelEn: 'Chargebacks', unit: '', decimals: 0, kind: 'count', direction: 'lower' };

function groups(metrics: MetricDefinition[]) {
  const keys = metrics.map((m) => m.key);
  return buildChartGroups({ metrics: metrics.map(chartMetric), weeks, series: { ...series(keys), refund_success_rate: weeks.map(() => 98.7) }, targets: [...targets, { metricKey: 'refund_success_rate', effectiveFrom: '2000-01-03', target: 98.5, warning: 98 }], gradedWeeks: [weeks[10]], label: (w) => w });
}

describe('chart groups come from the catalogue', () => {
  it('puts each default rate in its own panel, availability (truncated) apart, progress together', () => {
    const g = groups([...DEFAULT_METRICS]);
    expect(g.map((x) => x.id)).toEqual(['rates', 'availability', 'health', 'progress']);
    expect(g[0].panels.map((p) => p.metrics.map((m) => m.key))).toEqual([['inbound_success_rate'], ['outbound_success_rate'], ['first_attempt_success_rate']]);
    expect(g[1].panels.map((p) => p.metrics[0].key)).toEqual(['availability']);
    expect(g[3].panels).toHaveLength(1);
    expect(g[3].panels[0].metrics).toHaveLength(3);
  });

  it('an added rate gets its own panel among the rates; an added count its own group, not the incident chart', () => {
    const g = groups([...DEFAULT_METRICS, added, addedCount]);
    const rates = g.find((x) => x.id === 'rates')!;
    expect(rates.panels.map((p) => p.metrics[0].key)).toContain('refund_success_rate');
    const panel = rates.panels.find((p) => p.metrics[0].key === 'refund_success_rate')!;
    expect(panel.domain![0]).toBeLessThanOrEqual(98);
    expect(panel.domain![1]).toBeGreaterThanOrEqual(98.7);
    expect(g.find((x) => x.id === 'counts')!.panels.map((p) => p.metrics[0].key)).toEqual(['chargebacks']);
    expect(chartGroupOf({ key: 'incidents_a', kind: 'count', truncate: false })).toBe('incidents');
  });

  it('the error budget follows the truncated rate, whatever its key', () => {
    const renamed = DEFAULT_METRICS.map((m) => (m.key === 'availability' ? { ...m, key: 'uptime_ytd' } : m));
    const targetsRenamed = targets.map((t) => (t.metricKey === 'availability' ? { ...t, metricKey: 'uptime_ytd' } : t));
    const keys = renamed.map((m) => m.key);
    const s = { weeks, series: { ...series(keys), uptime_ytd: weeks.map(() => 99.996) }, ungraded: weeks.map(() => 0), gradedWeeks: [] };
    const model = buildDashboardModel({ metrics: renamed, targets: targetsRenamed, range: s, spark: s, latestWeek: weeks.at(-1)!, lang: 'en', label: (w) => w, now: new Date('2026-11-25T00:00:00Z') });
    expect(model.budget?.availability).toBe(99.996);
    expect(model.budget?.target).toBe(99.99);
  });
});

describe('axis domains', () => {
  const g = groups([...DEFAULT_METRICS]);
  it('rates at 52 weeks: each panel zoomed to its own data and target, never to its neighbours', () => {
    for (const panel of g.find((x) => x.id === 'rates')!.panels) {
      const key = panel.metrics[0].key;
      const target = targets.find((t) => t.metricKey === key)!;
      expect(panel.rows).toHaveLength(52);
      expect(panel.domain![0]).toBeLessThanOrEqual(Math.min(target.target, target.warning!));
      expect(panel.domain![1]).toBeGreaterThanOrEqual(target.target);
      expect(panel.domain![1]).toBeLessThanOrEqual(100);
      // Zoomed: the whole panel spans well under a percentage point, so the target is readable.
      expect(panel.domain![1] - panel.domain![0]).toBeLessThan(0.6);
    }
  });

  it('progress runs 0–100, even with values near 0 (never −7.0)', () => {
    expect(g.find((x) => x.id === 'progress')!.panels[0].domain).toEqual([0, 100]);
  });

  it('a count or a score never goes below 0', () => {
    const counts = groups([addedCount]).find((x) => x.id === 'counts')!;
    expect(counts.panels[0].domain![0]).toBe(0);
  });
});

describe('ticks and tooltips use the product formatter', () => {
  const rate = { decimals: 2, unit: '%', truncate: false, kind: 'rate' as const };
  const availability = { decimals: 3, unit: '%', truncate: true, kind: 'rate' as const };
  it('99.995 is 99.99%, never 100.00%; availability truncates to 3 dp', () => {
    expect(chartValue(99.995, rate, 'en')).toBe('99.99%');
    expect(axisTick(99.995, rate, 'en')).toBe('99.99%');
    expect(chartValue(99.9999, availability, 'en')).toBe('99.999%');
    expect(axisTick(99.9996, availability, 'zh')).toBe('99.999%');
  });
  it('a warning band reads as its two ends; a missing value as —; progress ticks are whole', () => {
    expect(chartValue([99.9, 99.95], rate, 'en')).toBe('99.90% – 99.95%');
    expect(chartValue(null, rate, 'en')).toBe('—');
    expect(axisTick(100, { decimals: 1, unit: '%', truncate: false, kind: 'progress' }, 'en')).toBe('100%');
    expect(axisTick(560, { decimals: 0, unit: 'pts', truncate: false, kind: 'score' }, 'zh')).toBe('560分');
  });
});

describe('no chart code lists metric keys', () => {
  const root = path.join(__dirname, '../..');
  const files = ['components', 'lib/kpi'].flatMap((dir) =>
    fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f)).map((f) => path.join(dir, f)),
  );
  it('no default key appears as a literal in components/ or lib/kpi/', () => {
    expect(files.length).toBeGreaterThan(10);
    // 'availability' is also the name of a chart group; as a key it would be compared or looked up.
    const keys = METRIC_KEYS.filter((k) => k !== 'availability');
    const offenders = files.filter((f) => {
      const text = fs.readFileSync(path.join(root, f), 'utf8');
      return keys.some((k) => text.includes(`'${k}'`)) || /(key|Key)\s*===\s*'availability'|(current|series|previous)\.availability\b|targetInForce\([^)]*'availability'/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
