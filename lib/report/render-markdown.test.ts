// Round trip: any week rendered as the team's Markdown reads back through parseReport as the same week.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES, INCIDENT_COUNT_KEYS, type Grade } from '../constants';
import { weekDay, weekLabel } from '../weeks';
import { parseReport } from './parse-report';
import { renderReportMarkdown, type RenderableWeek } from './render-markdown';
import type { ParsedIncident, ReportFinding, ReportItem, ReportObjective } from './types';

const WORDS = ['渠道对接', '账户改造', '清算优化', '风控策略', '对账平台', '商户服务', '收银台升级', '报表迁移', '密钥管理', '容灾演练'];
const PLAIN = ['本周完成联调', '下周灰度上线', '方案已评审', '与银行确认排期', '压测结果符合预期'];
const NAMES = ['王五', '李雷', '韩梅'];

const phrase = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...PLAIN)).map(([a, b]) => `${a}${b}`);
const pct = (min: number, max: number, scale: number) => fc.integer({ min: min * scale, max: max * scale }).map((n) => n / scale);

/** An item's text with the state and progress it states, as the team writes them. */
const stated: fc.Arbitrary<Pick<ReportItem, 'text' | 'status' | 'progress'>> = fc.oneof(
  fc.constant({ text: '已投产', status: 'live' as const }),
  fc.constant({ text: '已上线', status: 'launched' as const }),
  fc.constant({ text: '需求评审中', status: 'in_review' as const }),
  fc.integer({ min: 0, max: 99 }).map((n) => ({ text: `开发进度 ${n}%`, status: 'in_development' as const, progress: n })),
  fc.integer({ min: 0, max: 99 }).map((n) => ({ text: `总体进度${n}%，按计划推进`, progress: n })),
  fc.constantFrom(...PLAIN).map((text) => ({ text })),
  fc.constant({ text: '' }),
);

const item = (children: fc.Arbitrary<ReportItem[]>): fc.Arbitrary<ReportItem> =>
  fc.tuple(fc.constantFrom(...WORDS), stated, children).map(([title, s, kids]) => ({ title, ...s, ...(kids.length ? { children: kids } : {}) }));
const leaf = item(fc.constant([]));

const group = (letter: string) =>
  fc.tuple(fc.constantFrom(...WORDS), fc.option(fc.constantFrom(...PLAIN), { nil: undefined }), fc.array(leaf, { minLength: 1, maxLength: 3 })).map(
    ([title, text, children]): ReportItem => ({ title: `${letter}. ${title}`, text: text ?? '', children }),
  );

const objective = (code: string): fc.Arbitrary<ReportObjective> =>
  fc
    .tuple(fc.constantFrom('服务业务', '系统升级', '安全稳定、降本提效'), fc.array(item(fc.array(leaf, { maxLength: 3 })), { maxLength: 4 }), fc.integer({ min: 0, max: 2 }))
    .chain(([title, items, groups]) =>
      fc.tuple(...Array.from({ length: groups }, (_, i) => group('ABC'[i]))).map((gs) => ({ code, title, items: [...items, ...gs] })),
    );

const finding: fc.Arbitrary<ReportFinding> = fc
  .record({
    title: phrase,
    status: fc.option(fc.constantFrom('整改中', '材料已提交，等待受理', '已关闭'), { nil: undefined }),
    owner: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    due: fc.option(fc.constantFrom('2024-08-31', '2025-01-15'), { nil: undefined }),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as ReportFinding);

const MONDAY_2020 = Date.UTC(2020, 0, 6);
const monday = fc.integer({ min: 0, max: 52 * 10 }).map((w) => new Date(MONDAY_2020 + w * 7 * 86_400_000).toISOString().slice(0, 10));

function incidents(weekStart: string): fc.Arbitrary<ParsedIncident[]> {
  // Events from Monday to the report's Saturday, one per distinct minute so their order is known.
  const one = fc.record({
    day: fc.integer({ min: 0, max: 5 }),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    duration: fc.option(fc.integer({ min: 1, max: 3 * 24 * 60 }), { nil: undefined }),
    grade: fc.option(fc.tuple(fc.constantFrom(...GRADES), fc.constantFrom('estimated' as const, 'final' as const)), { nil: null }),
    title: phrase,
    cause: fc.constantFrom('', '银行侧系统升级未通知', '连接池耗尽'),
    handling: fc.constantFrom('', '切换备用通道后恢复', '扩容并限流'),
  });
  return fc.uniqueArray(one, { maxLength: 3, selector: (e) => `${e.day}-${e.minute}` }).map((list) =>
    list
      .map((e) => ({
        startedAt: `${weekDay(weekStart, e.day)}T${String(Math.floor(e.minute / 60)).padStart(2, '0')}:${String(e.minute % 60).padStart(2, '0')}`,
        ...(e.duration !== undefined ? { durationMinutes: e.duration } : {}),
        grade: e.grade ? e.grade[0] : null,
        gradeStatus: e.grade ? e.grade[1] : null,
        title: e.title,
        cause: e.cause,
        handling: e.handling,
      }))
      .sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1)),
  );
}

