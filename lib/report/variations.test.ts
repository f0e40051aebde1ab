// Reports built from DOMAIN.md's variation classes, each with its known truth: KPI notations (bullets,
// several per line, tables with 上周/目标/环比 columns, movement phrases, "X（上周Y）", width and spacing),
// done/total in every written form, events as dashes or numbered lists with every date, span and duration
// notation, sections reordered, renamed or missing. Uncertain cases must come back as warnings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES, INCIDENT_COUNT_KEYS, type DefaultMetricKey, type Grade, type GradeStatus } from '../constants';
import { weekNumberOf } from '../weeks';
import { parseReport } from './parse-report';
import type { MetricCounts, MetricValues } from './types';

const pad = (n: number) => String(n).padStart(2, '0');
const full = (s: string) => s.replace(/:/g, '：').replace(/%/g, '％').replace(/,/g, '，');

type PercentKey = 'inbound_success_rate' | 'outbound_success_rate' | 'first_attempt_success_rate' | 'availability' | 'hive_overall_progress';
const LABELS: Record<PercentKey, string> = {
  inbound_success_rate: '入金有效成功率',
  outbound_success_rate: '出金有效成功率',
  first_attempt_success_rate: '一次支付成功率',
  availability: '支付系统年度可用性',
  hive_overall_progress: 'Hive数仓建设总进度',
};
const PERCENT_KEYS = Object.keys(LABELS) as PercentKey[];

interface Truth {
  values: MetricValues;
  previous: MetricValues;
  counts: Partial<Record<DefaultMetricKey, MetricCounts>>;
  incidents: { startedAt: string; durationMinutes?: number; grade: Grade | null; gradeStatus: GradeStatus | null; title: string }[];
  warnings: string[];
  focus: number;
  nextWeek: number;
  objectives: string[];
}

interface Kpi {
  key: PercentKey;
  value: number;
  prev: number;
  notation: 'bullet' | 'move' | 'lastWeek' | 'table';
}

const kpi = fc.record({
  key: fc.constantFrom(...PERCENT_KEYS),
  value: fc.integer({ min: 9000, max: 10000 }).map((n) => n / 100),
  prev: fc.integer({ min: 9000, max: 10000 }).map((n) => n / 100),
  notation: fc.constantFrom('bullet' as const, 'move' as const, 'lastWeek' as const, 'table' as const),
});

const event = fc.record({
  day: fc.integer({ min: 0, max: 5 }),
  minute: fc.integer({ min: 0, max: 1439 }),
  duration: fc.integer({ min: 1, max: 2 * 1440 }),
  dateStyle: fc.constantFrom('m/d', 'mm/dd', 'm月d日', 'twice'),
  durationStyle: fc.constantFrom('none', 'span', 'spanDated', '约分钟', 'mins', 'min', '小时分'),
  sep: fc.constantFrom('~', '～', '-', '—', '至', '到'),
  grade: fc.option(fc.tuple(fc.constantFrom(...GRADES), fc.constantFrom('预估', '定级')), { nil: null }),
  title: fc.constantFrom('代付回单积压', '收银台加载失败', '对账文件延迟', '短信通道抖动', '批量任务超时'),
  mismatch: fc.boolean(),
});

