import { describe, expect, it } from 'vitest';
import { translator } from '@/lib/i18n/messages';
import { describeReportConflict, draftToPayload, reportConflictLabel, reportErrorKey, reportErrorsOf, reportToDraft, type StoredReport } from './adapter';
import { carryForward, setPlanCheck } from './state';

const prefill: StoredReport = {
  focus: [{ id: 5, text: '支付账户2.0', internal: false, carriedFrom: null }],
  other: [],
  nextWeek: [{ id: 9, text: 'Hive迁移', internal: false, carriedFrom: 3 }],
  reflection: '暂无',
  planChecks: [{ itemId: 3, text: 'Hive迁移', outcome: null, reason: '' }],
  objectives: [
    {
      id: 1,
      code: 'O1',
      titleZh: '服务业务',
      titleEn: 'Serve the business',
      initiatives: [
        { id: 21, objectiveId: 1, parentId: null, title: '新支付能力建设', owner: '张三', archived: false, update: { status: 'on_track', progress: 40, text: '', internal: false } },
        { id: 22, objectiveId: 1, parentId: 21, title: '渠道B', owner: '', archived: false, update: null },
        { id: 23, objectiveId: 1, parentId: null, title: '旧项目', owner: '', archived: true, update: null },
      ],
    },
  ],
  findings: [{ id: 31, title: '数据分级', source: '审计', owner: '李四', status: 'open', dueDate: '2026-12-31', note: null }],
};

describe('prefill → draft', () => {
  const d = reportToDraft(prefill, 'zh');
  it('carries status and progress, text empty; no status stays empty', () => {
    expect(d.initiatives.map((i) => [i.id, i.status, i.progress, i.text])).toEqual([
      [21, 'on_track', '40', ''],
      [22, '', '', ''],
    ]);
  });
  it('leaves archived initiatives out and names objectives in the reader’s language', () => {
    expect(d.initiatives.some((i) => i.id === 23)).toBe(false);
    expect(d.objectives[0].title).toBe('服务业务');
    expect(reportToDraft(prefill, 'en').objectives[0].title).toBe('Serve the business');
  });
  it('keeps a finding’s status and due date, and a carried plan item’s origin', () => {
    expect(d.findings[0]).toMatchObject({ id: 31, status: 'open', due: '2026-12-31', note: '' });
    expect(d.nextWeek[0]).toMatchObject({ id: 9, carriedFrom: 3 });
    expect(d.planChecks[0]).toEqual({ itemId: 3, text: 'Hive迁移', outcome: '', reason: '' });
  });
  it('goes into the submit without losing ids or origins; untouched initiatives and plan items are left out', () => {
    const p = draftToPayload(d);
    expect(p.items).toEqual([
      { id: 5, section: 'focus', text: '支付账户2.0', internal: false, carriedFrom: null },
      { id: 9, section: 'next_week', text: 'Hive迁移', internal: false, carriedFrom: 3 },
    ]);
    expect(p.updates).toEqual([{ initiativeId: 21, status: 'on_track', progress: '40', text: '', internal: false }]);
    expect(p.findingNotes).toEqual([{ findingId: 31, status: 'open', text: '', internal: false }]);
    expect(p.planChecks).toEqual([]);
  });
});

describe('conflict labels', () => {
  const d = reportToDraft(prefill, 'zh');
  const t = translator('zh');
  it('names report fields the way the form shows them', () => {
    expect(reportConflictLabel('report.items.5', d, t)).toBe('重点工作 1');
    expect(reportConflictLabel('report.items.9', d, t)).toBe('下周计划 1');
    expect(reportConflictLabel('report.updates.21', d, t)).toBe('重点项目：新支付能力建设');
    expect(reportConflictLabel('report.findingNotes.31', d, t)).toBe('问题：数据分级');
    expect(reportConflictLabel('report.planChecks.3', d, t)).toBe('上周计划：Hive迁移');
    expect(reportConflictLabel('report.reflection', d, t)).toBe('收获与反思');
    expect(reportConflictLabel('values.x', d, t)).toBeNull();
  });
});

describe('server errors → the fields they belong to', () => {
  it('names each error by the item, initiative or plan item that was sent, whatever its place in the submit', () => {
    let d = reportToDraft(prefill, 'zh');
    d = { ...d, initiatives: d.initiatives.map((i) => (i.id === 22 ? { ...i, text: '进展' } : i)) };
    d = { ...d, planChecks: [...d.planChecks, { itemId: 4, text: '渠道C联调', outcome: '', reason: '' }] };
    // Item 3 is already in this week's plan (carried before): carrying it again changes nothing.
    expect(carryForward(setPlanCheck(d, 3, { outcome: 'partly' }), 3, 'x').nextWeek).toHaveLength(1);
    d = carryForward(setPlanCheck(d, 4, { outcome: 'not_done' }), 4, 'new-1');
    const p = draftToPayload(d);
    expect(p.updates.map((u) => u.initiativeId)).toEqual([21, 22]);
    const errors = reportErrorsOf(d, {
      'report.items.2.text': ['Write the item, or remove it.'],
      'report.updates.1.status': ['Choose a status.'],
      'report.planChecks.0.reason': ['Say why.'],
      'values.x.value': ['not mine'],
    });
    expect(errors).toEqual({
      [reportErrorKey.listItem('new-1')]: ['Write the item, or remove it.'],
      [reportErrorKey.initiative(22, 'status')]: ['Choose a status.'],
      [reportErrorKey.plan(4, 'reason')]: ['Say why.'],
    });
  });
});

describe('report conflicts in words', () => {
  it('shows each side of an initiative update and a plan check as the form words them', () => {
    const d = reportToDraft(prefill, 'en');
    const t = translator('en');
    expect(describeReportConflict({ field: 'report.updates.21', theirs: { status: 'done', progress: 100, text: '已投产', internal: false }, mine: { status: 'at_risk', progress: null, text: '', internal: false } }, d, t)).toEqual({
      name: 'Initiative: 新支付能力建设',
      theirs: 'Done · 100% · 已投产',
      mine: 'At risk',
    });
    expect(describeReportConflict({ field: 'report.planChecks.3', theirs: null, mine: { outcome: 'not_done', reason: '排期' } }, d, t)).toEqual({ name: 'Planned last week: Hive迁移', theirs: 'deleted', mine: 'Not done · 排期' });
  });
});

describe('prefilled, untouched updates and notes', () => {
  const carried: StoredReport = {
    ...prefill,
    objectives: prefill.objectives.map((o) => ({ ...o, initiatives: o.initiatives.map((i) => (i.id === 21 ? { ...i, carried: true } : i)) })),
    findings: prefill.findings.map((f) => ({ ...f, note: { status: 'open' as const, text: '', internal: false }, carried: true })),
  };
  it('are left out of a draft save and sent when publishing', () => {
    const d = reportToDraft(carried, 'zh');
    expect(draftToPayload(d).updates).toEqual([]);
    expect(draftToPayload(d).findingNotes).toEqual([]);
    expect(draftToPayload(d, true).updates.map((u) => u.initiativeId)).toEqual([21]);
    expect(draftToPayload(d, true).findingNotes.map((n) => n.findingId)).toEqual([31]);
  });
  it('are sent once touched', () => {
    const d = reportToDraft(carried, 'zh');
    const touched = { ...d, initiatives: d.initiatives.map((i) => (i.id === 21 ? { ...i, progress: '50', carried: false } : i)) };
    expect(draftToPayload(touched).updates).toMatchObject([{ initiativeId: 21, progress: '50' }]);
  });
});
