// A week as the team's Markdown report: the inverse of parseReport. Pure. The Chinese output is the
// team's own format and reads back through parseReport to the same week (see render-markdown.test.ts);
// English uses the same layout with English headings and labels, for readers, not for re-import.
import { DEFAULT_METRICS, GRADES, INCIDENT_COUNT_KEYS, type DefaultMetricKey, type Language } from '../constants';
import type { MetricCounts, MetricValues, ParsedIncident, ReportFinding, ReportItem, WholeReport } from './types';

export interface RenderableWeek {
  /** "2023-W29" */
  label: string;
  /** yyyy-MM-dd, the heading's date. */
  reportDate: string;
  values: MetricValues;
  counts: Partial<Record<DefaultMetricKey, MetricCounts>>;
  previous?: MetricValues;
  incidents: ParsedIncident[];
  report: WholeReport;
}

const HEAD = {
  zh: {
    title: (n: number, d: string) => `# 第${n}周 ${d}`,
    progress: '# 上周进展',
    focus: '## 【重点工作】',
    kpis: '## 【系统运行数据】',
    objective: (code: string, title: string) => `## 【${code} ${title}】`,
    findings: '## 【发现的问题】',
    findingsItem: '发现的问题：',
    other: '## 【其他】',
    reflection: '## 收获与反思',
    none: '暂无',
    plan: '# 下周工作及目标',
    daily: '# 日报合集',
    log: '生产稳定性事件：',
    cause: '原因：',
    handling: '处置：',
    colon: '：',
  },
  en: {
    title: (n: number, d: string) => `# Week ${n} ${d}`,
    progress: '# Last week',
    focus: '## Focus',
    kpis: '## Key figures',
    objective: (code: string, title: string) => `## ${code} ${title}`,
    findings: '## Findings',
    findingsItem: 'Findings:',
    other: '## Other',
    reflection: '## Reflection',
    none: 'None',
    plan: '# Next week',
    daily: '# Daily notes',
    log: 'Production events:',
    cause: 'Cause: ',
    handling: 'Handling: ',
    colon: ': ',
  },
} as const;

const NAMES: Record<string, { zh: string; en: string }> = Object.fromEntries(
  DEFAULT_METRICS.map((m) => [m.key, { zh: m.labelZh, en: m.labelEn }]),
);
const pad = (n: number) => String(n).padStart(2, '0');

function metricLines(w: RenderableWeek, lang: Language): string[] {
  const out: string[] = [];
  const c = HEAD[lang].colon;
  for (const m of DEFAULT_METRICS) {
    const key = m.key as DefaultMetricKey;
    const v = w.values[key];
    if (v === undefined || m.kind === 'count') continue;
    const name = NAMES[key][lang];
    const counts = w.counts[key] ?? {};
    const prev = w.previous?.[key];
    if (key === 'health_score') {
      const unit = lang === 'zh' ? '分' : ' pts';
      out.push(prev === undefined ? `- ${name}${c}${v}${unit}` : lang === 'zh' ? `- ${name}${c}本周从${prev}分${prev > v ? '降到' : '提到'}${v}分` : `- ${name}${c}${v} pts (last week ${prev} pts)`);
    } else if (key === 'data_classification_progress' && counts.done !== undefined && counts.total !== undefined) {
      out.push(lang === 'zh' ? `- 数据分类分级${c}一共${counts.total}个数据库，目前打标完成${counts.done}个数据库，完成率${c}${v}%` : `- ${name}${c}${v}% (${counts.done}/${counts.total})`);
    } else if (key === 'hive_migration_progress' && counts.total !== undefined) {
      out.push(counts.done !== undefined ? `- ${name}${c}${v}%（${counts.done}/${counts.total}）` : lang === 'zh' ? `- ${name}（总数${counts.total}个）${c}${v}%` : `- ${name} (of ${counts.total})${c}${v}%`);
    } else {
      const last = prev === undefined ? '' : lang === 'zh' ? `（上周${prev}%）` : ` (last week ${prev}%)`;
      out.push(`- ${name}${c}${v}%${last}`);
    }
  }
  const grades = GRADES.filter((g) => w.values[INCIDENT_COUNT_KEYS[g]] !== undefined);
  if (grades.length) {
    const parts = grades.map((g) => (lang === 'zh' ? `${g}级${w.values[INCIDENT_COUNT_KEYS[g]]}次` : `grade ${g}: ${w.values[INCIDENT_COUNT_KEYS[g]]}`));
    out.push(lang === 'zh' ? `- 事故数${parts.join('，')}` : `- Incidents ${parts.join(', ')}`);
  }
  return out;
}