const scenario = fc.record({
  saturday: fc.constantFrom('2023-07-15', '2024-01-06', '2025-01-04', '2024-03-02', '2026-08-08'),
  kpis: fc.uniqueArray(kpi, { selector: (k) => k.key, maxLength: 5 }),
  sameLine: fc.boolean(),
  fullWidth: fc.boolean(),
  unitSpace: fc.boolean(),
  tableColumns: fc.shuffledSubarray(['上周', '目标', '环比'] as const).map((cols) => ['本周', ...cols]).chain((cols) => fc.shuffledSubarray(cols, { minLength: cols.length })),
  ambiguousTable: fc.boolean(),
  health: fc.option(fc.tuple(fc.integer({ min: 300, max: 900 }), fc.integer({ min: 300, max: 900 }), fc.constantFrom('从提到', '由升至', '从降到', '上周', '单值')), { nil: null }),
  counts: fc.option(fc.tuple(fc.integer({ min: 1, max: 400 }).chain((t) => fc.tuple(fc.integer({ min: 0, max: t }), fc.constant(t))), fc.constantFrom('一共完成', '完成共', '括号', '中已完成')), { nil: null }),
  events: fc.uniqueArray(event, { maxLength: 4, selector: (e) => `${e.day}-${e.minute}` }),
  numbered: fc.boolean(),
  statedCounts: fc.constantFrom('none', 'grades', 'buckets'),
  noTimeItem: fc.boolean(),
  kpiHeading: fc.constantFrom('## 【系统运行数据】', '## 【运行数据】', '## 系统运行数据'),
  order: fc.shuffledSubarray(['focus', 'kpis', 'o3', 'other'] as const, { minLength: 2 }),
  focus: fc.integer({ min: 0, max: 3 }),
  nextWeek: fc.integer({ min: 0, max: 3 }),
  extraHeading: fc.boolean(),
  rare: fc.integer({ min: 0, max: 9 }),
});
type ScenarioValue = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function dateOf(saturday: string, day: number): { y: number; m: number; d: number } {
  const [y, m, d] = saturday.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d - 5 + day));
  return { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() };
}

