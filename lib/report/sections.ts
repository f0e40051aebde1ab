// The report's prose, one extractor per kind of section: focus, objectives with their items and
// findings, other, reflection and next week's plan. Figures and events have their own extractors.
import { introducesLog } from './incidents';
import { tidy } from './text';
import { descendants, type ReportNode, type ReportTree } from './tree';
import type { ItemStatus, ReportFinding, ReportItem, ReportObjective, WholeReport } from './types';

export type SectionKind =
  | 'title'
  | 'focus'
  | 'kpis'
  | 'objective'
  | 'findings'
  | 'other'
  | 'reflection'
  | 'plan'
  | 'daily'
  | 'container'
  | 'extra';

const BRACKETS = /[【】\[\]*]/g;
const OBJECTIVE = /^O\s{0,2}(\d{1,2})\s{0,3}(.*)$/i;
const GROUP = /^[A-Z][.、]\s{0,3}\S/;

export function sectionKind(norm: string): SectionKind {
  const t = norm.replace(BRACKETS, ' ').trim();
  if (OBJECTIVE.test(t)) return 'objective';
  if (/^第\s{0,3}\d{1,3}\s{0,3}周/.test(t) || /^\d{4}[-/.年]\d{1,2}/.test(t)) return 'title';
  if (/^(?:下周|下一周|下阶段)/.test(t)) return 'plan';
  if (/重点工作|本周重点|重点事项/.test(t)) return 'focus';
  if (/运行数据|系统数据|核心指标|^KPI/i.test(t)) return 'kpis';
  if (/发现的问题|审计发现|检查发现/.test(t)) return 'findings';
  if (/^(?:其他|其它)/.test(t)) return 'other';
  if (/收获|反思|心得/.test(t)) return 'reflection';
  if (/日报/.test(t)) return 'daily';
  if (/(?:上周|本周)进展/.test(t)) return 'container';
  return 'extra';
}

const NONE = /^(?:暂无|无|没有|N\/A|none)[。.]?$/i;
const FINDINGS_LABEL = /发现的问题|发现问题/;
const PROGRESS = /(?:开发进度|总体进度|整体进度|项目进度|完成进度)\s{0,3}:?\s{0,3}(\d{1,3}(?:\.\d{1,2})?)\s{0,2}%/;
const STATUS: ReadonlyArray<readonly [RegExp, ItemStatus]> = [
  [/已投产/, 'live'],
  [/已上线/, 'launched'],
  [/评审中/, 'in_review'],
  [/开发进度|开发中/, 'in_development'],
  // "6项中已完成4项" is a count, not a finished initiative.
  [/已全部完成|已完成(?!\s{0,2}[\d一二三四五六七八九十])/, 'done'],
];
const DASH = /\s{0,3}(?:—{1,2}|-{2,3}|–{1,2})\s{0,3}/;
const OWNER = /负责人\s{0,2}:?\s{0,2}([^,;，；)）\s]{1,40})/;
const DUE = /(?:截止|到期|due)\s{0,2}:?\s{0,2}(\d{4}-\d{2}-\d{2})/i;
const FINDING_META = /[(（][^()（）]{0,80}(?:负责人|截止)[^()（）]{0,80}[)）]/;

/** Text lines under an item (its indented paragraphs), joined. */
function continuation(n: ReportNode, field: 'raw' | 'norm' = 'raw'): string {
  return n.children
    .filter((c) => c.kind === 'text')
    .map((c) => c[field])
    .join('\n');
}

const clean = (s: string) => tidy(s.trim()).replace(/[；;。.]+$/, '').trim();

export function toFinding(n: ReportNode): ReportFinding | null {
  const whole = [n.raw, continuation(n)].filter(Boolean).join(' ');
  const norm = [n.norm, continuation(n, 'norm')].filter(Boolean).join(' ');
  const dash = DASH.exec(norm);
  let title = dash ? whole.slice(0, dash.index) : whole;
  const titleNorm = dash ? norm.slice(0, dash.index) : norm;
  const status = dash ? clean(whole.slice(dash.index + dash[0].length)) : '';
  const finding: ReportFinding = { title: '' };
  const meta = FINDING_META.exec(titleNorm);
  if (meta) {
    const owner = OWNER.exec(meta[0]);
    const due = DUE.exec(meta[0]);
    if (owner) finding.owner = owner[1];
    if (due) finding.due = due[1];
    title = title.slice(0, meta.index) + title.slice(meta.index + meta[0].length);
  }
  finding.title = clean(title);
  if (status) finding.status = status;
  return finding.title ? finding : null;
}

/** "title：text"; without a colon the first clause is the title ("健康分治理，本周从…"). */
function splitTitle(n: ReportNode): { title: string; text: string } {
  let at = n.norm.indexOf(':');
  if (at < 0) at = n.norm.indexOf(',');
  if (at < 0) return { title: n.raw, text: '' };
  return { title: tidy(n.raw.slice(0, at)), text: n.raw.slice(at + 1).trim() };
}

