import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../setup';
import { findingNotes, findings, initiativeUpdates, initiatives, objectives, planChecks, weekItems, weeks } from '../schema';
import { getDataVersion } from './data-version';
import { getWeekReport, getReportPrefill, listFindingsBoard, listObjectivesBoard } from './report';

function seed() {
  const db = openTestDatabase();
  for (const w of ['2024-03-04', '2024-03-11', '2024-03-18']) db.insert(weeks).values({ weekStart: w, status: 'published' }).run();
  const o = db.insert(objectives).values({ code: 'O1', titleZh: '服务业务', titleEn: 'Serve the business', period: '2024H1' }).returning().get();
  const group = db.insert(initiatives).values({ objectiveId: o.id, title: 'A. 支付账户2.0升级', sort: 1 }).returning().get();
  const child = db.insert(initiatives).values({ objectiveId: o.id, parentId: group.id, title: '新支付能力建设', sort: 2 }).returning().get();
  db.insert(initiativeUpdates).values({ initiativeId: child.id, weekStart: '2024-03-04', status: 'on_track', progress: 20, text: '开发进度 20%' }).run();
  db.insert(initiativeUpdates).values({ initiativeId: child.id, weekStart: '2024-03-11', status: 'at_risk', progress: 40, text: '开发进度 40%', internal: true }).run();
  const f = db.insert(findings).values({ title: '账户权限复核', status: 'open', dueDate: '2024-03-12', openedWeek: '2024-03-04' }).returning().get();
  db.insert(findingNotes).values({ findingId: f.id, weekStart: '2024-03-04', status: 'open', text: '材料已提交' }).run();
  const plan = db.insert(weekItems).values({ weekStart: '2024-03-04', section: 'next_week', position: 0, text: '完成压测' }).returning().get();
  db.insert(weekItems).values({ weekStart: '2024-03-11', section: 'focus', position: 0, text: '重点一' }).run();
  db.insert(weekItems).values({ weekStart: '2024-03-11', section: 'focus', position: 1, text: '内部事项', internal: true }).run();
  db.insert(planChecks).values({ weekStart: '2024-03-11', itemId: plan.id, outcome: 'partly', reason: '环境延迟' }).run();
  return { db, group, child, f, plan };
}

describe('the whole report, read back', () => {
  it('gives the week its items, plan checks, initiatives with their update and open findings; share readers see no internal part', () => {
    const { db, child, plan } = seed();
    const inside = getWeekReport('2024-03-11', { includeInternal: true }, db);
    expect(inside.focus.map((i) => i.text)).toEqual(['重点一', '内部事项']);
    expect(inside.planWeek).toBe('2024-03-04');
    expect(inside.planChecks).toEqual([{ itemId: plan.id, text: '完成压测', outcome: 'partly', reason: '环境延迟' }]);
    const initiative = inside.objectives[0].initiatives.find((i) => i.id === child.id)!;
    expect(initiative.update).toMatchObject({ status: 'at_risk', progress: 40 });
    expect(inside.findings.map((f) => f.title)).toEqual(['账户权限复核']);
    const shared = getWeekReport('2024-03-11', { includeInternal: false }, db);
    expect(shared.focus.map((i) => i.text)).toEqual(['重点一']);
    expect(shared.objectives[0].initiatives.find((i) => i.id === child.id)!.update).toBeNull();
  });

  it('prefills a new week with the last status and progress, text empty', () => {
    const { db, child } = seed();
    const prefill = getReportPrefill('2024-03-18', db);
    const initiative = prefill.objectives[0].initiatives.find((i) => i.id === child.id)!;
    expect(initiative).toMatchObject({ carried: true, update: { status: 'at_risk', progress: 40, text: '' } });
    expect(prefill.findings[0]).toMatchObject({ carried: true, note: { status: 'open', text: '' } });
  });

  it('boards: status strip and progress per week, overdue findings', () => {
    const { db, child } = seed();
    const board = listObjectivesBoard('2024-03-18', 3, db);
    expect(board.weeks).toEqual(['2024-03-04', '2024-03-11', '2024-03-18']);
    const row = board.objectives[0].initiatives.find((i) => i.id === child.id)!;
    expect(row.statuses).toEqual(['on_track', 'at_risk', null]);
    expect(row.progress).toEqual([20, 40, null]);
    expect(row.latest).toMatchObject({ weekStart: '2024-03-11', progress: 40 });
    const findingsBoard = listFindingsBoard('2024-03-11', db, '2024-12-01');
    expect(findingsBoard.overdue.map((f) => f.title)).toEqual(['账户权限复核']);
    expect(listFindingsBoard('2024-03-04', db, '2024-12-01').overdue).toHaveLength(0);
  });

  it('the board shows published weeks only: a draft week\'s update never reaches leadership', () => {
    const { db, child } = seed();
    db.insert(weeks).values({ weekStart: '2024-03-25', status: 'draft' }).run();
    db.insert(initiativeUpdates).values({ initiativeId: child.id, weekStart: '2024-03-25', status: 'off_track', progress: 10, text: '草稿里的进展' }).run();
    const row = listObjectivesBoard('2024-03-25', 4, db).objectives[0].initiatives.find((i) => i.id === child.id)!;
    expect(row.statuses).toEqual(['on_track', 'at_risk', null, null]);
    expect(row.latest).toMatchObject({ weekStart: '2024-03-11', progress: 40 });
  });

  it('every write to the report’s tables bumps the data version, so cached pages are dropped', () => {
    const { db, child, f } = seed();
    const before = Number(getDataVersion(db));
    db.update(initiatives).set({ title: '改名' }).where(eq(initiatives.id, child.id)).run();
    db.update(findings).set({ status: 'resolved' }).where(eq(findings.id, f.id)).run();
    db.delete(planChecks).run();
    db.insert(weekItems).values({ weekStart: '2024-03-18', section: 'other', position: 0, text: '其他' }).run();
    expect(Number(getDataVersion(db))).toBe(before + 4);
  });
});
