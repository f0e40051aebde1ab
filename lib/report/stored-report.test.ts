import { describe, expect, it } from 'vitest';
import { emptyWeekReport, type WeekInitiative, type WeekReport } from './model';
import { parseReport } from './parse-report';
import { renderReportMarkdown } from './render-markdown';
import { weekReportToWhole } from './stored-report';

const init = (id: number, title: string, parentId: number | null, progress: number | null, text: string): WeekInitiative => ({
  id, objectiveId: 1, parentId, title, owner: '', sort: id, archived: false, update: { status: 'on_track', progress, text, internal: false },
});

describe('weekReportToWhole', () => {
  it('renders the stored report as Markdown that reads back to the same sections and progress', () => {
    const r: WeekReport = {
      ...emptyWeekReport('2024-05-13'),
      focus: [{ id: 1, section: 'focus', position: 0, text: '新渠道投产', internal: false, carriedFrom: null }],
      nextWeek: [{ id: 2, section: 'next_week', position: 0, text: '完成联调', internal: false, carriedFrom: null }],
      reflection: '沟通要早',
      objectives: [{ id: 1, code: 'O1', titleZh: '服务业务', titleEn: 'Serve the business', period: '2024H1', sort: 1, archived: false, initiatives: [init(1, '小贝帮帮项目', null, 40, '开发中')] }],
      findings: [{ id: 1, title: '权限复核', source: '审计', owner: '', status: 'open', dueDate: null, openedWeek: '2024-05-06', resolvedWeek: null, note: { status: 'open', text: '材料已提交，等待受理', internal: false } }],
    };
    const whole = weekReportToWhole(r, 'zh');
    expect(whole.objectives[0].items[0]).toMatchObject({ title: '小贝帮帮项目', text: '开发中，总体进度40%', progress: 40 });
    const md = renderReportMarkdown({ label: '2024-W20', reportDate: '2024-05-18', values: {}, counts: {}, incidents: [], report: whole }, 'zh');
    const back = parseReport(md, { numbering: 'jan1' }).report;
    expect(back.focus).toEqual(['新渠道投产']);
    expect(back.nextWeek).toEqual(['完成联调']);
    expect(back.reflection).toBe('沟通要早');
    expect(back.objectives[0].items[0]).toMatchObject({ title: '小贝帮帮项目', progress: 40 });
    expect(back.findings[0]).toMatchObject({ title: '权限复核', status: '材料已提交，等待受理' });
  });
});
