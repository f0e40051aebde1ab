// The report part of saveWeek: one audited path, the same three-way merge as values.
import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { findings, revisions, user } from '../schema';
import { getWeekReport } from './report';
import { createFinding, createInitiative, ensureObjective, setInitiativeArchived, updateInitiative } from './report-admin';
import { saveWeek } from './save-week';
import { getWeekValues } from './values';

const schema = weekEntrySchema(DEFAULT_METRICS);
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const bob = { userId: 'u-bob', email: 'bob@example.com' };
const WEEK = '2024-03-11';
const NEXT = '2024-03-18';

function setup() {
  const db = openTestDatabase();
  for (const a of [alice, bob]) db.insert(user).values({ id: a.userId, email: a.email, name: a.email, role: 'editor' }).run();
  const o1 = ensureObjective({ code: 'O1', titleZh: '服务业务', period: '2024H1' }, alice, db);
  const pay = createInitiative({ objectiveId: o1, title: '新支付能力建设' }, alice, db);
  const hive = createInitiative({ objectiveId: o1, title: 'HIVE标准数仓建设' }, alice, db);
  const finding = createFinding({ title: '账户权限复核', openedWeek: WEEK, dueDate: '2024-03-20' }, alice, db);
  return { db, o1, pay, hive, finding };
}

const entry = (overrides: Record<string, unknown>) => schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', ...overrides });
const read = (db: ReturnType<typeof openTestDatabase>, week = WEEK) => getWeekReport(week, { includeInternal: true }, db);
const updateOf = (db: ReturnType<typeof openTestDatabase>, id: number, week = WEEK) => read(db, week).objectives.flatMap((o) => o.initiatives).find((i) => i.id === id)!.update;

