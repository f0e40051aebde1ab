import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADES, METRIC_KEYS, type DefaultMetricKey } from '../constants';
import { parseReport, type ParsedReport } from './parse-report';

const SAMPLES = path.resolve(__dirname, '../../fixtures/reports');
const samples = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));

const PERCENT_KEYS = new Set<DefaultMetricKey>([
  'inbound_success_rate',
  'outbound_success_rate',
  'first_attempt_success_rate',
  'availability',
  'hive_overall_progress',
  'hive_migration_progress',
  'data_classification_progress',
]);
const COUNT_KEYS = new Set<DefaultMetricKey>(['incidents_a', 'incidents_b', 'incidents_c', 'incidents_d']);
const isCount = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Everything a caller may rely on, whatever the input. */
function expectWellFormed(r: ParsedReport): void {
  expect(Object.keys(r).sort()).toEqual(['counts', 'hasEventLog', 'incidents', 'previous', 'report', 'values', 'warnings', 'week']);
  for (const list of [r.report.focus, r.report.other, r.report.nextWeek]) for (const s of list) expect(typeof s).toBe('string');
  expect(typeof r.report.reflection).toBe('string');
  for (const o of r.report.objectives) expect(o.code).toMatch(/^O\d{1,2}$/);
  for (const f of r.report.findings) expect(f.title.length).toBeGreaterThan(0);
  if (r.week === null) {
    expect(r.warnings.length).toBeGreaterThan(0);
  } else {
    expect(r.week.label).toMatch(/^\d{4}-W\d{2}$/);
    for (const d of [r.week.start, r.week.end, r.week.reportDate]) expect(d).toMatch(DATE);
    expect(r.week.start <= r.week.reportDate && r.week.reportDate <= r.week.end).toBe(true);
  }
  for (const [key, value] of Object.entries(r.values)) {
    expect(METRIC_KEYS).toContain(key);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    if (PERCENT_KEYS.has(key as DefaultMetricKey)) expect(value).toBeLessThanOrEqual(100);
    if (COUNT_KEYS.has(key as DefaultMetricKey)) expect(isCount(value)).toBe(true);
  }
  for (const [key, counts] of Object.entries(r.counts)) {
    expect(METRIC_KEYS).toContain(key);
    if (counts.done !== undefined) expect(isCount(counts.done)).toBe(true);
    if (counts.total !== undefined) expect(isCount(counts.total)).toBe(true);
  }
  for (const [key, value] of Object.entries(r.previous)) {
    expect(METRIC_KEYS).toContain(key);
    expect(Number.isFinite(value) && value >= 0).toBe(true);
  }
  for (const i of r.incidents) {
    expect(i.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    if (i.durationMinutes !== undefined) expect(isCount(i.durationMinutes)).toBe(true);
    if (i.grade === null) expect(i.gradeStatus).toBeNull();
    else {
      expect(GRADES).toContain(i.grade);
      expect(['estimated', 'final']).toContain(i.gradeStatus);
    }
    for (const s of [i.title, i.cause, i.handling]) expect(typeof s).toBe('string');
  }
  // parse_error means the safety net caught a bug: the parser itself must never throw.
  expect(r.warnings.map((w) => w.code)).not.toContain('parse_error');
  for (const w of r.warnings) {
    expect(w.code).toMatch(/^[a-z_]+$/);
    expect(w.message.length).toBeGreaterThan(0);
  }
}

const numbering = fc.constantFrom('jan1' as const, 'iso' as const);

// Pieces of real reports, so random text reaches the parser's deeper paths rather than dying at the heading.
const TOKENS = [
  '# 第29周 ', '2023-07-15', '2024/01/05', '\n', '\n\n', '- ', '1. ', '3. ', '    ', ':', '：', '%', '％', '，', ',',
  '入金有效成功率', '出金有效成功率', '一次支付成功率', '支付系统年度可用性', '99.99', '100', '0', '1e400', '999999999999',
  '事故数', 'AB级', 'CD级', 'A级', 'D级', '1次', '0次', '生产稳定性事件', '无', '7/05 ', '12/31 ', '10:02', '～',
  '11:52', '持续', '12mins', '35分钟', '1小时', '原因：', '处置：', '预估B级', '定级D级', 'Hive数仓建设总进度',
  '迁移进度（总数164个）', '剩余12个', '数据分类分级', '一共179个数据库', '打标完成27个', '完成率', '健康分',
  '本周从471分提到488分', '（上周589分）', '# 下周工作及目标', 'Created: 2023年7月1日', '\u0000', '\uffff', '\ud800',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join(''));

type Mutation =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'swapColons' }
  | { op: 'swapLines'; at: number; with: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), tokenSoup) }),
  fc.record({ op: fc.constant('swapColons' as const) }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const i = lines.length ? ('at' in m ? m.at % lines.length : 0) : 0;
    if (m.op === 'delete') lines.splice(i, 1);
    else if (m.op === 'duplicate' && lines.length) lines.splice(i, 0, lines[i]);
    else if (m.op === 'insert') lines.splice(i, 0, m.text);
    else if (m.op === 'swapColons') lines = lines.map((l) => l.replace(/[:：]/g, (c) => (c === ':' ? '：' : ':')));
    else if (m.op === 'swapLines' && lines.length) {
      const j = m.with % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
    }
  }
  return lines.join('\n');
}

describe('parseReport is total', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.string()),
        numbering,
        (text, n) => expectWellFormed(parseReport(text, { numbering: n })),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on soups of report fragments', () => {
    fc.assert(
      fc.property(tokenSoup, numbering, (text, n) => expectWellFormed(parseReport(text, { numbering: n }))),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated sample reports', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        numbering,
        (sample, mutations, shuffle, n) => {
          let text = mutate(sample, mutations);
          if (shuffle) text = text.split('\n').reverse().join('\n');
          expectWellFormed(parseReport(text, { numbering: n }));
        },
      ),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('survives inputs that are not strings at run time', () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expectWellFormed(parseReport(bad as unknown as string, { numbering: 'jan1' }));
    }
  });
});

describe('parseReport stays fast on hostile input', () => {
  const hostile = [
    '入金有效成功率' + ' '.repeat(100_000),
    '健康分从' + '1'.repeat(50_000) + '分',
    '3. 生产稳定性事件：\n- 7/05 10:02 ' + '，'.repeat(100_000) + '持续',
    '3. 生产稳定性事件：\n- 7/05 10:02 x\n' + '    原因：'.repeat(20_000),
    'AB级'.repeat(50_000),
    '迁移进度(总数'.repeat(30_000),
    '# 第29周 2023-07-15\n'.repeat(20_000),
    '\n'.repeat(300_000),
    samples[0].repeat(200),
  ];

  it.each(hostile.map((text, i) => [i, text] as const))('hostile input %i parses in well under a second', (_, text) => {
    const t0 = performance.now();
    const r = parseReport(text, { numbering: 'jan1' });
    expect(performance.now() - t0).toBeLessThan(1000);
    expectWellFormed(r);
  });
});
