// The stored whole report (WeekReport) → the parser's WholeReport, for render-markdown. Pure.
// Group initiatives carry their items as children; a progress the text does not state is appended to it.
import type { Language } from '../constants';
import type { FindingStatus, WeekInitiative, WeekReport } from './model';
import type { ReportItem, WholeReport } from './types';

const FINDING_WORDS: Record<FindingStatus, { zh: string; en: string }> = {
  open: { zh: '未处理', en: 'open' },
  in_progress: { zh: '处理中', en: 'in progress' },
  resolved: { zh: '已解决', en: 'resolved' },
  accepted_risk: { zh: '接受风险', en: 'risk accepted' },
};

function itemText(it: WeekInitiative, lang: Language): string {
  const u = it.update;
  if (!u) return '';
  if (u.progress === null || u.text.includes('%')) return u.text;
  const stated = lang === 'zh' ? `总体进度${u.progress}%` : `overall progress ${u.progress}%`;
  return u.text ? `${u.text}${lang === 'zh' ? '，' : ', '}${stated}` : stated;
}

function toItem(it: WeekInitiative, lang: Language, children: ReportItem[]): ReportItem {
  const item: ReportItem = { title: it.title, text: itemText(it, lang) };
  if (it.update?.status === 'done') item.status = 'done';
  if (it.update?.progress !== null && it.update?.progress !== undefined) item.progress = it.update.progress;
  if (children.length) item.children = children;
  return item;
}

export function weekReportToWhole(r: WeekReport, lang: Language): WholeReport {
  return {
    focus: r.focus.map((i) => i.text),
    other: r.other.map((i) => i.text),
    nextWeek: r.nextWeek.map((i) => i.text),
    reflection: r.reflection,
    objectives: r.objectives
      .map((o) => {
        const ids = new Set(o.initiatives.map((i) => i.id));
        const items = o.initiatives
          .filter((i) => i.parentId === null || !ids.has(i.parentId))
          .map((i) => toItem(i, lang, o.initiatives.filter((k) => k.parentId === i.id && k.update).map((k) => toItem(k, lang, []))))
          .filter((i) => i.text || i.children?.length);
        return { code: o.code, title: (lang === 'en' && o.titleEn) || o.titleZh || o.titleEn, items };
      })
      .filter((o) => o.items.length > 0),
    findings: r.findings.map((f) => ({
      title: f.title,
      status: f.note?.text || FINDING_WORDS[f.note?.status ?? f.status][lang],
      ...(f.owner ? { owner: f.owner } : {}),
      ...(f.dueDate ? { due: f.dueDate } : {}),
    })),
  };
}
