import { describe, expect, it } from 'vitest';
import { emptyWeekReport, type WeekInitiative, type WeekReport } from './model';
import { groupFindings, toReportView } from './view';

const it0 = (id: number, title: string, parentId: number | null, update: WeekInitiative['update']): WeekInitiative => ({ id, objectiveId: 1, parentId, title, owner: '', sort: id, archived: false, update });
const upd = (progress: number | null, text = '') => ({ status: 'on_track' as const, progress, text, internal: false });

describe('toReportView', () => {
  it('puts each group before its items, and leaves out initiatives with nothing this week', () => {
    const r: WeekReport = {
      ...emptyWeekReport('2024-05-13'),
      objectives: [
        {
          id: 1, code: 'O2', titleZh: '系统升级', titleEn: 'System upgrades', period: '2024H1', sort: 1, archived: false,
          initiatives: [it0(1, 'A. 支付账户2.0升级', null, null), it0(2, '其他项目', null, null), it0(3, '账户迁移', 1, upd(40, '**已完成** 一半')), it0(4, '对账', 1, null), it0(5, 'Hive迁移', null, upd(45))],
        },
        { id: 2, code: 'O3', titleZh: '安全稳定', titleEn: '', period: '2024H1', sort: 2, archived: false, initiatives: [it0(6, '空', null, null)] },
      ],
      planChecks: [{ itemId: 9, text: '上线新渠道', outcome: 'partly', reason: '联调延期' }],
    };
    const v = toReportView(r, 'en');
    expect(v.objectives).toHaveLength(1);
    expect(v.objectives[0].title).toBe('System upgrades');
    expect(v.objectives[0].initiatives.map((i) => [i.title, i.depth, i.progress])).toEqual([
      ['A. 支付账户2.0升级', 0, null],
      ['账户迁移', 1, 40],
      ['Hive迁移', 0, 45],
    ]);
    expect(v.lastWeekPlan).toEqual([{ text: '上线新渠道', outcome: 'partly', reason: '联调延期' }]);
    expect(toReportView({ ...r, objectives: [r.objectives[1]] }, 'en').objectives).toEqual([]);
  });
});

describe('groupFindings', () => {
  const f = (id: string, status: 'open' | 'in_progress' | 'resolved', due: string | null, resolvedWeek: string | null = null) => ({ id, title: id, source: null, owner: null, status, due, note: '', resolvedWeek });
  it('overdue first, then open, then resolved this week only', () => {
    const g = groupFindings([f('a', 'open', '2024-05-01'), f('b', 'in_progress', '2024-06-01'), f('c', 'resolved', '2024-05-01', '2024-05-13'), f('d', 'resolved', null, '2024-05-06')], '2024-05-13', '2024-05-19');
    expect([g.overdue, g.open, g.resolved].map((x) => x.map((y) => y.id))).toEqual([['a'], ['b'], ['c']]);
  });
});
