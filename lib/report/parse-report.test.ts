import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from './parse-report';

const SAMPLES = path.resolve(__dirname, '../../fixtures/reports');

interface ExpectedSample {
  week: ParsedReport['week'];
  values: ParsedReport['values'];
  counts: ParsedReport['counts'];
  previous: ParsedReport['previous'];
  incidents: Array<Pick<ParsedReport['incidents'][number], 'startedAt' | 'durationMinutes' | 'grade' | 'gradeStatus' | 'title'>>;
  warnings: number;
  warningCodes: string[];
}

const expected = JSON.parse(readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Record<string, unknown>;
const sampleFiles = readdirSync(SAMPLES).filter((f) => f.endsWith('.md')).sort();

const jan1 = { numbering: 'jan1' } as const;
const parse = (text: string) => parseReport(text, jan1);
const codes = (r: ParsedReport) => r.warnings.map((w) => w.code);
const report = (body: string, heading = '# 第29周 2023-07-15') => `${heading}\n\n# 上周进展\n\n${body}\n`;

describe('sample reports', () => {
  it('finds every sample listed in expected.json', () => {
    expect(sampleFiles.length).toBeGreaterThanOrEqual(7);
    for (const f of sampleFiles) expect(expected).toHaveProperty([f]);
  });

  describe.each(sampleFiles)('%s', (file) => {
    const want = expected[file] as ExpectedSample;
    const got = parse(readFileSync(path.join(SAMPLES, file), 'utf8'));

    it('reads week, values, counts and previous exactly', () => {
      expect(got.week).toEqual(want.week);
      expect(got.values).toEqual(want.values);
      expect(got.counts).toEqual(want.counts);
      expect(got.previous).toEqual(want.previous);
    });

    it('reads the incident log', () => {
      expect(got.incidents.map(({ startedAt, durationMinutes, grade, gradeStatus, title }) => ({
        startedAt,
        durationMinutes,
        grade,
        gradeStatus,
        title,
      }))).toEqual(want.incidents);
      for (const i of got.incidents) {
        expect(i.title).not.toBe('');
        expect(i.cause).not.toBe('');
        expect(i.handling).not.toBe('');
      }
    });

    it('raises exactly the expected warnings', () => {
      expect(got.warnings).toHaveLength(want.warnings);
      expect(got.warnings.map((w) => w.code)).toEqual(want.warningCodes);
    });
  });

  it('keeps the incident text without the duration clause or the grade', () => {
    const w28 = parse(readFileSync(path.join(SAMPLES, '2023-W28.md'), 'utf8'));
    expect(w28.incidents[0]).toMatchObject({
      title: '代付回单推送积压',
      cause: '消息队列消费者线程池耗尽',
      handling: '扩容消费者并限流上游。',
    });
  });

  it('parses a sample well under 5 ms', () => {
    const text = readFileSync(path.join(SAMPLES, '2023-W30.md'), 'utf8');
    for (let i = 0; i < 20; i++) parse(text); // warm the JIT first
    const runs = 200;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) parse(text);
    expect((performance.now() - t0) / runs).toBeLessThan(5);
  });
});

describe('week', () => {
  it('takes the report date from the heading, not the Created: line, with either date separator', () => {
    const r = parse('Created: 2023年7月20日 17:40\n\n# 第29周 2023/07/15\n');
    expect(r.week).toEqual({ label: '2023-W29', start: '2023-07-10', end: '2023-07-16', reportDate: '2023-07-15' });
    expect(r.warnings).toEqual([]);
  });

  it('labels the week with ISO numbering when configured, and warns that the heading number disagrees', () => {
    const text = '# 第29周 2023-07-15\n';
    const iso = parseReport(text, { numbering: 'iso' });
    expect(iso.week?.label).toBe('2023-W28');
    expect(iso.week?.start).toBe('2023-07-10');
    expect(codes(iso)).toEqual(['week_number_mismatch']);
    expect(codes(parse(text))).toEqual([]);
  });

  it('warns when the heading week number disagrees with the date', () => {
    const r = parse('# 第30周 2023-07-15\n');
    expect(r.week?.label).toBe('2023-W29');
    expect(codes(r)).toEqual(['week_number_mismatch']);
  });

  it('zero-pads the label and puts the week holding 1 January into the new year', () => {
    expect(parse('# 第1周 2026-12-28\n').week?.label).toBe('2027-W01');
  });

  it('returns no week and a no_week warning without a dated heading', () => {
    for (const text of ['', 'Created: 2023年7月1日 17:40', '# 第29周', '# 第29周 2023-02-30']) {
      const r = parse(text);
      expect(r.week).toBeNull();
      expect(codes(r)).toContain('no_week');
    }
  });

  it('warns when two headings give different dates', () => {
    expect(codes(parse('# 第29周 2023-07-15\n\n# 第30周 2023-07-22\n'))).toEqual(['heading_conflict']);
  });
});