describe('saveWeek with a report part', () => {
  it('writes items, updates, notes and the reflection, each audited, and the KPI part beside them', () => {
    const { db, pay, finding } = setup();
    const saved = saveWeek(
      entry({
        values: { health_score: { value: '512' } },
        report: {
          reflection: '**复盘**：压测要提前',
          items: [
            { section: 'focus', text: '完成渠道投产' },
            { section: 'next_week', text: '完成压测' },
            { section: 'focus', text: '内部事项', internal: true },
          ],
          updates: [{ initiativeId: pay, status: 'on_track', progress: '40%', text: '开发进度 40%' }],
          findingNotes: [{ findingId: finding, status: 'in_progress', text: '材料已提交，等待受理' }],
        },
      }),
      alice,
      db,
    );
    expect(saved).toMatchObject({ ok: true, version: 1 });
    const report = read(db);
    expect(report.reflection).toBe('**复盘**：压测要提前');
    expect(report.focus.map((i) => [i.text, i.position, i.internal])).toEqual([['完成渠道投产', 0, false], ['内部事项', 1, true]]);
    expect(report.nextWeek.map((i) => i.text)).toEqual(['完成压测']);
    expect(updateOf(db, pay)).toEqual({ status: 'on_track', progress: 40, text: '开发进度 40%', internal: false });
    expect(report.findings[0]).toMatchObject({ status: 'in_progress', note: { text: '材料已提交，等待受理' } });
    expect(getWeekValues(WEEK, db).health_score.value).toBe(512);
    const entities = db.select().from(revisions).all().filter((r) => r.weekStart === WEEK).map((r) => r.entity);
    expect(entities.filter((e) => e === 'week_item')).toHaveLength(3);
    expect(entities).toEqual(expect.arrayContaining(['initiative_update', 'finding_note', 'finding', 'value']));
  });

  it('leaves the report untouched when a KPI-only save (form, API, CSV) sends no report part', () => {
    const { db, pay } = setup();
    saveWeek(entry({ report: { reflection: '有收获', items: [{ section: 'focus', text: '一' }], updates: [{ initiativeId: pay, status: 'at_risk' }] } }), alice, db);
    const kpiOnly = saveWeek(entry({ baseVersion: 1, values: { health_score: { value: '500' } } }), bob, db);
    expect(kpiOnly).toMatchObject({ ok: true, version: 2 });
    const report = read(db);
    expect(report.reflection).toBe('有收获');
    expect(report.focus.map((i) => i.text)).toEqual(['一']);
    expect(updateOf(db, pay)?.status).toBe('at_risk');
  });

  it('keeps both editors’ changes to different initiative updates, items and the reflection', () => {
    const { db, pay, hive } = setup();
    saveWeek(entry({ report: { items: [{ section: 'focus', text: '一' }, { section: 'focus', text: '二' }], updates: [{ initiativeId: pay, status: 'on_track' }, { initiativeId: hive, status: 'on_track' }] } }), alice, db);
    const items = read(db).focus;
    // Both opened version 1.
    const a = saveWeek(entry({ baseVersion: 1, report: { items: items.map((i) => ({ id: i.id, section: 'focus', text: i.text === '一' ? '一（改）' : i.text })), updates: [{ initiativeId: pay, status: 'at_risk', progress: 30 }] } }), alice, db);
    expect(a).toMatchObject({ ok: true, version: 2 });
    const b = saveWeek(entry({ baseVersion: 1, report: { reflection: '新反思', items: [...items.map((i) => ({ id: i.id, section: 'focus', text: i.text })), { section: 'focus', text: '三' }], updates: [{ initiativeId: hive, status: 'done', progress: 100 }] } }), bob, db);
    expect(b).toMatchObject({ ok: true, version: 3 });
    const report = read(db);
    expect(report.focus.map((i) => i.text)).toEqual(['一（改）', '二', '三']);
    expect(report.reflection).toBe('新反思');
    expect(updateOf(db, pay)).toMatchObject({ status: 'at_risk', progress: 30 });
    expect(updateOf(db, hive)).toMatchObject({ status: 'done', progress: 100 });
  });

  it('refuses, writing nothing, when both changed the same item or the same update differently', () => {
    const { db, pay } = setup();
    saveWeek(entry({ report: { items: [{ section: 'focus', text: '一' }], updates: [{ initiativeId: pay, status: 'on_track' }] } }), alice, db);
    const [item] = read(db).focus;
    saveWeek(entry({ baseVersion: 1, report: { items: [{ id: item.id, section: 'focus', text: 'Alice 的版本' }], updates: [{ initiativeId: pay, status: 'at_risk' }] } }), alice, db);
    const count = db.select().from(revisions).all().length;
    const b = saveWeek(entry({ baseVersion: 1, report: { items: [{ id: item.id, section: 'focus', text: 'Bob 的版本' }], updates: [{ initiativeId: pay, status: 'off_track' }] } }), bob, db);
    expect(b.ok).toBe(false);
    if (b.ok || b.kind !== 'conflict') throw new Error('expected a conflict');
    expect(b.conflicts.map((c) => c.field).sort()).toEqual([`report.items.${item.id}`, `report.updates.${pay}`]);
    expect(b.conflicts.every((c) => c.by === 'alice@example.com')).toBe(true);
    expect(read(db).focus[0].text).toBe('Alice 的版本');
    expect(db.select().from(revisions).all().length).toBe(count);
  });

  it('removes an item the editor removed, but not one someone else added meanwhile', () => {
    const { db } = setup();
    saveWeek(entry({ report: { items: [{ section: 'other', text: '旧' }] } }), alice, db);
    const [old] = read(db).other;
    saveWeek(entry({ baseVersion: 1, report: { items: [{ id: old.id, section: 'other', text: '旧' }, { section: 'other', text: 'Alice 新增' }] } }), alice, db);
    const b = saveWeek(entry({ baseVersion: 1, report: { items: [] } }), bob, db);
    expect(b).toMatchObject({ ok: true });
    expect(read(db).other.map((i) => i.text)).toEqual(['Alice 新增']);
  });

  it('checks off last week’s plan and carries an unfinished item forward', () => {
    const { db } = setup();
    saveWeek(entry({ report: { items: [{ section: 'next_week', text: '完成压测' }, { section: 'next_week', text: '上线对账' }] } }), alice, db);
    const plan = read(db, NEXT).planChecks;
    expect(plan.map((p) => [p.text, p.outcome])).toEqual([['完成压测', null], ['上线对账', null]]);
    const saved = saveWeek(
      schema.parse({
        weekStart: NEXT, baseVersion: 0, intent: 'draft',
        report: { planChecks: [{ itemId: plan[0].itemId, outcome: 'done' }, { itemId: plan[1].itemId, outcome: 'not_done', reason: '依赖方延期' }], items: [{ section: 'next_week', text: '上线对账', carriedFrom: plan[1].itemId }] },
      }),
      alice,
      db,
    );
    expect(saved).toMatchObject({ ok: true });
    const next = read(db, NEXT);
    expect(next.planChecks.map((p) => [p.outcome, p.reason])).toEqual([['done', ''], ['not_done', '依赖方延期']]);
    expect(next.nextWeek[0]).toMatchObject({ text: '上线对账', carriedFrom: plan[1].itemId });
  });

  it('marks a finding resolved in the week its note says so, and open again when a later note reopens it', () => {
    const { db, finding } = setup();
    saveWeek(entry({ report: { findingNotes: [{ findingId: finding, status: 'resolved', text: '已整改' }] } }), alice, db);
    expect(db.select().from(findings).get()).toMatchObject({ status: 'resolved', resolvedWeek: WEEK });
    saveWeek(schema.parse({ weekStart: NEXT, baseVersion: 0, intent: 'draft', report: { findingNotes: [{ findingId: finding, status: 'open', text: '复查未通过' }] } }), alice, db);
    expect(db.select().from(findings).get()).toMatchObject({ status: 'open', resolvedWeek: null });
  });

  it('rejects every bad field at once: control characters are stripped, text limits, unknown statuses, bad progress', () => {
    const result = schema.safeParse({
      weekStart: WEEK, baseVersion: 0, intent: 'draft',
      report: {
        reflection: 'x'.repeat(10_001),
        items: [{ section: 'focus', text: '   ' }, { section: 'elsewhere', text: 'a' }],
        updates: [{ initiativeId: 1, status: 'fine', progress: '140' }],
      },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['report.reflection', 'report.items.0.text', 'report.items.1.section', 'report.updates.0.status', 'report.updates.0.progress']));
    const clean = schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', report: { items: [{ section: 'focus', text: 'a\u0000b\u001b' }] } });
    expect(clean.report!.items![0].text).toBe('ab');
  });

  it('never writes an update for an initiative that does not exist', () => {
    const { db } = setup();
    const saved = saveWeek(entry({ report: { updates: [{ initiativeId: 999, status: 'on_track' }] } }), alice, db);
    expect(saved).toMatchObject({ ok: true });
    expect(db.select().from(revisions).all().some((r) => r.entity === 'initiative_update')).toBe(false);
  });
});

describe('initiatives and findings themselves', () => {
  it('rename, archive and bring back are audited; an archived initiative leaves the form but keeps its week', () => {
    const { db, pay } = setup();
    saveWeek(entry({ report: { updates: [{ initiativeId: pay, status: 'on_track' }] } }), alice, db);
    expect(updateInitiative(pay, { title: '新支付能力建设（二期）' }, bob, db)).toBe(true);
    expect(setInitiativeArchived(pay, true, bob, db)).toBe(true);
    expect(read(db).objectives[0].initiatives.find((i) => i.id === pay)).toMatchObject({ title: '新支付能力建设（二期）', archived: true });
    expect(read(db, NEXT).objectives[0].initiatives.some((i) => i.id === pay)).toBe(false);
    const audit = db.select().from(revisions).all().filter((r) => r.entity === 'initiative' && r.action === 'update');
    expect(audit.map((r) => r.after)).toEqual([expect.objectContaining({ title: '新支付能力建设（二期）' }), { archived: true }]);
    expect(updateInitiative(424242, { title: 'x' }, bob, db)).toBe(false);
  });
});
