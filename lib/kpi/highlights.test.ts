import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { computeHighlights, type HighlightInput } from './highlights';
import type { TargetRow } from './targets';

const weeks = ['2026-10-19', '2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
const targets: TargetRow[] = [
  { metricKey: 'outbound_success_rate', effectiveFrom: '2000-01-03', target: 99.95, warning: 99.9 },
  { metricKey: 'health_score', effectiveFrom: '2000-01-03', target: 600, warning: 500 },
  { metricKey: 'hive_migration_progress', effectiveFrom: '2000-01-03', target: 100, warning: null },
];
const base = (series: HighlightInput['series'], lang: 'zh' | 'en' = 'zh'): HighlightInput => ({ metrics: DEFAULT_METRICS, targets, weeks, series, lang });

describe('computeHighlights', () => {
  it('names a KPI below target with how many weeks in a row, in zh and en', () => {
    const series = { outbound_success_rate: [99.97, 99.96, 99.99, 99.94, 99.93] };
    expect(computeHighlights(base(series)).map((h) => h.text)).toEqual(['出金有效成功率 99.93%，连续2周低于目标 99.95%']);
    expect(computeHighlights(base(series, 'en')).map((h) => h.text)).toEqual(['Payout effective success rate 99.93%, below target 99.95% for 2 weeks in a row']);
    const once = { outbound_success_rate: [99.97, 99.96, 99.99, 99.99, 99.93] };
    expect(computeHighlights(base(once))[0].text).toBe('出金有效成功率 99.93%，低于目标 99.95%');
  });

  it('uses the target in force each week: a week that met the old target breaks the streak', () => {
    const moved: TargetRow[] = [...targets, { metricKey: 'outbound_success_rate', effectiveFrom: '2026-11-16', target: 99.98, warning: 99.9 }];
    const h = computeHighlights({ ...base({ outbound_success_rate: [99.9, 99.9, 99.9, 99.96, 99.96] }), targets: moved });
    expect(h[0].text).toBe('出金有效成功率 99.96%，低于目标 99.98%');
  });

  it('calls out a large score move, not a small one', () => {
    expect(computeHighlights(base({ health_score: [600, 610, 620, 654, 600] })).map((h) => h.text)).toEqual(['健康分下降 54 分']);
    expect(computeHighlights(base({ health_score: [600, 610, 620, 654, 700] }, 'en')).map((h) => h.text)).toEqual(['System health score up 46 pts']);
    expect(computeHighlights(base({ health_score: [600, 610, 620, 654, 640] }))[0].kind).toBe('all_met');
  });

  it('calls out progress that has not moved for 3 weeks, not 2, and not at 100%', () => {
    expect(computeHighlights(base({ hive_migration_progress: [40, 45, 45, 45, 45] })).map((h) => h.text)).toEqual(['Hive迁移进度 45.0%，连续3周无进展']);
    expect(computeHighlights(base({ hive_migration_progress: [40, 45, 45, 45, 45] }, 'en'))[0].text).toBe('Hive report migration 45.0%, no progress for 3 weeks');
    expect(computeHighlights(base({ hive_migration_progress: [30, 40, 45, 45, 45] }))[0].kind).toBe('all_met');
    expect(computeHighlights(base({ hive_migration_progress: [100, 100, 100, 100, 100] }))[0].kind).toBe('all_met');
    // A gap is not evidence of standing still.
    expect(computeHighlights(base({ hive_migration_progress: [45, 45, null, 45, 45] }))[0].kind).toBe('all_met');
  });

  it('says every KPI is on target when nothing stands out, and orders several highlights', () => {
    expect(computeHighlights(base({ outbound_success_rate: [99.99, 99.99, 99.99, 99.99, 99.99] }, 'en'))).toEqual([{ kind: 'all_met', metricKey: null, text: 'Every KPI on target' }]);
    const h = computeHighlights(base({ hive_migration_progress: [45, 45, 45, 45, 45], health_score: [600, 600, 600, 600, 540], outbound_success_rate: [99.99, 99.99, 99.99, 99.99, 99.0] }));
    expect(h.map((x) => x.text)).toEqual(['出金有效成功率 99.00%，低于目标 99.95%', '健康分 540分，低于目标 600分', '健康分下降 60 分', 'Hive迁移进度 45.0%，连续4周无进展']);
  });
});