describe('metric lines', () => {
  it('reads half-width colons, commas and percent signs like full-width ones', () => {
    const half = parse(report('- 入金有效成功率: 99.995%\n- 出金有效成功率: 99.93%, 一次支付成功率: 99.29%\n- 支付系统年度可用性: 99.997%'));
    const full = parse(report('- 入金有效成功率：99.995％\n- 出金有效成功率：99.93％，一次支付成功率：99.29％\n- 支付系统年度可用性：99.997％'));
    const want = {
      inbound_success_rate: 99.995,
      outbound_success_rate: 99.93,
      first_attempt_success_rate: 99.29,
      availability: 99.997,
    };
    expect(half.values).toEqual(want);
    expect(full.values).toEqual(want);
  });

  it('leaves metrics the report does not mention absent, never 0', () => {
    const r = parse(report('- 入金有效成功率：99.99%'));
    expect(r.values).toEqual({ inbound_success_rate: 99.99 });
    expect(r.counts).toEqual({});
    expect(r.previous).toEqual({});
    expect(r.incidents).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('does not read goals, project progress or new-item counts as values', () => {
    const r = parse(
      report(
        [
          '- 新支付能力建设：网联代收开发进度 70%',
          '- 数据分类分级：一共181个数据库（本周新增2个）',
          '',
          '# 下周工作及目标',
          '',
          '1. 数据分类分级打标完成50%',
          '2. Hive迁移进度推进至70%',
          '3. 入金有效成功率：99.99%',
        ].join('\n'),
      ),
    );
    expect(r.values).toEqual({});
    expect(r.counts).toEqual({ data_classification_progress: { total: 181 } });
  });

  it('reads the health score and the previous week from both phrasings', () => {
    expect(parse(report('2. 健康分治理，本周从471分提到488分。'))).toMatchObject({
      values: { health_score: 488 },
      previous: { health_score: 471 },
    });
    expect(parse(report('2. 健康分治理：本周健康分601分（上周589分）。'))).toMatchObject({
      values: { health_score: 601 },
      previous: { health_score: 589 },
    });
  });

  it('keeps the stated migration percentage and total; 剩余N个 is not a done count', () => {
    const r = parse(report('    迁移进度（总数164个）：92.7%，剩余12个报表待迁移。'));
    expect(r.values).toEqual({ hive_migration_progress: 92.7 });
    expect(r.counts).toEqual({ hive_migration_progress: { total: 164 } });
    expect(r.warnings).toEqual([]);
  });

  it('warns when 剩余N个 disagrees with the stated migration percentage', () => {
    const r = parse(report('    迁移进度（总数164个）：92.7%，剩余30个。'));
    expect(r.values).toEqual({ hive_migration_progress: 92.7 });
    expect(codes(r)).toEqual(['remaining_mismatch']);
  });

  it('derives the classification percentage from the counts when the stated one disagrees', () => {
    const r = parse(report('1. 数据分类分级：一共179个数据库，目前打标完成27个数据库，完成率：16.08%'));
    expect(r.values).toEqual({ data_classification_progress: 15.08 });
    expect(r.counts).toEqual({ data_classification_progress: { done: 27, total: 179 } });
    expect(codes(r)).toEqual(['percent_mismatch']);
    expect(r.warnings[0].message).toContain('16.08');
  });

  it('accepts a stated percentage within half a unit of its last digit', () => {
    const r = parse(report('1. 数据分类分级：一共179个数据库，目前打标完成27个数据库，完成率：15.1%'));
    expect(r.values).toEqual({ data_classification_progress: 15.1 });
    expect(r.warnings).toEqual([]);
  });

  it('keeps 100% and extra decimals exactly as stated', () => {
    const r = parse(report('- Hive数仓建设总进度：100%，迁移进度（总数164个）：100%，已全部完成。\n- 入金有效成功率：99.995%'));
    expect(r.values).toEqual({ hive_overall_progress: 100, hive_migration_progress: 100, inbound_success_rate: 99.995 });
  });

  it('takes this week\'s column of a KPI table and last week\'s as previous, whatever the column order', () => {
    const r = parse(report('| 指标 | 目标 | 上周 | 本周 |\n|---|---|---|---|\n| 入金有效成功率 | 99.99% | 99.97% | 99.98% |\n| 健康分 | 600分 | 702 分 | 715 分 |'));
    expect(r.values).toEqual({ inbound_success_rate: 99.98, health_score: 715 });
    expect(r.previous).toEqual({ inbound_success_rate: 99.97, health_score: 702 });
    expect(r.warnings).toEqual([]);
  });

  it('warns and reads nothing from a table that does not say which column is this week\'s', () => {
    const r = parse(report('| 指标 | 7月 | 8月 |\n|---|---|---|\n| 入金有效成功率 | 99.97% | 99.98% |'));
    expect(r.values).toEqual({});
    expect(codes(r)).toEqual(['uncertain_value']);
  });

  it('reads movement phrases and "X（上周Y）" for percentages: the later figure is this week\'s', () => {
    const r = parse(report('- Hive数仓建设总进度由 97.5% 提升至 98.0%，出金有效成功率 99.93 ％（上周99.96%）'));
    expect(r.values).toEqual({ hive_overall_progress: 98, outbound_success_rate: 99.93 });
    expect(r.previous).toEqual({ hive_overall_progress: 97.5, outbound_success_rate: 99.96 });
  });

  it('reads done/total written as "完成N个，共M个", "(N/M)" and "M个中已完成N个"', () => {
    for (const line of ['数据分类分级打标完成97个，共120个', '数据分类分级打标（97/120）', '数据分类分级：120个中已完成97个']) {
      expect(parse(report(line)).counts).toEqual({ data_classification_progress: { done: 97, total: 120 } });
    }
    const m = parse(report('- Hive迁移进度 80.0%（64/80）'));
    expect(m.values).toEqual({ hive_migration_progress: 80 });
    expect(m.counts).toEqual({ hive_migration_progress: { done: 64, total: 80 } });
  });

  it('ignores an impossible percentage with a warning', () => {
    const r = parse(report('- 入金有效成功率：199.99%'));
    expect(r.values).toEqual({});
    expect(codes(r)).toEqual(['out_of_range']);
  });
});

describe('incident counts', () => {
  const log = (...events: string[]) => `3. 生产稳定性事件：\n${events.join('\n\n')}`;

  it('reads one count per grade', () => {
    const r = parse(report(`- 事故数A级0次，B级0次，C级1次，D级0次\n\n${log('- 7/12 10:00 交易失败，持续5分钟\n\n    处置：重启。定级C级')}`));
    expect(r.values).toEqual({ incidents_a: 0, incidents_b: 0, incidents_c: 1, incidents_d: 0 });
    expect(r.warnings).toEqual([]);
  });

  it('splits AB级1次 by the grade of the one graded event', () => {
    const r = parse(report(`- 事故数AB级1次，CD级0次\n\n${log('- 7/12 14:03 渠道交易失败，持续41min\n\n    原因：配置遗漏\n\n    处置：回滚。预估B级')}`));
    expect(r.values).toEqual({ incidents_a: 0, incidents_b: 1, incidents_c: 0, incidents_d: 0 });
    expect(r.warnings).toEqual([]);
  });

  it('leaves the split of CD级1次 absent and warns when the only event is ungraded', () => {
    const r = parse(report(`- 事故数AB级0次，CD级1次\n\n${log('- 7/12 10:00 对账延迟，持续5分钟\n\n    原因：限流\n\n    处置：重试')}`));
    expect(r.values).toEqual({ incidents_a: 0, incidents_b: 0 });
    expect(codes(r)).toEqual(['ungraded_bucket']);
  });

  it('warns about AB级N次 when the report has no incident log', () => {
    const r = parse(report('- 事故数AB级1次，CD级0次'));
    expect(r.values).toEqual({ incidents_c: 0, incidents_d: 0 });
    expect(codes(r)).toEqual(['ungraded_bucket']);
  });

  it('treats 生产稳定性事件：无 as an empty log', () => {
    const r = parse(report('- 事故数AB级0次，CD级0次\n\n3. 生产稳定性事件：无'));
    expect(r.values).toEqual({ incidents_a: 0, incidents_b: 0, incidents_c: 0, incidents_d: 0 });
    expect(r.incidents).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('warns when per-grade counts disagree with the graded events', () => {
    const r = parse(report(`- 事故数A级0次，B级0次，C级0次，D级2次\n\n${log('- 7/12 10:00 对账延迟，持续5分钟\n    处置：重试。定级D级')}`));
    expect(r.values.incidents_d).toBe(2);
    expect(codes(r)).toEqual(['incident_count_mismatch']);
  });

  it('warns when AB级0次 but the log has a graded B event', () => {
    const r = parse(report(`- 事故数AB级0次，CD级0次\n\n${log('- 7/12 10:00 交易失败，持续5分钟\n    处置：回滚。预估B级')}`));
    expect(r.values).toEqual({ incidents_a: 0, incidents_b: 0, incidents_c: 0, incidents_d: 0 });
    expect(codes(r)).toEqual(['incident_count_mismatch']);
  });
});

describe('incident log', () => {
  const one = (line: string, rest = '\n    原因：限流\n    处置：重试') =>
    parse(report(`3. 生产稳定性事件：\n${line}${rest}`)).incidents;

  it('takes the duration from a time span', () => {
    expect(one('- 7/12 11:20 ～ 11:52 网关超时')).toMatchObject([
      { startedAt: '2023-07-12T11:20', durationMinutes: 32, title: '网关超时' },
    ]);
    expect(one('- 7/12 23:50~00:10 批量任务延迟')[0].durationMinutes).toBe(20);
  });

  it('reads a span that repeats its date and runs into the next day, and warns when the end date cannot be right', () => {
    expect(one('- 3/02 03/02 21:40 ～ 03/03 08:05 回盘文件缺失')[0]).toMatchObject({ startedAt: '2023-03-02T21:40', durationMinutes: 625, title: '回盘文件缺失' });
    const r = parse(report('3. 生产稳定性事件：\n- 7/12 21:40 ～ 07/10 08:05 回盘文件缺失\n    处置：补发'));
    expect(r.incidents[0]).not.toHaveProperty('durationMinutes');
    expect(codes(r)).toEqual(['uncertain_value']);
  });

  it('reads numbered events, 7月12日 dates and 1小时5分 as separate incidents', () => {
    const r = parse(report('2. 生产稳定性事件：\n    1. 7月12日 10:05 短信抖动，告警持续8mins\n        处置：切换\n    2. 07/13 22:00 批量延迟，持续1小时5分\n        处置：重跑\n3. 其他事项'));
    expect(r.incidents.map((i) => [i.startedAt, i.durationMinutes, i.title])).toEqual([
      ['2023-07-12T10:05', 8, '短信抖动'],
      ['2023-07-13T22:00', 65, '批量延迟'],
    ]);
  });

  it('reads events numbered "(1)" and "（2）" each as its own incident', () => {
    const r = parse(report('3. 生产稳定性事件：\n(1) 7/12 10:05 短信抖动\n（2）7/13 22:00 批量延迟'));
    expect(r.incidents.map((i) => [i.startedAt, i.title])).toEqual([
      ['2023-07-12T10:05', '短信抖动'],
      ['2023-07-13T22:00', '批量延迟'],
    ]);
  });

  it('warns about a dated event with no start time instead of dropping it silently', () => {
    const r = parse(report('3. 生产稳定性事件：\n- 7/12 10:00 网关超时\n- 7/13 夜间批量延迟（时间待补）'));
    expect(r.incidents).toHaveLength(1);
    expect(codes(r)).toEqual(['incident_no_time']);
  });

  it('drops a bracketed span from the title', () => {
    expect(one('- 7/12 10:00 网关超时（11:20～11:52）')[0]).toMatchObject({ durationMinutes: 32, title: '网关超时' });
  });

  it('reads an event written on the log label line with inline cause and handling', () => {
    const r = parse(report('3. 生产稳定性事件：7/12 10:00 网关超时，持续5分钟，原因：证书过期；处置：续期。定级D级\n4. 其他'));
    expect(r.incidents).toEqual([
      {
        startedAt: '2023-07-12T10:00',
        durationMinutes: 5,
        grade: 'D',
        gradeStatus: 'final',
        title: '网关超时',
        cause: '证书过期',
        handling: '续期。',
      },
    ]);
  });

  it('reads 告警持续19mins, 持续35分钟 and 持续1小时 and drops them from the title', () => {
    expect(one('- 7/12 10:02 清结算批量任务延迟，告警持续19mins')).toMatchObject([
      { durationMinutes: 19, title: '清结算批量任务延迟' },
    ]);
    expect(one('- 7/12 21:15 对账文件下载超时，对账延迟，持续35分钟')[0]).toMatchObject({
      durationMinutes: 35,
      title: '对账文件下载超时，对账延迟',
    });
    expect(one('- 7/12 21:15 对账延迟，持续1小时20分钟')[0].durationMinutes).toBe(80);
  });

  it('leaves the duration absent when the log gives none', () => {
    expect(one('- 7/12 10:00 短信通道抖动')[0]).not.toHaveProperty('durationMinutes');
  });

  it('reads cause and handling, and a grade given only on the incident line', () => {
    expect(one('- 7/12 10:00 渠道交易失败，持续3分钟，预估C级', '\n    原因：渠道故障\n    处置：切换渠道')).toEqual([
      {
        startedAt: '2023-07-12T10:00',
        durationMinutes: 3,
        grade: 'C',
        gradeStatus: 'estimated',
        title: '渠道交易失败',
        cause: '渠道故障',
        handling: '切换渠道',
      },
    ]);
  });

  it('prefers a final grade over an estimate, and leaves ungraded events ungraded', () => {
    expect(one('- 7/12 10:00 交易失败', '\n    处置：回滚。预估C级，定级D级')[0]).toMatchObject({ grade: 'D', gradeStatus: 'final' });
    expect(one('- 7/12 10:00 交易失败')[0]).toMatchObject({ grade: null, gradeStatus: null });
  });

  it('dates a December event in an early-January report in the previous year', () => {
    const r = parse(report('3. 生产稳定性事件：\n- 12/30 22:10 跨年批量延迟，持续15分钟\n    原因：批量积压\n    处置：扩容\n- 1/02 09:00 登录超时，持续5分钟\n    原因：网络\n    处置：重启', '# 第1周 2024-01-05'));
    expect(r.incidents.map((i) => i.startedAt)).toEqual(['2023-12-30T22:10', '2024-01-02T09:00']);
    expect(r.warnings).toEqual([]);
  });

  it('sorts events that were not logged in time order', () => {
    const r = parse(report('3. 生产稳定性事件：\n- 7/14 10:00 后发生\n    处置：重启\n- 7/11 09:00 先发生\n    处置：重启'));
    expect(r.incidents.map((i) => i.title)).toEqual(['先发生', '后发生']);
  });

  it('does not treat dated lines outside the log as incidents', () => {
    expect(parse(report('1. 7/12 10:00 版本发布评审\n\n3. 生产稳定性事件：无')).incidents).toEqual([]);
  });
});