/** The state and progress an item states in its own title and text (also used by the exporter to know what a re-import would read). */
export function describe(item: ReportItem): ReportItem {
  const own = `${item.title} ${item.text}`;
  const p = PROGRESS.exec(own);
  if (p && Number(p[1]) <= 100) item.progress = Number(p[1]);
  for (const [re, status] of STATUS) {
    if (re.test(own)) {
      item.status = status;
      break;
    }
  }
  return item;
}

interface Collected {
  items: ReportItem[];
  findings: ReportFinding[];
}

function collectItems(nodes: ReportNode[], into: Collected): void {
  for (const n of nodes) {
    if (n.kind !== 'item' || introducesLog(n.norm)) continue;
    const label = FINDINGS_LABEL.exec(n.norm);
    if (label) {
      for (const c of n.children) {
        const f = c.kind === 'item' ? toFinding(c) : null;
        if (f) into.findings.push(f);
      }
      const title = clean(n.raw.slice(0, label.index).replace(/[,，:、\s]+$/, ''));
      if (title) into.items.push({ title, text: '' });
      continue;
    }
    const { title, text } = splitTitle(n);
    const more = continuation(n);
    const item = describe({ title, text: [text, more].filter(Boolean).join('\n') });
    const sub: Collected = { items: [], findings: into.findings };
    collectItems(n.children, sub);
    if (sub.items.length) item.children = sub.items;
    if (item.title) into.items.push(item);
  }
}

function itemTexts(nodes: ReportNode[]): string[] {
  const items = nodes.filter((n) => n.kind === 'item');
  const from = items.length ? items : nodes.filter((n) => n.kind === 'text');
  return from.map((n) => [n.raw, continuation(n)].filter(Boolean).join('\n')).filter((s) => s.trim() !== '');
}

/** Reads every section the tree holds; sections a report leaves out stay empty. */
export function extractSections(tree: ReportTree): WholeReport {
  const out: WholeReport = { focus: [], objectives: [], findings: [], other: [], reflection: '', nextWeek: [] };
  let objective: ReportObjective | null = null;

  const visit = (heading: ReportNode, inherited: SectionKind | null) => {
    let kind = sectionKind(heading.norm);
    const body = heading.children.filter((c) => c.kind !== 'heading');
    // A lettered group ("B. POS收单系统建设") or any unnamed heading inside an objective is one of its items.
    const isGroup = objective && (inherited === 'objective' || (kind === 'extra' && GROUP.test(heading.norm)));
    if (isGroup && kind === 'extra' && objective) {
      const sub: Collected = { items: [], findings: out.findings };
      collectItems(body, sub);
      const paragraphs = body.filter((c) => c.kind === 'text').map((c) => c.raw);
      const group = describe({ title: heading.raw.replace(BRACKETS, '').trim(), text: paragraphs.join('\n') });
      if (sub.items.length) group.children = sub.items;
      objective.items.push(group);
      for (const h of heading.children) if (h.kind === 'heading') visit(h, 'objective');
      return;
    }
    if (kind === 'extra' && inherited) kind = inherited;
    if (kind !== 'objective' && kind !== 'extra') objective = null;

    if (kind === 'objective') {
      const m = OBJECTIVE.exec(heading.norm.replace(BRACKETS, ' ').trim());
      const titleNorm = heading.norm.replace(BRACKETS, ' ').trim();
      const rawTitle = heading.raw.replace(BRACKETS, ' ').trim();
      const title = (m ? rawTitle.slice(titleNorm.length - m[2].length) : rawTitle).replace(/^[\s:：、.]+/, '').trim();
      objective = { code: `O${Number(m?.[1] ?? 0)}`, title, items: [] };
      out.objectives.push(objective);
      collectItems(body, { items: objective.items, findings: out.findings });
    } else if (kind === 'focus') out.focus.push(...itemTexts(body));
    else if (kind === 'other') out.other.push(...itemTexts(body));
    else if (kind === 'plan') out.nextWeek.push(...itemTexts(body));
    else if (kind === 'findings') {
      for (const n of body) {
        const f = n.kind === 'item' ? toFinding(n) : null;
        if (f) out.findings.push(f);
      }
    } else if (kind === 'reflection') {
      const text = [...body.flatMap((n) => [n, ...descendants(n)])].map((n) => n.raw).join('\n').trim();
      if (!NONE.test(text)) out.reflection = out.reflection ? `${out.reflection}\n${text}` : text;
    }
    const pass = kind === 'objective' ? 'objective' : kind === 'container' || kind === 'title' || kind === 'extra' ? null : kind;
    for (const h of heading.children) if (h.kind === 'heading') visit(h, pass);
  };

  for (const root of tree.roots) if (root.kind === 'heading') visit(root, null);
  return out;
}
