import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '../constants';
import { computeHighlights, overdueAsOf, overdueFindings, type HighlightInput } from './highlights';
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
    expect(computeHighlights(base(series)).map((h) => h.text)).toEqual(['出金有效成功率 99.93%，连续2周低于目标 99.95%，下降中']);
    expect(computeHighlights(base(series, 'en')).map((h) => h.text)).toEqual(['Payout effective success rate 99.93%, below target 99.95% for 2 weeks in a row, falling']);
    const once = { outbound_success_rate: [99.97, 99.96, 99.99, 99.99, 99.93] };
    expect(computeHighlights(base(once))[0].text).toBe('出金有效成功率 99.93%，低于目标 99.95%，下降中');
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

  it('never says every KPI is on target while a progress metric is below its target', () => {
    // Moving, so not called out as stalled; but 45% of a 100% target is not "on target".
    const moving = computeHighlights(base({ hive_migration_progress: [30, 40, 45, 45, 45] }));
    expect(moving).toEqual([{ kind: 'all_met', metricKey: null, text: '除进度类指标外全部达标，进度仍在推进' }]);
    expect(computeHighlights(base({ hive_migration_progress: [30, 40, 45, 45, 45] }, 'en'))[0].text).toBe('Every KPI on target but progress, which is still moving');
    expect(computeHighlights(base({ hive_migration_progress: [100, 100, 100, 100, 100] }))[0].text).toBe('全部指标达标');
  });

  it('says every KPI is on target when nothing stands out, and orders several highlights', () => {
    expect(computeHighlights(base({ outbound_success_rate: [99.99, 99.99, 99.99, 99.99, 99.99] }, 'en'))).toEqual([{ kind: 'all_met', metricKey: null, text: 'Every KPI on target' }]);
    const h = computeHighlights(base({ hive_migration_progress: [45, 45, 45, 45, 45], health_score: [600, 600, 600, 600, 540], outbound_success_rate: [99.99, 99.99, 99.99, 99.99, 99.0] }));
    expect(h.map((x) => x.text)).toEqual(['出金有效成功率 99.00%，低于目标 99.95%，下降中', '健康分 540分，低于目标 600分，下降中', '健康分下降 60 分', 'Hive迁移进度 45.0%，连续4周无进展']);
  });

  it('says whether an off-target KPI is still falling or coming back', () => {
    // Falling below target two weeks in a row: the brief's own sentence.
    expect(computeHighlights(base({ outbound_success_rate: [99.97, 99.96, 99.99, 99.94, 99.93] }))[0].text).toBe('出金有效成功率 99.93%，连续2周低于目标 99.95%，下降中');
    expect(computeHighlights(base({ outbound_success_rate: [99.97, 99.96, 99.99, 99.92, 99.93] }, 'en'))[0].text).toBe('Payout effective success rate 99.93%, below target 99.95% for 2 weeks in a row, rising');
    expect(computeHighlights(base({ outbound_success_rate: [99.97, 99.96, 99.99, 99.93, 99.93] }))[0].text).toBe('出金有效成功率 99.93%，连续2周低于目标 99.95%');
  });
});

describe('computeHighlights over the whole report', () => {
  const allMet = { outbound_success_rate: [99.99, 99.99, 99.99, 99.99, 99.99] };
  const report = (extra: Partial<HighlightInput>, lang: 'zh' | 'en' = 'zh'): HighlightInput => ({ ...base(allMet, lang), ...extra });

  it('names an initiative whose progress has not moved for 3 weeks or more', () => {
    const hive = { title: 'Hive迁移', progress: [30, 45, 45, 45, 45], status: 'on_track' };
    expect(computeHighlights(report({ initiatives: [hive] })).map((h) => h.text)).toEqual(['Hive迁移 3 周无进展']);
    expect(computeHighlights(report({ initiatives: [{ ...hive, title: 'Hive migration' }] }, 'en'))[0]).toEqual({ kind: 'initiative_stalled', metricKey: null, text: 'Hive migration: no progress for 3 weeks' });
    // Still moving, finished, paused, a gap in the updates: nothing to say.
    for (const it of [
      { ...hive, progress: [30, 40, 45, 45, 50] },
      { ...hive, progress: [100, 100, 100, 100, 100] },
      { ...hive, status: 'paused' },
      { ...hive, status: 'done' },
      { ...hive, progress: [45, 45, null, 45, 45] },
    ]) expect(computeHighlights(report({ initiatives: [it] }))[0].kind).toBe('all_met');
  });

  it('counts open findings past their due date by the end of the reported week', () => {
    // The reported week is 2026-11-16 … 2026-11-22.
    const findings = [
      { title: 'A', status: 'open', due: '2026-11-01' },
      { title: 'B', status: 'in_progress', due: '2026-11-21' },
      { title: 'C', status: 'resolved', due: '2026-10-01' },
      { title: 'D', status: 'accepted_risk', due: '2026-10-01' },
      { title: 'E', status: 'open', due: '2026-11-22' },
      { title: 'F', status: 'open', due: null },
    ];
    expect(overdueFindings(findings, '2026-11-22').map((f) => f.title)).toEqual(['A', 'B']);
    // While the week runs, only what is due before today.
    expect(overdueFindings(findings, overdueAsOf('2026-11-16', '2026-11-18')).map((f) => f.title)).toEqual(['A']);
    expect(overdueAsOf('2026-11-16', '2027-01-01')).toBe('2026-11-22');
    expect(computeHighlights(report({ findings })).map((h) => h.text)).toEqual(['2 项发现已逾期']);
    expect(computeHighlights(report({ findings }, 'en'))[0].text).toBe('2 findings overdue');
    expect(computeHighlights(report({ findings: findings.slice(0, 1) }, 'en'))[0].text).toBe('1 finding overdue');
    expect(computeHighlights(report({ findings: findings.slice(2) }))[0].kind).toBe('all_met');
  });

  it('puts the KPIs first, then initiatives, then findings', () => {
    const h = computeHighlights({
      ...base({ health_score: [600, 600, 600, 654, 600] }),
      initiatives: [{ title: 'Hive迁移', progress: [45, 45, 45, 45, 45], status: null }],
      findings: [{ title: 'A', status: 'open', due: '2026-01-01' }, { title: 'B', status: 'open', due: '2026-01-01' }],
    });
    expect(h.map((x) => x.text)).toEqual(['健康分下降 54 分', 'Hive迁移 4 周无进展', '2 项发现已逾期']);
  });
});
