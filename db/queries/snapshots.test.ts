import { describe, expect, it } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { recomputeStatuses } from '@/lib/kpi/snapshot';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { user } from '../schema';
import { saveWeek } from './save-week';
import { listRestatements, listSnapshots } from './snapshots';
import { setTarget } from './targets';
import { getDataVersion } from './data-version';
import { exportCsv } from './export';
import { validateWideCsv } from '@/lib/csv/validate';
import { getWeekNumbering } from './settings';
import { createShareLink, resolveShareToken } from './share-links';
import { loadSharedDashboardModel } from './share-links-view';
import { loadDashboardModel } from './dashboard-load';
import { newShareLinkSchema } from '@/lib/share/validation';
import { getWeekReport } from './report';
import { getSharedWeekView } from './share-week-view';
import { createFinding, createInitiative, ensureObjective } from './report-admin';

const schema = weekEntrySchema(DEFAULT_METRICS);
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const WEEK = '2023-07-10';
const FULL = Object.fromEntries(
  DEFAULT_METRICS.filter((m) => m.required).map((m) => [m.key, { value: m.kind === 'count' ? '0' : m.kind === 'score' ? '500' : '99.99' }]),
);

function openDb() {
  const db = openTestDatabase();
  db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
  return db;
}
const entry = (o: Record<string, unknown>) => schema.parse({ weekStart: WEEK, baseVersion: 0, intent: 'draft', ...o });
const withRate = (rate: string) => ({ ...FULL, inbound_success_rate: { value: rate } });

function published(db: ReturnType<typeof openDb>) {
  const r = saveWeek(entry({ intent: 'publish', values: withRate('99.95') }), alice, db);
  if (!r.ok) throw new Error(r.kind);
  return r.version;
}

