// Round trip with the database (issue 13): any stored week, exported as the team's Markdown and imported into
// an empty database, is the same week: values, incidents, sections, objectives with their initiatives (tree,
// status, progress, text), findings with their state, and next week's plan.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_METRICS } from '@/lib/constants';
import { INITIATIVE_STATUSES, FINDING_STATUSES, type FindingStatus, type InitiativeStatus } from '@/lib/report/model';
import { weekEntrySchema } from '@/lib/validation/week-entry';
import { openTestDatabase } from '../setup';
import { user } from '../schema';
import { importReport } from './import-report';
import { listIncidents } from './incidents';
import { getWeekReport } from './report';
import { createFinding, createInitiative, ensureObjective } from './report-admin';
import { weekMarkdown } from './report-markdown';
import { saveWeek } from './save-week';
import { getWeekValues } from './values';

vi.stubEnv('BASE_URL', '');
vi.stubEnv('WEEK_NUMBERING', 'jan1');

const schema = weekEntrySchema(DEFAULT_METRICS);
const alice = { userId: 'u-alice', email: 'alice@example.com' };
const WORDS = ['渠道对接', '账户改造', '清算优化', '风控策略', '对账平台', '商户服务', '收银台升级', '报表迁移', '密钥管理', '容灾演练', '灵活用工', '跨境收款'];
const PLAIN = ['本周完成联调', '下周灰度上线', '方案已评审', '与银行确认排期', '压测结果符合预期'];
const OBJECTIVES = { O1: '服务业务', O2: '系统升级', O3: '安全稳定、降本提效' } as const;
const MONDAYS = ['2024-02-05', '2024-03-11', '2024-05-13', '2024-09-02', '2024-11-18'];

const phrase = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...PLAIN)).map(([a, b]) => `${a}${b}`);
const rate = fc.integer({ min: 9900, max: 9999 }).map((n) => (n / 100).toFixed(2));

interface GenInitiative { title: string; status: InitiativeStatus; progress: number | null; text: string; children: GenInitiative[] }
const update = fc.record({
  status: fc.constantFrom(...INITIATIVE_STATUSES),
  progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...PLAIN)),
});
const uniqueTitles = (n: number) => fc.uniqueArray(fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 1, max: 99 })).map(([w, k]) => `${w}${k}期`), { minLength: n, maxLength: n, selector: (t) => t });

const week = fc
  .record({
    weekStart: fc.constantFrom(...MONDAYS),
    values: fc.record({ inbound_success_rate: rate, outbound_success_rate: rate, health_score: fc.integer({ min: 400, max: 900 }).map(String) }, { requiredKeys: [] }),
    incidents: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 4 }),
        minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
        duration: fc.integer({ min: 1, max: 600 }),
        grade: fc.constantFrom('', 'C', 'D'),
        gradeStatus: fc.constantFrom('estimated', 'final'),
        title: phrase,
        cause: fc.oneof(fc.constant(''), phrase),
        handling: fc.oneof(fc.constant(''), phrase),
      }),
      { maxLength: 2 },
    ),
    focus: fc.uniqueArray(phrase, { maxLength: 3 }),
    other: fc.uniqueArray(phrase, { maxLength: 3 }),
    nextWeek: fc.uniqueArray(phrase, { maxLength: 3 }),
    reflection: fc.oneof(fc.constant(''), phrase),
    codes: fc.subarray(['O1', 'O2', 'O3'] as const, { minLength: 1 }),
    titles: uniqueTitles(12),
    shapes: fc.array(fc.record({ group: fc.boolean(), children: fc.integer({ min: 0, max: 2 }), update, childUpdates: fc.array(update, { minLength: 2, maxLength: 2 }) }), { minLength: 3, maxLength: 3 }),
    findings: fc.array(fc.record({ status: fc.constantFrom(...FINDING_STATUSES), text: fc.oneof(fc.constant(''), fc.constantFrom(...PLAIN)), owner: fc.constantFrom('', '王五', '李雷'), due: fc.constantFrom(null, '2024-12-31') }), { maxLength: 3 }),
  })
  .map((w) => {
    const titles = [...w.titles];
    const objectives = w.codes.map((code, k) => {
      const s = w.shapes[k];
      const title = titles.pop()!;
      const children: GenInitiative[] = Array.from({ length: s.children }, (_, c) => ({ title: titles.pop()!, ...s.childUpdates[c], children: [] }));
      return { code, items: [{ title: s.group ? `A. ${title}` : title, ...s.update, children }] };
    });
    const findings = w.findings.map((f, k) => ({ ...f, title: `${WORDS[k]}整改项${k + 1}` }));
    return { ...w, objectives, findings };
  });
