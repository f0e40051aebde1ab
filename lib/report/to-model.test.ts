import { describe, expect, it } from 'vitest';
import { planImport } from './to-model';
import type { WholeReport } from './types';

const report: WholeReport = {
  focus: ['复盘'],
  objectives: [
    {
      code: 'O1',
      title: '服务业务',
      items: [
        { title: '新支付能力建设', text: '', children: [{ title: '先享后付', text: '开发进度 55%', status: 'in_development', progress: 55 }, { title: '跨境人民币收款', text: '已投产', status: 'live' }] },
        { title: '灵活用工结算', text: '按时完成 〔有风险〕' },
      ],
    },
  ],
  findings: [{ title: '堡垒机双因素认证未全覆盖', status: '已完成采购，本月底部署', owner: '王五', due: '2024-06-30' }],
  other: [],
  reflection: '',
  nextWeek: ['联调'],
};
const existing = {
  objectives: [{ id: 7, code: 'O1', titleZh: '服务业务' }],
  initiatives: [{ id: 1, objectiveId: 7, title: '灵活用工结算项目' }, { id: 2, objectiveId: 7, title: '先享后付' }],
  findings: [{ id: 9, title: '运维堡垒机双因素认证未全覆盖' }],
};

describe('planImport', () => {
  it('maps items onto initiatives: tree keys, matches, status and progress from the text, tags read back', () => {
    const plan = planImport(report, existing);
    expect(plan.objectives).toEqual([{ code: 'O1', title: '服务业务', existingId: 7 }]);
    expect(plan.initiatives.map((i) => [i.key, i.parentKey, i.match?.id ?? 'new', i.status, i.progress])).toEqual([
      ['O1.0', null, 'new', 'on_track', null],
      ['O1.0.0', 'O1.0', 2, 'on_track', 55],
      ['O1.0.1', 'O1.0', 'new', 'done', null],
      ['O1.1', null, 1, 'at_risk', null],
    ]);
    expect(plan.initiatives[3].text).toBe('按时完成');
    expect(plan.findings[0]).toMatchObject({ match: { id: 9 }, status: 'in_progress', owner: '王五', due: '2024-06-30', text: '已完成采购，本月底部署' });
  });

  it('follows the user’s choices: "new" drops a match, an id takes that initiative and no one else gets it', () => {
    const plan = planImport(report, existing, { 'O1.1': 'new', 'O1.0': 1, 'F.0': 'new' });
    expect(plan.initiatives.find((i) => i.key === 'O1.1')?.match).toBeNull();
    expect(plan.initiatives.find((i) => i.key === 'O1.0')?.match?.id).toBe(1);
    expect(plan.findings[0].match).toBeNull();
  });
});