function build(s: ScenarioValue): { text: string; truth: Truth } {
  const truth: Truth = { values: {}, previous: {}, counts: {}, incidents: [], warnings: [], focus: 0, nextWeek: s.nextWeek, objectives: [] };
  const unit = s.unitSpace ? ' %' : '%';
  const sections: Record<string, string[]> = { focus: [], kpis: [], o3: [], other: [] };
  const present = new Set(s.order);
  const kpiLines: string[] = [];
  const table: Kpi[] = [];
  const ambiguous = s.ambiguousTable && s.rare < 2;

  for (const k of s.kpis) {
    const label = LABELS[k.key];
    if (k.notation === 'table') table.push(k);
    else if (k.notation === 'move') kpiLines.push(`${label}由${k.prev}${unit}提升至${k.value}${unit}`);
    else if (k.notation === 'lastWeek') kpiLines.push(`${label}：${k.value}${unit}（上周${k.prev}%）`);
    else kpiLines.push(`${label}：${k.value}${unit}`);
    if (!present.has('kpis') || (k.notation === 'table' && ambiguous)) continue;
    truth.values[k.key] = k.value;
    if (k.notation === 'move' || k.notation === 'lastWeek' || (k.notation === 'table' && s.tableColumns.includes('上周'))) truth.previous[k.key] = k.prev;
  }
  const kpiBody = s.sameLine && kpiLines.length ? [`- ${kpiLines.join(s.fullWidth ? '；另外' : ', 以及 ')}（详见附表）`] : kpiLines.map((l) => `- ${l}`);
  if (table.length) {
    const cols = ambiguous ? ['甲', '乙'] : s.tableColumns;
    kpiBody.push('', `| 指标 | ${cols.join(' | ')} |`, `|${' --- |'.repeat(cols.length + 1)}`);
    for (const k of table) {
      const cell = (c: string) => (c === '本周' || c === '甲' ? `${k.value}%` : c === '上周' || c === '乙' ? `${k.prev}%` : c === '目标' ? '99.95%' : '+0.01%');
      kpiBody.push(`| ${LABELS[k.key]} | ${cols.map(cell).join(' | ')} |`);
    }
    if (ambiguous && present.has('kpis')) truth.warnings.push('uncertain_value');
    kpiBody.push('');
  }
  sections.kpis.push(...kpiBody.map((l) => (s.fullWidth ? full(l) : l)));

  // O3: health, classification counts and the event log.
  const o3: string[] = [];
  if (s.health) {
    const [prev, value, style] = s.health;
    const line =
      style === '从提到' ? `健康分治理，本周从${prev}分提到${value}分。`
      : style === '由升至' ? `健康分由 ${prev} 分升至 ${value} 分`
      : style === '从降到' ? `健康分从${prev}分降到${value}分`
      : style === '上周' ? `健康分治理：本周健康分${value}分（上周${prev}分）`
      : `健康分：${value}${s.unitSpace ? ' ' : ''}分`;
    o3.push(line);
    if (present.has('o3')) {
      truth.values.health_score = value;
      if (style !== '单值') truth.previous.health_score = prev;
    }
  }
  if (s.counts) {
    const [[done, total], style] = s.counts;
    o3.push(
      style === '一共完成' ? `数据分类分级：一共${total}个数据库，目前打标完成${done}个数据库`
      : style === '完成共' ? `数据分类分级打标完成${done}个，共${total}个`
      : style === '括号' ? `数据分类分级打标（${done}/${total}）`
      : `数据分类分级：${total}个中已完成${done}个`,
    );
    if (present.has('o3')) {
      truth.values.data_classification_progress = Math.round((done / total) * 100 * 100) / 100;
      truth.counts.data_classification_progress = { done, total };
    }
  }

  const log: string[] = [];
  const graded: Record<Grade, number> = { A: 0, B: 0, C: 0, D: 0 };
  s.events.forEach((e, i) => {
    const { y, m, d } = dateOf(s.saturday, e.day);
    const hh = Math.floor(e.minute / 60);
    const mm = e.minute % 60;
    const date = e.dateStyle === 'm/d' ? `${m}/${d}` : e.dateStyle === 'mm/dd' ? `${pad(m)}/${pad(d)}` : e.dateStyle === 'm月d日' ? `${m}月${d}日` : `${m}/${pad(d)} ${pad(m)}/${pad(d)}`;
    const endAt = new Date(Date.UTC(y, m - 1, d, hh, mm + e.duration));
    const endTime = `${pad(endAt.getUTCHours())}:${pad(endAt.getUTCMinutes())}`;
    let style = e.durationStyle;
    if (style === 'span' && e.duration >= 1440) style = 'spanDated';
    if (style === '小时分' && e.duration < 60) style = '约分钟';
    const when =
      style === 'span' ? ` ${e.sep} ${endTime}`
      : style === 'spanDated' ? ` ${e.sep} ${pad(endAt.getUTCMonth() + 1)}/${pad(endAt.getUTCDate())} ${endTime}`
      : '';
    const stated =
      style === '约分钟' ? `，持续约${e.duration}分钟`
      : style === 'mins' ? `，告警持续${e.duration}mins`
      : style === 'min' ? `，持续${e.duration}min`
      : style === '小时分' ? `，持续${Math.floor(e.duration / 60)}小时${e.duration % 60}分`
      : '';
    const mismatch = e.mismatch && s.rare === 3 && (style === 'span' || style === 'spanDated');
    const extra = mismatch ? `，持续${e.duration + 30}分钟` : '';
    const marker = s.numbered ? `    ${i + 1}. ` : '- ';
    const inner = s.numbered ? '        ' : '    ';
    const grade = e.grade ? `${e.grade[1]}${e.grade[0]}级` : '';
    log.push(`${marker}${date} ${pad(hh)}:${pad(mm)}${when} ${e.title}${stated}${extra}`, `${inner}原因：外部依赖异常`, `${inner}处置：切换后恢复。${grade}`);
    if (mismatch) truth.warnings.push('incident_duration_mismatch');
    if (e.grade) graded[e.grade[0]]++;
    truth.incidents.push({
      startedAt: `${y}-${pad(m)}-${pad(d)}T${pad(hh)}:${pad(mm)}`,
      ...(style === 'none' ? {} : { durationMinutes: e.duration }),
      grade: e.grade ? e.grade[0] : null,
      gradeStatus: e.grade ? (e.grade[1] === '预估' ? 'estimated' : 'final') : null,
      title: e.title,
    });
  });
  if (s.noTimeItem && s.rare === 4) {
    log.push(`${s.numbered ? `    ${s.events.length + 1}. ` : '- '}${dateOf(s.saturday, 1).m}/${dateOf(s.saturday, 1).d} 夜间批量延迟（时间待补）`);
    truth.warnings.push('incident_no_time');
  }
  o3.push(s.events.length || log.length ? '生产稳定性事件：' : '生产稳定性事件：无');
  const o3Lines = o3.map((l, i) => `${i + 1}. ${l}`);
  sections.o3.push(...o3Lines, ...log);
  if (!present.has('o3')) {
    truth.incidents = [];
    truth.warnings = truth.warnings.filter((w) => w === 'uncertain_value');
  }
  truth.incidents.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));

  if (s.statedCounts !== 'none') {
    const line =
      s.statedCounts === 'grades' ? `- 事故数A级${graded.A}次，B级${graded.B}次，C级${graded.C}次，D级${graded.D}次`
      : `- 事故数AB级${graded.A + graded.B}次，CD级${graded.C + graded.D}次`;
    sections.kpis.push(line);
    if (present.has('kpis')) {
      const log = present.has('o3');
      for (const g of GRADES) {
        const bucket = g === 'A' || g === 'B' ? graded.A + graded.B : graded.C + graded.D;
        // A bucket splits by the graded events only when the log is there to split it (or it is 0).
        if (s.statedCounts === 'grades' || bucket === 0 || log) truth.values[INCIDENT_COUNT_KEYS[g]] = s.statedCounts === 'grades' || log ? graded[g] : 0;
      }
      if (s.statedCounts === 'buckets' && !log) {
        if (graded.A + graded.B > 0) truth.warnings.push('ungraded_bucket');
        if (graded.C + graded.D > 0) truth.warnings.push('ungraded_bucket');
      }
    }
  }

  truth.focus = present.has('focus') ? s.focus : 0;
  sections.focus.push(...Array.from({ length: s.focus }, (_, i) => `${i + 1}. 重点事项${'甲乙丙'[i]}推进`));
  sections.other.push('1. 团队分享一次');
  const heading: Record<string, string> = { focus: '## 【重点工作】', kpis: s.kpiHeading, o3: '## 【O3 安全稳定、降本提效】', other: '## 【其他】' };
  if (present.has('o3')) truth.objectives = ['O3'];

  const parts = [`# 第${weekNumberOf(s.saturday, 'jan1').week}周 ${s.saturday}`, '# 上周进展'];
  for (const name of s.order) {
    parts.push(heading[name], sections[name].join('\n'));
    if (s.extraHeading && name === 'kpis') parts.push('### 补充说明', '本节为说明文字。');
  }
  parts.push('# 下周工作及目标', Array.from({ length: s.nextWeek }, (_, i) => `${i + 1}. 下周事项${i + 1}：推进至90%`).join('\n'));
  return { text: parts.join('\n\n'), truth };
}

describe('generated reports from the variation classes', () => {
  it('parses thousands of reports to their known truth, with a warning wherever the report is unsure', () => {
    let uncertain = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const { text, truth } = build(s);
        const r = parseReport(text, { numbering: 'jan1' });
        expect(r.week?.reportDate).toBe(s.saturday);
        expect(r.values).toEqual(truth.values);
        expect(r.previous).toEqual(truth.previous);
        expect(r.counts).toEqual(truth.counts);
        expect(r.incidents.map(({ startedAt, durationMinutes, grade, gradeStatus, title }) => ({ startedAt, ...(durationMinutes === undefined ? {} : { durationMinutes }), grade, gradeStatus, title }))).toEqual(truth.incidents);
        expect(r.warnings.map((w) => w.code).sort()).toEqual([...truth.warnings].sort());
        expect(r.report.focus).toHaveLength(truth.focus);
        expect(r.report.nextWeek).toHaveLength(truth.nextWeek);
        expect(r.report.objectives.map((o) => o.code)).toEqual(truth.objectives);
        if (truth.warnings.length) uncertain++;
      }),
      { numRuns: 3000 },
    );
    expect(uncertain).toBeGreaterThan(50);
  }, 60_000);
});
