import { describe, expect, it } from 'vitest';
import { applyReportChoice, isUntouchedCarried, rebaseReport, type ReportSide } from './rebase-report';
import type { ReportDraft } from './types';

const draft: ReportDraft = {
  focus: [{ clientKey: 'id-1', id: 1, text: '我的重点' }, { clientKey: 'new-1', text: '新加的' }],
  other: [],
  nextWeek: [{ clientKey: 'id-2', id: 2, text: '计划' }],
  reflection: '我的反思',
  objectives: [{ id: 1, code: 'O1', title: '服务业务' }],
  initiatives: [
    { id: 21, objectiveId: 1, parentId: null, title: 'A', owner: '', status: 'on_track', progress: '40', text: '', carried: true },
    { id: 22, objectiveId: 1, parentId: null, title: 'B', owner: '', status: 'at_risk', progress: '10', text: '我改的' },
  ],
  findings: [{ id: 31, title: 'F', source: '', owner: '', status: 'open', due: '', note: '', carried: true }],
  planChecks: [{ itemId: 7, text: '上周的', outcome: '', reason: '' }],
};

const theirs: ReportSide = {
  reflection: '他们的反思',
  items: { 1: { section: 'focus', position: 0, text: '我的重点', internal: false, carriedFrom: null }, 2: { section: 'focus', position: 1, text: '计划（改）', internal: false, carriedFrom: null } },
  updates: { 21: { status: 'done', progress: 100, text: '已投产', internal: false } },
  notes: {},
  checks: { 7: { outcome: 'not_done', reason: '排期冲突' } },
};

describe('rebaseReport', () => {
  it('takes theirs only for the fields named, and leaves mine elsewhere', () => {
    const d = rebaseReport(draft, ['report.updates.21', 'report.planChecks.7'], theirs);
    expect(d.initiatives[0]).toMatchObject({ status: 'done', progress: '100', text: '已投产', carried: false });
    expect(d.initiatives[1]).toEqual(draft.initiatives[1]);
    expect(d.planChecks[0]).toMatchObject({ outcome: 'not_done', reason: '排期冲突' });
    expect(d.reflection).toBe('我的反思');
    expect(d.focus).toEqual(draft.focus);
  });
  it('moves an item they moved into its section and place, keeping its client key', () => {
    const d = rebaseReport(draft, ['report.items.2'], theirs);
    expect(d.nextWeek).toEqual([]);
    expect(d.focus.map((i) => [i.clientKey, i.text])).toEqual([['id-1', '我的重点'], ['id-2', '计划（改）'], ['new-1', '新加的']]);
  });
  it('removes an item they deleted', () => {
    expect(rebaseReport(draft, ['report.items.1'], { ...theirs, items: {} }).focus.map((i) => i.clientKey)).toEqual(['new-1']);
  });
});

describe('applyReportChoice / isUntouchedCarried', () => {
  it('sets the picked side', () => {
    const c = { field: 'report.reflection', theirs: '他们的反思', mine: '我的反思' };
    expect(applyReportChoice(draft, c, 'theirs').reflection).toBe('他们的反思');
    expect(applyReportChoice(draft, c, 'mine').reflection).toBe('我的反思');
  });
  it('knows an update or note I never touched from one I edited', () => {
    expect(isUntouchedCarried(draft, 'report.updates.21')).toBe(true);
    expect(isUntouchedCarried(draft, 'report.updates.22')).toBe(false);
    expect(isUntouchedCarried(draft, 'report.findingNotes.31')).toBe(true);
    expect(isUntouchedCarried(draft, 'report.reflection')).toBe(false);
  });
});