const week: fc.Arbitrary<RenderableWeek> = monday.chain((start) =>
  fc
    .record({
      inbound: fc.option(pct(95, 100, 100), { nil: undefined }),
      inboundPrev: fc.option(pct(95, 100, 100), { nil: undefined }),
      availability: fc.option(pct(99, 100, 1000), { nil: undefined }),
      health: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
      healthPrev: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
      classification: fc.option(fc.integer({ min: 1, max: 400 }).chain((total) => fc.tuple(fc.integer({ min: 0, max: total }), fc.constant(total))), { nil: undefined }),
      migration: fc.option(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 300 })).chain(([withDone, total]) => fc.tuple(withDone ? fc.integer({ min: 0, max: total }) : fc.constant(undefined), fc.constant(total), pct(0, 100, 10))), { nil: undefined }),
      countGrades: fc.boolean(),
      incidents: incidents(start),
      focus: fc.array(phrase, { maxLength: 3 }),
      other: fc.array(phrase, { maxLength: 3 }),
      nextWeek: fc.array(phrase, { maxLength: 4 }),
      reflection: fc.option(phrase, { nil: '' }),
      objectives: fc.subarray(['O1', 'O2', 'O3']).chain((codes) => fc.tuple(...codes.map(objective))),
      findings: fc.array(finding, { maxLength: 3 }),
    })
    .map((g): RenderableWeek => {
      const reportDate = weekDay(start, 5);
      const w: RenderableWeek = { label: weekLabel(reportDate, 'jan1'), reportDate, values: {}, counts: {}, previous: {}, incidents: g.incidents, report: { focus: g.focus, objectives: g.objectives, findings: g.findings, other: g.other, reflection: g.reflection, nextWeek: g.nextWeek } };
      if (g.inbound !== undefined) {
        w.values.inbound_success_rate = g.inbound;
        if (g.inboundPrev !== undefined) w.previous!.inbound_success_rate = g.inboundPrev;
      }
      if (g.availability !== undefined) w.values.availability = g.availability;
      if (g.health !== undefined) {
        w.values.health_score = g.health;
        if (g.healthPrev !== undefined) w.previous!.health_score = g.healthPrev;
      }
      if (g.classification) {
        const [done, total] = g.classification;
        w.values.data_classification_progress = Math.round((done / total) * 10_000) / 100;
        w.counts.data_classification_progress = { done, total };
      }
      if (g.migration) {
        const [done, total, stated] = g.migration;
        w.values.hive_migration_progress = done === undefined ? stated : Math.round((done / total) * 1000) / 10;
        w.counts.hive_migration_progress = done === undefined ? { total } : { done, total };
      }
      if (g.countGrades) {
        for (const grade of GRADES) w.values[INCIDENT_COUNT_KEYS[grade]] = g.incidents.filter((e) => e.grade === (grade as Grade)).length;
      }
      return w;
    }),
);

describe('renderReportMarkdown', () => {
  it('round trip: a generated week rendered and parsed back is the same week, without warnings', () => {
    fc.assert(
      fc.property(week, (w) => {
        const md = renderReportMarkdown(w, 'zh');
        const back = parseReport(md, { numbering: 'jan1' });
        expect(back.warnings).toEqual([]);
        expect(back.week?.label).toBe(w.label);
        expect(back.week?.reportDate).toBe(w.reportDate);
        expect(back.values).toEqual(w.values);
        expect(back.counts).toEqual(w.counts);
        expect(back.previous).toEqual(w.previous);
        expect(back.incidents).toEqual(w.incidents);
        expect(back.report).toEqual(w.report);
        expect(back.hasEventLog).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 60_000);

  it('round trip: every fixture report, parsed, rendered and parsed again, reads the same', () => {
    const dir = path.resolve(__dirname, '../../fixtures/reports');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const f of files) {
      const first = parseReport(readFileSync(path.join(dir, f), 'utf8'), { numbering: 'jan1' });
      const { week: wk, values, counts, previous, incidents, report } = first;
      const back = parseReport(renderReportMarkdown({ label: wk!.label, reportDate: wk!.reportDate, values, counts, previous, incidents, report }), { numbering: 'jan1' });
      expect({ f, week: back.week, values: back.values, counts: back.counts, previous: back.previous, incidents: back.incidents, report: back.report }).toEqual({ f, week: wk, values, counts, previous, incidents, report });
    }
  });

  it('writes the team layout in Chinese and English headings for --lang en', () => {
    const w: RenderableWeek = {
      label: '2024-W20',
      reportDate: '2024-05-18',
      values: { health_score: 695 },
      counts: {},
      previous: { health_score: 688 },
      incidents: [{ startedAt: '2024-05-15T23:50', durationMinutes: 30, grade: 'D', gradeStatus: 'estimated', title: '批量延迟', cause: '锁等待', handling: '重跑' }],
      report: { focus: ['复盘'], objectives: [], findings: [{ title: '日志未脱敏', status: '整改中' }], other: [], reflection: '', nextWeek: ['上线'] },
    };
    const zh = renderReportMarkdown(w, 'zh');
    expect(zh).toContain('# 第20周 2024-05-18');
    expect(zh).toContain('- 健康分：本周从688分提到695分');
    expect(zh).toContain('    - 5/15 23:50 ～ 05/16 00:20 批量延迟');
    expect(zh).toContain('## 【发现的问题】\n\n1. 日志未脱敏——整改中');
    expect(zh).toContain('## 收获与反思\n\n暂无');
    const en = renderReportMarkdown(w, 'en');
    expect(en).toContain('# Week 20 2024-05-18');
    expect(en).toContain('## Key figures');
    expect(en).toContain('- System health score: 695 pts (last week 688 pts)');
    expect(en).toContain('# Next week\n\n1. 上线');
  });
});