/** "7/06 15:44 ～ 16:03", with the end's date when the event ran past midnight. */
function eventWhen(e: ParsedIncident, lang: Language): string {
  const [date, time] = e.startedAt.split('T');
  const [, mo, d] = date.split('-').map(Number);
  const start = lang === 'zh' ? `${mo}/${pad(d)} ${time}` : `${date} ${time}`;
  if (e.durationMinutes === undefined) return start;
  const end = new Date(Date.UTC(2001, 0, 1, Number(time.slice(0, 2)), Number(time.slice(3)) + e.durationMinutes));
  const days = Math.floor((end.getTime() - Date.UTC(2001, 0, 1)) / 86_400_000);
  const endTime = `${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}`;
  if (days === 0) return `${start} ～ ${endTime}`;
  const endDate = new Date(Date.UTC(Number(date.slice(0, 4)), mo - 1, d + days));
  return `${start} ～ ${pad(endDate.getUTCMonth() + 1)}/${pad(endDate.getUTCDate())} ${endTime}`;
}

function eventLines(incidents: ParsedIncident[], lang: Language): string[] {
  const h = HEAD[lang];
  if (!incidents.length) return [`- ${h.log}${lang === 'zh' ? '无' : ' none'}`];
  const out = [`- ${h.log}`];
  for (const e of incidents) {
    out.push(`    - ${eventWhen(e, lang)} ${e.title}`);
    if (e.cause) out.push(`        ${h.cause}${e.cause}`);
    const grade = e.grade ? (lang === 'zh' ? `${e.gradeStatus === 'final' ? '定级' : '预估'}${e.grade}级` : `grade ${e.grade} (${e.gradeStatus})`) : '';
    if (e.handling || grade) out.push(`        ${h.handling}${[e.handling, grade].filter(Boolean).join(' ')}`);
  }
  return out;
}

const isGroup = (i: ReportItem) => /^[A-Z][.、]\s/.test(i.title);

/** "title：text"; a text's later lines are indented under the item so they stay its own. */
function itemLine(i: ReportItem, lang: Language, indent: string): string {
  const line = i.text ? `${i.title}${HEAD[lang].colon}${i.text}` : i.title;
  return line.replace(/\n+/g, `\n${indent}    `);
}

function itemLines(items: ReportItem[], depth: number, lang: Language): string[] {
  const indent = '    '.repeat(depth);
  return items.flatMap((item, n) => [
    `${indent}${depth === 0 ? '-' : `${n + 1}.`} ${itemLine(item, lang, indent)}`,
    ...itemLines(item.children ?? [], depth + 1, lang),
  ]);
}

export function findingLine(f: ReportFinding, lang: Language): string {
  const meta = [f.owner && (lang === 'zh' ? `负责人：${f.owner}` : `owner: ${f.owner}`), f.due && (lang === 'zh' ? `截止：${f.due}` : `due: ${f.due}`)].filter(Boolean);
  const title = meta.length ? `${f.title}（${meta.join('，')}）` : f.title;
  return f.status ? `${title}——${f.status}` : title;
}

export function renderReportMarkdown(w: RenderableWeek, lang: Language = 'zh'): string {
  const h = HEAD[lang];
  const r = w.report;
  const weekNo = Number(w.label.slice(w.label.indexOf('W') + 1));
  const blocks: string[][] = [[h.title(weekNo, w.reportDate)], [h.progress]];
  const numbered = (list: string[]) => list.map((t, i) => `${i + 1}. ${t}`);
  if (r.focus.length) blocks.push([h.focus], numbered(r.focus));
  blocks.push([h.kpis], [...metricLines(w, lang), ...eventLines(w.incidents, lang)]);

  const home = r.findings.length ? [...r.objectives].reverse().find((o) => o.code === 'O3') : undefined;
  for (const o of r.objectives) {
    blocks.push([h.objective(o.code, o.title)]);
    const plain = itemLines(o.items.filter((i) => !isGroup(i)), 0, lang);
    const findings = o === home ? [`- ${h.findingsItem}`, ...r.findings.map((f, i) => `    ${i + 1}. ${findingLine(f, lang)}`)] : [];
    if (plain.length || findings.length) blocks.push([...plain, ...findings]);
    for (const g of o.items.filter(isGroup)) {
      blocks.push([`### ${g.title}`]);
      if (g.text) blocks.push([g.text]);
      if (g.children?.length) blocks.push(itemLines(g.children, 0, lang));
    }
  }
  if (r.findings.length && !home) blocks.push([h.findings], numbered(r.findings.map((f) => findingLine(f, lang))));
  if (r.other.length) blocks.push([h.other], numbered(r.other));
  blocks.push([h.reflection], [r.reflection || h.none]);
  blocks.push([h.plan]);
  if (r.nextWeek.length) blocks.push(numbered(r.nextWeek));
  blocks.push([h.daily]);
  return `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`;
}
