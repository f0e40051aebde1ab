import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, type ReportItem } from './parse-report';

const FIXTURES = path.resolve(__dirname, '../../fixtures/reports');

interface ExpectedWhole {
  focus: number;
  findings: number;
  other: number;
  nextWeek: number;
  reflection: boolean;
  objectives: { code: string; title: string; items: string[] }[];
  findingsDetail?: { title: string; status: string }[];
  progress: Record<string, number>;
  status: Record<string, string>;
}

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, { report: ExpectedWhole }>;
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort();
const parse = (text: string) => parseReport(text, { numbering: 'jan1' });
const report = (body: string) => parse(`# 第29周 2023-07-15\n\n# 上周进展\n\n${body}\n`).report;

const flatten = (items: ReportItem[]): ReportItem[] => items.flatMap((i) => [i, ...flatten(i.children ?? [])]);

describe.each(files)('the whole report in %s', (file) => {
  const want = expected[file].report;
  const got = parse(readFileSync(path.join(FIXTURES, file), 'utf8')).report;

  it('reads every section with its items', () => {
    expect(got.focus).toHaveLength(want.focus);
    expect(got.findings).toHaveLength(want.findings);
    expect(got.other).toHaveLength(want.other);
    expect(got.nextWeek).toHaveLength(want.nextWeek);
    expect(got.reflection !== '').toBe(want.reflection);
    expect(got.objectives.map((o) => ({ code: o.code, title: o.title, items: o.items.map((i) => i.title) }))).toEqual(want.objectives);
    if (want.findingsDetail) expect(got.findings).toEqual(want.findingsDetail);
  });

  it('gives named items their stated progress and state', () => {
    const items = flatten(got.objectives.flatMap((o) => o.items));
    const find = (name: string) => items.find((i) => i.title.startsWith(name));
    for (const [name, progress] of Object.entries(want.progress)) expect(find(name)?.progress).toBe(progress);
    for (const [name, status] of Object.entries(want.status)) expect(find(name)?.status).toBe(status);
  });
});

describe('sections', () => {
  it('keeps an item progress out of the KPIs and reads nested channel states', () => {
    const r = parse('# 第29周 2023-07-15\n\n## 【O1 服务业务】\n\n- 新支付能力建设：\n    1. 网联代收：已投产\n    2. 数字钱包：开发进度 40%\n');
    expect(r.values).toEqual({});
    expect(r.report.objectives[0].items[0]).toEqual({
      title: '新支付能力建设',
      text: '',
      children: [
        { title: '网联代收', text: '已投产', status: 'live' },
        { title: '数字钱包', text: '开发进度 40%', status: 'in_development', progress: 40 },
      ],
    });
  });

  it('marks an item done only when it says it is, not when it counts finished parts', () => {
    const items = parse('# 第29周 2023-07-15\n\n## 【O2系统升级】\n\n1. 收单改造已完成，总体进度100%\n2. 核查整改：6项中已完成4项\n').report.objectives[0].items;
    expect(items.map((i) => [i.title, i.status, i.progress])).toEqual([
      ['收单改造已完成', 'done', 100],
      ['核查整改', undefined, undefined],
    ]);
  });

  it('reads an objective heading written with a colon', () => {
    expect(report('## O1：服务业务\n\n- 甲项目：推进中').objectives).toEqual([{ code: 'O1', title: '服务业务', items: [{ title: '甲项目', text: '推进中' }] }]);
  });

  it('reads "暂无" as no reflection, and keeps a written one', () => {
    expect(report('## 收获与反思\n\n暂无').reflection).toBe('');
    expect(report('## 收获与反思\n\n变更要先灰度。').reflection).toBe('变更要先灰度。');
  });

  it('reads findings with owner and due date, in their own section too', () => {
    const r = report('## 【发现的问题】\n\n1. 日志未脱敏（负责人：王五，截止：2023-08-31）——整改中；\n2. 口令过期策略缺失');
    expect(r.findings).toEqual([
      { title: '日志未脱敏', status: '整改中', owner: '王五', due: '2023-08-31' },
      { title: '口令过期策略缺失' },
    ]);
  });

  it('keeps renamed and reordered sections, and a lettered group that sits beside its objective', () => {
    const r = report('## 【下周工作及目标】\n\n1. 甲\n\n## 【O2系统升级】\n\n### A. 账户\n\n- 接口改造\n\n## B. 收单\n\n1. 改造完成，总体进度100%\n\n## 【其它】\n\n- 乙');
    expect(r.nextWeek).toEqual(['甲']);
    expect(r.other).toEqual(['乙']);
    expect(r.objectives[0].items.map((i) => [i.title, i.children?.map((c) => c.progress ?? c.title)])).toEqual([
      ['A. 账户', ['接口改造']],
      ['B. 收单', [100]],
    ]);
  });
});