type Week = typeof week extends fc.Arbitrary<infer T> ? T : never;

const pad = (n: number) => String(n).padStart(2, '0');
function incidentInput(weekStart: string, e: Week['incidents'][number]) {
  const d = new Date(`${weekStart}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + e.day);
  const startedAt = `${d.toISOString().slice(0, 10)}T${pad(Math.floor(e.minute / 60))}:${pad(e.minute % 60)}`;
  return { title: e.title, startedAt, endedAt: '', durationMinutes: String(e.duration), grade: e.grade, gradeStatus: e.grade ? e.gradeStatus : '', cause: e.cause, handling: e.handling };
}

function store(w: Week) {
  const db = openTestDatabase();
  db.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
  const updates: { initiativeId: number; status: InitiativeStatus; progress: number | null; text: string }[] = [];
  for (const o of w.objectives) {
    const objectiveId = ensureObjective({ code: o.code, titleZh: OBJECTIVES[o.code], period: `${w.weekStart.slice(0, 4)}H${Number(w.weekStart.slice(5, 7)) <= 6 ? 1 : 2}` }, alice, db);
    const add = (i: GenInitiative, parentId: number | null) => {
      const id = createInitiative({ objectiveId, parentId, title: i.title }, alice, db);
      updates.push({ initiativeId: id, status: i.status, progress: i.progress, text: i.text });
      for (const c of i.children) add(c, id);
    };
    for (const i of o.items) add(i, null);
  }
  const findingNotes = w.findings.map((f) => ({ findingId: createFinding({ title: f.title, owner: f.owner, dueDate: f.due, openedWeek: w.weekStart }, alice, db), status: f.status as FindingStatus, text: f.text }));
  const items = [
    ...w.focus.map((text) => ({ section: 'focus' as const, text })),
    ...w.other.map((text) => ({ section: 'other' as const, text })),
    ...w.nextWeek.map((text) => ({ section: 'next_week' as const, text })),
  ];
  const saved = saveWeek(
    schema.parse({ weekStart: w.weekStart, baseVersion: 0, intent: 'draft', values: Object.fromEntries(Object.entries(w.values).map(([k, v]) => [k, { value: v }])), incidents: w.incidents.map((e) => incidentInput(w.weekStart, e)), report: { reflection: w.reflection, items, updates, findingNotes } }),
    alice,
    db,
  );
  expect(saved).toMatchObject({ ok: true });
  return db;
}

/** The week as a reader sees it, ids left out. */
function view(db: ReturnType<typeof openTestDatabase>, weekStart: string) {
  const r = getWeekReport(weekStart, { includeInternal: true }, db);
  const texts = (items: { text: string }[]) => items.map((i) => i.text);
  return {
    values: Object.fromEntries(Object.entries(getWeekValues(weekStart, db)).map(([k, v]) => [k, { value: v.value, done: v.done, total: v.total }])),
    incidents: listIncidents(weekStart, db).map(({ startedAt, durationMinutes, grade, gradeStatus, title, cause, handling }) => ({ startedAt, durationMinutes, grade, gradeStatus, title, cause, handling })),
    focus: texts(r.focus),
    other: texts(r.other),
    nextWeek: texts(r.nextWeek),
    reflection: r.reflection,
    objectives: r.objectives.map((o) => ({
      code: o.code,
      initiatives: o.initiatives.map((i) => ({ title: i.title, parent: o.initiatives.find((p) => p.id === i.parentId)?.title ?? null, update: i.update })),
    })),
    findings: r.findings.map((f) => ({ title: f.title, status: f.status, owner: f.owner, dueDate: f.dueDate, note: f.note?.text ?? null })),
  };
}

describe('export → import round trip over generated weeks', () => {
  it('an exported week imported into an empty database is the same week', () => {
    fc.assert(
      fc.property(week, (w) => {
        const original = store(w);
        const markdown = weekMarkdown(w.weekStart, 'zh', {}, original)!;
        const empty = openTestDatabase();
        empty.insert(user).values({ id: alice.userId, email: alice.email, name: 'Alice', role: 'editor' }).run();
        const imported = importReport(markdown, { intent: 'draft' }, alice, empty);
        expect(imported, markdown).toMatchObject({ ok: true });
        expect(view(empty, w.weekStart), markdown).toEqual(view(original, w.weekStart));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