describe('week snapshots', () => {
  it('freezes v1 on the first publication, with raw inputs, targets, statuses and who published', () => {
    const db = openDb();
    expect(saveWeek(entry({ values: withRate('99.95') }), alice, db)).toMatchObject({ ok: true });
    expect(listSnapshots(WEEK, db)).toEqual([]); // a draft is not a record
    published(db);
    const [v1] = listSnapshots(WEEK, db);
    expect(v1).toMatchObject({ version: 1, publishedBy: 'u-alice', publishedByName: 'Alice <alice@example.com>' });
    expect(v1.payload.values.inbound_success_rate).toMatchObject({ value: 99.95, target: 99.99, warning: 99.95, status: 'warning' });
  });

  it('cannot be changed or deleted: the database refuses', () => {
    const db = openDb();
    published(db);
    expect(() => db.$client.prepare(`UPDATE week_snapshots SET payload = '{}'`).run()).toThrow(/write-once/);
    expect(() => db.$client.prepare(`DELETE FROM week_snapshots`).run()).toThrow(/write-once/);
    expect(listSnapshots(WEEK, db)[0].payload.values.inbound_success_rate.value).toBe(99.95);
  });

  it('a correction needs a reason, is a restatement, and freezes v2 only when the week is published again', () => {
    const db = openDb();
    const v = published(db);
    expect(saveWeek(entry({ baseVersion: v, intent: 'save', values: withRate('99.93') }), alice, db)).toEqual({ ok: false, kind: 'needs_reason' });
    const fixed = saveWeek(entry({ baseVersion: v, intent: 'save', values: withRate('99.93'), reason: 'recomputed after late refunds' }), alice, db);
    expect(fixed).toMatchObject({ ok: true, status: 'published' });
    expect(listSnapshots(WEEK, db).map((s) => s.version)).toEqual([1]); // saved, not republished
    const restated = listRestatements(WEEK, db);
    expect(restated).toEqual([
      expect.objectContaining({ metric: 'inbound_success_rate', from: 99.95, to: 99.93, by: 'alice@example.com', reason: 'recomputed after late refunds', fromVersion: 1 }),
    ]);
    const before = getDataVersion(db);
    const again = saveWeek(entry({ baseVersion: fixed.ok ? fixed.version : 0, intent: 'publish', values: withRate('99.93') }), alice, db);
    expect(again).toMatchObject({ ok: true, status: 'published' });
    const versions = listSnapshots(WEEK, db);
    expect(versions.map((s) => [s.version, s.payload.values.inbound_success_rate.value])).toEqual([[1, 99.95], [2, 99.93]]);
    expect(Number(getDataVersion(db))).toBeGreaterThan(Number(before));
    // Republishing with nothing new freezes nothing.
    saveWeek(entry({ baseVersion: again.ok ? again.version : 0, intent: 'publish', values: withRate('99.93') }), alice, db);
    expect(listSnapshots(WEEK, db)).toHaveLength(2);
  });

  it('recomputes a snapshot’s statuses from its frozen targets even after the target changes', () => {
    const db = openDb();
    published(db);
    setTarget({ metricKey: 'inbound_success_rate', effectiveFrom: WEEK, target: 99.9, warning: 99.8 }, alice, db);
    const [v1] = listSnapshots(WEEK, db);
    const statuses = recomputeStatuses(v1.payload);
    expect(statuses.inbound_success_rate).toBe('warning');
    expect(statuses).toEqual(Object.fromEntries(Object.entries(v1.payload.values).map(([k, x]) => [k, x.status])));
  });

  it('exports a <key>__as_reported column beside each metric, which the CSV reader ignores', () => {
    const db = openDb();
    const v = published(db);
    saveWeek(entry({ baseVersion: v, intent: 'save', values: withRate('99.93'), reason: 'recomputed' }), alice, db);
    const csv = exportCsv({ publishedOnly: false }, db);
    const [header, row] = csv.replace('\uFEFF', '').trim().split('\r\n').map((l) => l.split(','));
    const at = header.indexOf('inbound_success_rate');
    expect(header[at + 1]).toBe('inbound_success_rate__as_reported');
    expect([row[at], row[at + 1]]).toEqual(['99.93', '99.95']);
    const read = validateWideCsv(csv, { metrics: DEFAULT_METRICS, numbering: getWeekNumbering(db) });
    expect(read.ok).toBe(true);
  });

  it('dashboards and share links show either version, marking the restated tile; a link keeps its creator’s choice', () => {
    const db = openDb();
    const v = published(db);
    saveWeek(entry({ baseVersion: v, intent: 'save', values: withRate('99.93'), reason: 'recomputed' }), alice, db);
    const input = { from: '2023-06-05', to: WEEK, latestWeek: WEEK, lang: 'en' as const, numbering: getWeekNumbering(db) };
    const tile = (m: { tiles: { metric: { key: string }; value: number | null; restated?: boolean }[] }) => m.tiles.find((t) => t.metric.key === 'inbound_success_rate')!;
    expect(tile(loadDashboardModel({ ...input, asOf: 'current' }, db))).toMatchObject({ value: 99.93, restated: true });
    expect(tile(loadDashboardModel({ ...input, asOf: 'reported' }, db))).toMatchObject({ value: 99.95, restated: true });
    // The chart point of the restated week is marked in both views, on the restated metric's panel only.
    const panel = (m: ReturnType<typeof loadDashboardModel>, key: string) => m.charts.groups.flatMap((g) => g.panels).find((p) => p.metrics[0].key === key)!;
    for (const asOf of ['current', 'reported'] as const) {
      const model = loadDashboardModel({ ...input, asOf }, db);
      expect(panel(model, 'inbound_success_rate').restated).toEqual(['2023-W29']);
      expect(panel(model, 'inbound_success_rate').rows.find((r) => r.weekStart === WEEK)).toMatchObject({ inbound_success_rate: asOf === 'current' ? 99.93 : 99.95, inbound_success_rate__restated: 1 });
      expect(panel(model, 'outbound_success_rate').restated).toEqual([]);
    }

    const link = createShareLink({ label: 'Board', expiresIn: '7d', asOf: 'reported' }, null, db);
    const scope = resolveShareToken(link.token, db)!;
    expect(scope.asOf).toBe('reported');
    expect(tile(loadSharedDashboardModel({ ...input, scope, asOf: scope.asOf }, db)).value).toBe(99.95);
    expect(panel(loadSharedDashboardModel({ ...input, scope, asOf: scope.asOf }, db), 'inbound_success_rate').restated).toEqual(['2023-W29']);
    expect(resolveShareToken(createShareLink({ label: 'Plain', expiresIn: '7d' }, null, db).token, db)!.asOf).toBe('current');
    expect(newShareLinkSchema('iso').safeParse({ label: 'x', expiresIn: '7d', asOf: 'sideways' }).success).toBe(false);
  });

  it('holds the week’s report as published, unchanged when the report is edited afterwards; republishing freezes the edit', () => {
    const db = openDb();
    const o1 = ensureObjective({ code: 'O1', titleZh: '服务业务', period: '2023H2' }, alice, db);
    const pay = createInitiative({ objectiveId: o1, title: '新支付能力建设' }, alice, db);
    const finding = createFinding({ title: '账户权限复核', openedWeek: WEEK, dueDate: '2023-07-20' }, alice, db);
    const report = {
      reflection: '压测要提前',
      items: [{ section: 'focus', text: '完成渠道投产' }, { section: 'focus', text: '内部事项', internal: true }],
      updates: [{ initiativeId: pay, status: 'at_risk', progress: 40, text: '联调延期' }],
      findingNotes: [{ findingId: finding, status: 'in_progress', text: '材料已提交' }],
    };
    const first = saveWeek(entry({ intent: 'publish', values: withRate('99.95'), report }), alice, db);
    expect(first).toMatchObject({ ok: true, status: 'published' });
    const asPublished = getWeekReport(WEEK, { includeInternal: true }, db);
    const [v1] = listSnapshots(WEEK, db);
    expect(v1.payload.report).toEqual(JSON.parse(JSON.stringify(asPublished)));
    expect(v1.payload.report?.focus.map((i) => [i.text, i.internal])).toEqual([['完成渠道投产', false], ['内部事项', true]]);
    expect(v1.payload.report?.objectives[0].initiatives[0].update).toMatchObject({ status: 'at_risk', progress: 40, text: '联调延期' });
    expect(v1.payload.report?.findings[0]).toMatchObject({ id: finding, note: { status: 'in_progress', text: '材料已提交' } });

    // Edited afterwards (saved, not republished): the record keeps what was published.
    const focus = asPublished.focus.map((i) => ({ id: i.id, section: 'focus', text: i.text === '完成渠道投产' ? '渠道投产延期' : i.text, internal: i.internal }));
    const edited = saveWeek(entry({ baseVersion: first.ok ? first.version : 0, intent: 'save', values: withRate('99.95'), report: { ...report, reflection: '压测要更早', items: focus, updates: [{ initiativeId: pay, status: 'off_track', progress: 45, text: '再次延期' }] } }), alice, db);
    expect(edited).toMatchObject({ ok: true, status: 'published' });
    expect(getWeekReport(WEEK, { includeInternal: true }, db).reflection).toBe('压测要更早');
    const kept = listSnapshots(WEEK, db);
    expect(kept).toHaveLength(1);
    expect(kept[0].payload.report).toEqual(v1.payload.report);
    expect(kept[0].payload.report?.reflection).toBe('压测要提前');

    // Publishing again freezes v2 with the edited report; v1 still holds the first.
    saveWeek(entry({ baseVersion: edited.ok ? edited.version : 0, intent: 'publish', values: withRate('99.95') }), alice, db);
    const [again1, v2] = listSnapshots(WEEK, db);
    expect(again1.payload.report?.reflection).toBe('压测要提前');
    expect(v2.payload.report?.reflection).toBe('压测要更早');
    expect(v2.payload.report?.objectives[0].initiatives[0].update).toMatchObject({ status: 'off_track', progress: 45 });
  });

  it('a share link’s week page as reported shows the report as first published, without its internal parts', () => {
    const db = openDb();
    const o1 = ensureObjective({ code: 'O1', titleZh: '服务业务', period: '2023H2' }, alice, db);
    const pay = createInitiative({ objectiveId: o1, title: '新支付能力建设' }, alice, db);
    const report = {
      reflection: '压测要提前',
      items: [{ section: 'focus', text: '完成渠道投产' }, { section: 'focus', text: '内部事项', internal: true }],
      updates: [{ initiativeId: pay, status: 'at_risk', progress: 40, text: '联调延期', internal: true }],
    };
    const first = saveWeek(entry({ intent: 'publish', values: withRate('99.95'), report }), alice, db);
    const stored = getWeekReport(WEEK, { includeInternal: true }, db);
    const focus = stored.focus.map((i) => ({ id: i.id, section: 'focus', text: i.internal ? i.text : '渠道投产延期', internal: i.internal }));
    saveWeek(entry({ baseVersion: first.ok ? first.version : 0, intent: 'save', values: withRate('99.95'), report: { ...report, reflection: '压测要更早', items: focus } }), alice, db);
    const scope = resolveShareToken(createShareLink({ label: 'Board', expiresIn: '7d', asOf: 'reported' }, null, db).token, db)!;
    const reported = getSharedWeekView(WEEK, scope, 'reported', db)!;
    expect(reported.report?.reflection).toBe('压测要提前');
    expect(reported.report?.focus.map((i) => i.text)).toEqual(['完成渠道投产']);
    expect(reported.report?.objectives[0].initiatives[0].update).toBeNull();
    expect(JSON.stringify(reported)).not.toContain('内部事项');
    expect(JSON.stringify(reported)).not.toContain('联调延期');
    expect(getSharedWeekView(WEEK, scope, 'current', db)!.report).toBeNull();
  });

  it('a share link’s week page shows the figures, targets, incidents and notes first published, or current; restated either way', () => {
    const db = openDb();
    const first = saveWeek(entry({ intent: 'publish', values: withRate('99.95'), notes: 'as told', internalNotes: 'secret' }), alice, db);
    setTarget({ metricKey: 'inbound_success_rate', effectiveFrom: WEEK, target: 99.9, warning: 99.8 }, alice, db);
    saveWeek(entry({ baseVersion: first.ok ? first.version : 0, intent: 'save', values: withRate('99.93'), notes: 'corrected', reason: 'recomputed' }), alice, db);
    const scope = resolveShareToken(createShareLink({ label: 'Board', expiresIn: '7d', asOf: 'reported' }, null, db).token, db)!;
    const reported = getSharedWeekView(WEEK, scope, 'reported', db)!;
    expect(reported).toMatchObject({ asOf: 'reported', notes: 'as told', values: { inbound_success_rate: { value: 99.95 } } });
    expect(reported.targets.find((x) => x.metricKey === 'inbound_success_rate')).toMatchObject({ target: 99.99, warning: 99.95 });
    expect(JSON.stringify(reported)).not.toContain('secret');
    expect([...reported.restated]).toEqual(['inbound_success_rate']);
    const current = getSharedWeekView(WEEK, scope, 'current', db)!;
    expect(current).toMatchObject({ asOf: 'current', notes: 'corrected', values: { inbound_success_rate: { value: 99.93 } } });
    expect([...current.restated]).toEqual(['inbound_success_rate']);
    expect(getSharedWeekView('2023-07-17', scope, 'reported', db)).toBeNull();
  });
});
