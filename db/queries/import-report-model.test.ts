// The paste import takes the whole report: sections, objectives, initiatives matched by title, findings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../setup';
import { findings, initiatives, revisions, user } from '../schema';
import { importReport, previewReport } from './import-report';
import { getWeekReport } from './report';

vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');

const W20 = readFileSync(path.resolve(__dirname, '../../fixtures/reports/2024-W20.md'), 'utf8');
// The following week as the team would write it: the same initiatives, one reworded, progress moved on.
const W21 = W20.replace(/第20周 2024[-/]05[/-]18/g, '第21周 2024-05-25')
  .replace('先享后付：开发进度 55%', '先享后付：开发进度 80%')
  .replace('灵活用工结算项目：', '灵活用工结算：');
const alice = { userId: 'u-alice', email: 'alice@example.com' };

function openDb() {
  const db = openTestDatabase();
  db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
  return db;
}
const all = (db: ReturnType<typeof openDb>, week: string) => getWeekReport(week, { includeInternal: true }, db);
const initiative = (db: ReturnType<typeof openDb>, week: string, title: string) => all(db, week).objectives.flatMap((o) => o.initiatives).find((i) => i.title === title);

describe('paste import of the whole report', () => {
  it('saves focus, objectives with initiatives (progress from the text, never a KPI), findings with state, other, reflection and plan', () => {
    const db = openDb();
    const saved = importReport(W20, { intent: 'draft' }, alice, db);
    expect(saved).toMatchObject({ ok: true });
    const r = all(db, '2024-05-13');
    expect(r.focus.map((i) => i.text)).toEqual(['支付中心半年目标中期复盘', '跨境收款合规材料准备', '值班手册修订']);
    expect(r.objectives.map((o) => o.code)).toEqual(['O1', 'O2', 'O3']);
    expect(initiative(db, '2024-05-13', '先享后付')?.update).toMatchObject({ progress: 55, status: 'on_track', text: '开发进度 55%' });
    expect(initiative(db, '2024-05-13', '跨境人民币收款')?.update).toMatchObject({ status: 'done' });
    const group = initiative(db, '2024-05-13', 'A. 支付账户2.0升级')!;
    expect(r.objectives[1].initiatives.filter((i) => i.parentId === group.id).length).toBe(2);
    expect(r.findings.map((f) => [f.title, f.status])).toEqual([
      ['运维堡垒机双因素认证未全覆盖', 'in_progress'],
      ['数据库审计日志保留不足180天', 'in_progress'],
      ['测试环境使用生产脱敏数据未审批', 'resolved'],
    ]);
    expect(r.findings[0].note?.text).toBe('已完成采购，本月底部署');
    expect(r.other).toHaveLength(3);
    expect(r.reflection).toBe('对外部依赖的变更要有主动探测，不能只依赖对方通知。');
    expect(r.nextWeek.map((i) => i.text)).toEqual(['先享后付开发进度推进至80%', '堡垒机双因素认证全覆盖', '差错处理流程完成联调', '打标推进至85%']);
    expect(db.select().from(revisions).all().some((x) => x.entity === 'initiative' && x.action === 'create')).toBe(true);
  });

  it('matches next week’s items to the same initiatives (a reworded title too), shows the match in the preview, and re-importing changes nothing', () => {
    const db = openDb();
    importReport(W20, { intent: 'draft' }, alice, db);
    const count = db.select().from(initiatives).all().length;
    const preview = previewReport(W21, db);
    const row = preview.report!.plan.initiatives.find((i) => i.title === '灵活用工结算')!;
    expect(row.match).toMatchObject({ title: '灵活用工结算项目' });
    expect(preview.report!.plan.initiatives.every((i) => i.match !== null)).toBe(true);
    expect(importReport(W21, { intent: 'draft' }, alice, db)).toMatchObject({ ok: true });
    expect(db.select().from(initiatives).all().length).toBe(count);
    expect(initiative(db, '2024-05-20', '先享后付')?.update?.progress).toBe(80);
    expect(db.select().from(findings).all()).toHaveLength(3);
    expect(importReport(W21, { intent: 'draft' }, alice, db)).toMatchObject({ ok: true, changes: 0 });
  });

  it('lets the user override a match: "new" creates a separate initiative', () => {
    const db = openDb();
    importReport(W20, { intent: 'draft' }, alice, db);
    const preview = previewReport(W21, db);
    const row = preview.report!.plan.initiatives.find((i) => i.title === '灵活用工结算')!;
    importReport(W21, { intent: 'draft', choices: { [row.key]: 'new' } }, alice, db);
    const titles = db.select().from(initiatives).all().map((i) => i.title);
    expect(titles).toEqual(expect.arrayContaining(['灵活用工结算项目', '灵活用工结算']));
  });
});
